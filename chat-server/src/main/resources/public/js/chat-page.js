// The chat page's parts wired together: the session's frames go to the conversation and the sidebar, its
// state to the banner, the composer and the outbox.

import { ChatSession } from './chat-session.js';
import { Composer } from './composer.js';
import { ConnectionBanner } from './connection-banner.js';
import { Conversation } from './conversation.js';
import { EntryView } from './entry-view.js';
import { chatPageUrl, joinPageUrl } from './join-link.js';
import { MessageList } from './message-list.js';
import { MessageView } from './message-view.js';
import { Outbox } from './outbox.js';
import { rememberJoin } from './remembered-join.js';
import { RoomSwitch } from './room-switch.js';
import { Sidebar } from './sidebar.js';
import { Unread } from './unread.js';

export class ChatPage {
  /** @param {ChatConfig} config the server's /config.json */
  constructor(document, username, room, config) {
    this.username = username;
    this.room = room;
    this.config = config;
    this.limits = { maxHistoryPage: 50 };
    this.sidebar = new Sidebar(document, username);
    this.sidebar.showRoom(roomLabel(room));
    this.session = new ChatSession({
      username,
      room,
      resolveWsUrl: () => this.loadConfig(),
      onFrame: (frame) => this.showFrame(frame),
      onState: (state, info) => this.showState(state, info),
      onJoinRejected: (error) => window.location.replace(joinPageUrl(error.message, username, room, error.code)),
      onRoomSwitched: (newRoom) => this.roomSwitched(newRoom),
    });
    this.banner = new ConnectionBanner(document, { onRetry: () => this.session.retryNow() });
    this.composer = new Composer(document, {
      send: (type, fields, clientId) => this.outbox.submit(type, fields, clientId),
    });
    this.conversation = this.buildConversation(document, username);
    this.roomSwitch = new RoomSwitch(document, {
      switchTo: (newRoom) => this.session.switchRoom(newRoom),
      currentRoom: () => roomLabel(this.session.room),
      unsent: () => this.outbox.size(),
    });
  }

  buildConversation(document, username) {
    const request = (type, fields) => this.session.request(type, fields);
    const view = new MessageView(document, username);
    const entryView = new EntryView(document, view, {
      onLoadGap: (gap) => this.conversation.loadGap(gap),
      onEdit: (item) => {
        this.outbox.remove(item);
        this.composer.edit(String(item.fields.text ?? ''));
      },
      onDiscard: (item) => this.outbox.remove(item),
    });
    const list = new MessageList(document.getElementById('messages'), document.getElementById('new-messages'),
        entryView, { onReachTop: () => this.conversation.loadOlder() });
    const entries = new Map();
    this.outbox = new Outbox({
      request,
      isOnline: () => this.session.state === 'joined',
      onAdd: (item) => entries.set(item, this.conversation.timeline.addOutbox(item)),
      onUpdate: (item) => this.conversation.timeline.update(entries.get(item)),
      onRemove: (item) => {
        this.conversation.timeline.remove(entries.get(item));
        entries.delete(item);
      },
    });
    const unread = new Unread(document, {
      showMarker: (entry, old) => {
        entryView.newMarker = entry;
        if (old) this.conversation.timeline.update(old);
        if (entry) this.conversation.timeline.update(entry);
      },
    });
    return new Conversation({
      list, entryView, outbox: this.outbox, unread, username, request,
      pageSize: () => this.limits.maxHistoryPage,
    });
  }

  start() {
    this.conversation.open(roomLabel(this.room));
    window.addEventListener('online', () => this.session.retryNow());
    window.addEventListener('pagehide', () => this.session.stop());
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.session.start();
    });
    this.session.start();
  }

  async loadConfig() {
    const config = await this.config.load();
    this.limits = config;
    this.composer.setMaxLength(config.maxMessageLength);
    this.roomSwitch.setMaxLength(config.maxRoomLength);
    return config.wsUrl;
  }

  showFrame(frame) {
    if (frame.type === 'roomData') this.sidebar.render(frame);
    else if (frame.type === 'error') this.conversation.timeline.addNotice(serverNotice(frame));
    else this.conversation.receive(frame);
  }

  showState(state, info) {
    // For styles and tests: the page's connection state ('connecting', 'joined', 'offline', 'failed').
    document.body.dataset.connection = state;
    this.banner.show(state, info);
    if (state === 'connecting' && !info.reconnecting) this.composer.setState('joining', 'Joining the room…');
    else if (state === 'failed' && !info.reconnecting) this.composer.setState('joining', 'Could not join the room.');
    else this.composer.setState(state === 'joined' ? 'online' : 'offline');
    if (state === 'joined') {
      rememberJoin(this.username.trim(), this.session.room.trim());
      this.outbox.flush();
    }
  }

  /** The server accepted the new room: its frames follow, into a fresh list. */
  roomSwitched(room) {
    this.conversation.open(roomLabel(room));
    this.sidebar.showRoom(roomLabel(room));
    window.history.replaceState(null, '', chatPageUrl(this.username, room));
    rememberJoin(this.username.trim(), room.trim());
  }
}

function roomLabel(room) {
  return room.trim().toLowerCase();
}

function serverNotice(frame) {
  return { system: true, local: true, text: `Server: ${String(frame.error ?? 'unknown error')}`, createdAt: Date.now() };
}
