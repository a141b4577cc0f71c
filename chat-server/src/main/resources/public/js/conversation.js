// One room's conversation on this page: puts the server's frames into the timeline (join histories, live
// messages, older pages), each message once whatever route it came by, and fills holes: a rejoin that could
// not recover what was missed, or a live id that skips one, leaves a "Some messages could not be loaded" gap
// that loads what is older on request (and, for a skipped id, at once).

import { nameKey } from './message-view.js';
import { Timeline } from './timeline.js';

export class Conversation {
  /**
   * @param {{list: MessageList, entryView: EntryView, outbox: Outbox, unread: Unread, username: string,
   *          request: function(string, object): Promise<object>, pageSize: function(): number}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.ownKey = nameKey(parts.username);
  }

  /** Starts an empty conversation for `room` (the first join, or a room switch the server accepted). */
  open(room) {
    this.timeline = new Timeline();
    this.lastSeenId = null;
    this.welcomed = false;
    this.loadingOlder = false;
    this.outbox.clear();
    this.list.show(this.timeline, room);
    this.unread.setRoom(room);
  }

  receive(frame) {
    if (frame.type === 'history' && frame.ref === undefined) this.joinHistory(frame);
    else if (frame.type === 'message' || frame.type === 'locationMessage') this.live(frame);
  }

  joinHistory(frame) {
    const lostEpoch = this.timeline.useEpoch(frame.epoch);
    if (lostEpoch) this.lastSeenId = null;
    const messages = roomMessages(frame.messages);
    if (this.isOwnJoin(messages.at(-1))) this.noteId(messages.pop().id);
    const first = this.timeline.length === 0;
    const last = this.lastSeenId;
    const gap = !first && frame.recovered !== true && messages.length > 0
        && (lostEpoch || (last !== null && messages[0].id > last + 1));
    this.timeline.batch(() => {
      if (first) this.timeline.hasOlder = frame.hasMore === true;
      if (gap) {
        const entry = this.timeline.addGap(lostEpoch ? 0 : last, messages[0].id);
        entry.exhausted = lostEpoch && frame.hasMore !== true;
      }
      messages.forEach((message) => this.add(message, true));
    });
    if (first) this.list.setEdge(this.timeline.hasOlder ? 'none' : 'beginning');
  }

  live(message) {
    if (!Number.isSafeInteger(message.id)) {
      // Only the greeting comes without an id; a rejoin greets again, and the list shows it once.
      if (this.welcomed) return;
      this.welcomed = true;
      this.timeline.addNotice(message);
      return;
    }
    if (this.timeline.has(message.id)) return;
    const skipped = this.lastSeenId !== null && message.id > this.lastSeenId + 1 ? this.lastSeenId : null;
    if (this.isOwn(message)) this.list.followNext();
    const entry = this.add(message, false);
    if (skipped !== null) this.loadGap(this.timeline.addGap(skipped, message.id));
    if (entry && !message.system && !this.isOwn(message)) this.unread.noteLive(entry);
  }

  add(message, quiet) {
    this.noteId(message.id);
    if (message.clientId && this.isOwn(message)) this.outbox.confirm(message.clientId);
    return this.timeline.addMessage(message, { quiet });
  }

  noteId(id) {
    this.lastSeenId = Math.max(this.lastSeenId ?? id, id);
  }

  /** The reader reached the oldest message in memory: the previous page, once at a time. */
  async loadOlder() {
    const before = this.timeline.firstId();
    if (this.loadingOlder || !this.timeline.hasOlder || before === null) return;
    const timeline = this.timeline;
    this.loadingOlder = true;
    this.list.setEdge('loading');
    try {
      const page = await this.page(before, this.pageSize());
      if (timeline !== this.timeline || !page) return;
      timeline.batch(() => {
        page.messages.filter((message) => message.id < before).forEach((message) => this.add(message, true));
        timeline.hasOlder = page.hasMore === true;
      });
    } catch {
      // Offline or refused: the next scroll to the top tries again.
    } finally {
      if (timeline === this.timeline) {
        this.loadingOlder = false;
        this.list.setEdge(timeline.hasOlder ? 'none' : 'beginning');
      }
    }
  }

  /** Loads the page just above the gap's lower edge; the gap closes once nothing is missing. */
  async loadGap(gap) {
    if (gap.loading || gap.exhausted) return;
    const timeline = this.timeline;
    gap.loading = true;
    timeline.update(gap);
    try {
      const missing = gap.beforeId - gap.afterId - 1;
      const page = await this.page(gap.beforeId, Math.max(1, Math.min(this.pageSize(), missing)));
      if (timeline !== this.timeline || !page) return;
      const found = page.messages.filter((message) => message.id > gap.afterId && message.id < gap.beforeId);
      timeline.batch(() => found.forEach((message) => this.add(message, true)));
      if (found.length > 0) gap.beforeId = found[0].id;
      if (gap.afterId > 0 && gap.beforeId <= gap.afterId + 1) {
        timeline.remove(gap);
        return;
      }
      gap.exhausted = page.hasMore !== true;
    } catch {
      // Offline or refused: the button stays for another try.
    } finally {
      gap.loading = false;
      timeline.update(gap);
    }
  }

  /** One `loadHistory` answer as {messages, hasMore}, or null when it is of another epoch. */
  async page(before, limit) {
    const ack = await this.request('loadHistory', { before, limit });
    const history = ack.reply;
    if (history?.type !== 'history' || history.epoch !== this.timeline.epoch) return null;
    return { messages: roomMessages(history.messages), hasMore: history.hasMore };
  }

  isOwn(message) {
    return !message.system && nameKey(message.username) === this.ownKey;
  }

  /** The notice this join posted ends its history; the greeting says the same, so it is not shown. */
  isOwnJoin(message) {
    return Boolean(message?.system) && nameKey(message.text) === `${this.ownKey} has joined!`;
  }
}

function roomMessages(messages) {
  return (Array.isArray(messages) ? messages : [])
      .filter((message) => (message?.type === 'message' || message?.type === 'locationMessage')
          && Number.isSafeInteger(message.id))
      .sort((a, b) => a.id - b.id);
}
