// The chat page's parts wired together: the session's frames go to the message log and the sidebar, its
// state changes to the banner and the composer.

import { ChatSession } from './chat-session.js';
import { Composer } from './composer.js';
import { ConnectionBanner } from './connection-banner.js';
import { joinPageUrl } from './join-link.js';
import { MessageList } from './message-list.js';
import { MessageView, nameKey } from './message-view.js';
import { rememberJoin } from './remembered-join.js';
import { Sidebar } from './sidebar.js';

export class ChatPage {
  constructor(document, username, room, resolveWsUrl) {
    this.username = username;
    this.room = room;
    this.view = new MessageView(document, username);
    this.messages = new MessageList(
        document.getElementById('messages'), document.getElementById('new-messages'));
    this.sidebar = new Sidebar(document, username);
    this.sidebar.showRoom(room.trim().toLowerCase());
    this.lostNoticeShown = false;
    this.session = new ChatSession({
      username,
      room,
      resolveWsUrl,
      onFrame: (frame) => this.showFrame(frame),
      onState: (state, info) => this.showState(state, info),
      onJoinRejected: (error) => window.location.replace(joinPageUrl(error, username, room)),
    });
    this.banner = new ConnectionBanner(document, { onRetry: () => this.session.retryNow() });
    this.composer = new Composer(document, { send: (type, fields) => this.session.request(type, fields) });
  }

  start() {
    window.addEventListener('online', () => this.session.retryNow());
    window.addEventListener('pagehide', () => this.session.stop());
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.session.start();
    });
    this.session.start();
  }

  showFrame(frame) {
    switch (frame.type) {
      case 'message':
        this.messages.append(this.view.text(frame), { forceScroll: this.isOwn(frame) });
        break;
      case 'locationMessage':
        this.messages.append(this.view.location(frame), { forceScroll: this.isOwn(frame) });
        break;
      case 'roomData':
        this.sidebar.render(frame);
        break;
      case 'error':
        this.notice(`Server: ${String(frame.error ?? 'unknown error')}`);
        break;
      default:
        break; // unknown types are ignored so the protocol can grow
    }
  }

  showState(state, info) {
    this.banner.show(state, info);
    if (state === 'connecting' && !info.reconnecting) this.composer.setOnline(false, 'Joining the room…');
    else this.composer.setOnline(state === 'joined');
    if (state === 'offline' && info.reconnecting && !this.lostNoticeShown) {
      this.lostNoticeShown = true;
      this.notice('Connection lost. Reconnecting…');
    }
    if (state === 'joined') {
      this.lostNoticeShown = false;
      rememberJoin(this.username.trim(), this.room.trim());
    }
  }

  /** Your own message only arrives because you just sent it, so it is always brought into view. */
  isOwn(frame) {
    return !frame.system && nameKey(frame.username) === nameKey(this.username);
  }

  notice(text) {
    this.messages.append(this.view.notice(text, Date.now(), true));
  }
}
