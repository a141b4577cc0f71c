// Keeps one user in one room across connection drops: connect, join, and on any loss reconnect with
// backoff and join the same room again, with the resume token of the latest join so that the server gives
// back the seat it held for us. The first join's rejection is final (the user must pick another name); a
// later "name in use" means the seat was not given back (the token was not accepted, or the server still
// holds an older connection of ours), so that one is retried a few times before giving up. A room switch is a
// second join on the same connection: until its ack the old room stays the session's room, and the new
// room's frames (they start with its ref-less history) are held back, so none of them can land in the old
// room's list and a refused switch changes nothing.

import { Backoff } from './backoff.js';
import { RequestSocket } from './request-socket.js';
import { ResumePoint } from './resume-point.js';

const NAME_TAKEN = 'name_taken';
// With the backoff capped at 10 s this spans about a minute: longer than the server takes (by default) to
// notice that a silent connection is dead and free its name.
const NAME_IN_USE_RETRIES = 8;

export class ChatSession {
  /**
   * @param {{username: string, room: string, resolveWsUrl: function(): Promise<string>,
   *          onFrame: function(object), onState: function(string, object),
   *          onJoinRejected: function(RequestError), onRoomSwitched: function(string), backoff?: Backoff}}
   *          options
   * States: 'connecting', 'joined', 'offline' (a retry is scheduled), 'failed' (gave up).
   */
  constructor(options) {
    Object.assign(this, options);
    this.backoff = options.backoff ?? new Backoff();
    this.socket = null;
    this.resume = new ResumePoint();
    this.timer = null;
    this.joinedOnce = false;
    this.nameInUseRetries = 0;
    this.stopped = true;
    this.switching = null;
  }

  start() {
    this.stopped = false;
    this.nameInUseRetries = 0;
    this.connect();
  }

  /** Drops any wait and tries again now (the banner's button, the browser coming back online). */
  retryNow() {
    if (this.stopped && this.state !== 'failed') return;
    if (this.state === 'joined' || this.state === 'connecting') return;
    this.backoff.reset();
    this.start();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  /** Sends a request on the current connection; rejects with a RequestError when offline. */
  request(type, fields) {
    if (this.state !== 'joined' || !this.socket) {
      return Promise.reject(Object.assign(new Error('You are offline.'), { kind: 'offline' }));
    }
    return this.socket.request(type, fields);
  }

  /**
   * Moves to another room on this connection; resolves once the server accepted it (after `onRoomSwitched`
   * and the new room's frames), rejects with the ack's error and leaves everything as it was otherwise.
   */
  async switchRoom(room) {
    if (this.state !== 'joined' || !this.socket || this.switching) {
      throw Object.assign(new Error('You are offline.'), { kind: 'offline' });
    }
    const socket = this.socket;
    this.switching = { held: null };
    try {
      const ack = await socket.request('join', { username: this.username, room });
      if (socket !== this.socket) return;
      const held = this.switching.held ?? [];
      this.switching = null;
      this.room = room;
      this.resume = new ResumePoint();
      this.resume.joined(ack);
      this.onRoomSwitched(room);
      held.forEach((frame) => this.receive(frame));
    } finally {
      this.switching = null;
    }
  }

  async connect() {
    clearTimeout(this.timer);
    this.setState('connecting', { reconnecting: this.joinedOnce });
    let url;
    try {
      url = await this.resolveWsUrl();
    } catch {
      this.scheduleRetry();
      return;
    }
    if (this.stopped) return;
    const socket = this.open(url);
    if (!socket) return;
    try {
      await socket.opened;
      const fields = { username: this.username, room: this.room, ...this.resume.joinFields() };
      this.resume.joined(await socket.request('join', fields));
    } catch (error) {
      this.joinFailed(socket, error);
      return;
    }
    this.backoff.reset();
    this.nameInUseRetries = 0;
    this.setState('joined', { rejoined: this.joinedOnce });
    this.joinedOnce = true;
  }

  /** A new connection, or null (and the 'failed' state) when the configured URL is unusable. */
  open(url) {
    try {
      const socket = new RequestSocket(url, {
        onFrame: (frame) => socket === this.socket && this.receive(frame),
        onClose: () => this.lost(socket),
      });
      this.socket = socket;
      return socket;
    } catch {
      this.stop();
      this.setState('failed', {
        error: `the server gave an unusable WebSocket address (${url})`, reconnecting: this.joinedOnce });
      return null;
    }
  }

  /** Every frame of the current connection passes the resume point on its way to the page. */
  receive(frame) {
    if (this.switching && (this.switching.held || (frame.type === 'history' && frame.ref === undefined))) {
      (this.switching.held ??= []).push(frame);
      return;
    }
    this.resume.note(frame);
    this.onFrame(frame);
  }

  joinFailed(socket, error) {
    if (socket !== this.socket || error.kind === 'offline') return; // the close handler reconnects
    if (error.kind === 'timeout') {
      socket.close();
      this.lost(socket);
    } else if (!this.joinedOnce) {
      this.stop();
      this.onJoinRejected(error);
    } else if (error.code === NAME_TAKEN && this.nameInUseRetries < NAME_IN_USE_RETRIES) {
      this.nameInUseRetries++;
      this.socket = null;
      socket.close();
      this.scheduleRetry('nameInUse');
    } else {
      this.stop();
      this.setState('failed', { error: error.message, reconnecting: this.joinedOnce });
    }
  }

  lost(socket) {
    if (socket !== this.socket || this.stopped) return;
    this.socket = null;
    this.switching = null;
    this.scheduleRetry();
  }

  scheduleRetry(reason = 'lost') {
    if (this.stopped) return;
    const delayMs = this.backoff.next();
    this.setState('offline', { retryInMs: delayMs, reconnecting: this.joinedOnce, reason });
    this.timer = setTimeout(() => this.connect(), delayMs);
  }

  setState(state, info = {}) {
    this.state = state;
    this.onState(state, info);
  }
}
