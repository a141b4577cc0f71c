// The chat page: reads name and room from the query string, joins through a ChatSession and wires the
// server's frames to the message log, the sidebar, the banner and the composer.

import { ChatSession } from './chat-session.js';
import { Composer } from './composer.js';
import { ConnectionBanner } from './connection-banner.js';
import { joinPageUrl, readJoinParams } from './join-link.js';
import { MessageList } from './message-list.js';
import { MessageView, nameKey } from './message-view.js';
import { Sidebar } from './sidebar.js';

const { username, room } = readJoinParams(window.location.search);

if (!username.trim() || !room.trim()) {
  window.location.replace(joinPageUrl('Username and room are required!', username, room));
} else {
  startChat(username, room);
}

function startChat(username, room) {
  document.title = `${room.trim().toLowerCase()} · Chat App`;
  const view = new MessageView(document, username);
  const messages = new MessageList(document.getElementById('messages'), document.getElementById('new-messages'));
  const sidebar = new Sidebar(document, username);
  sidebar.showRoom(room.trim().toLowerCase());

  const session = new ChatSession({
    username,
    room,
    resolveWsUrl: cachedWsUrl(),
    onFrame: (frame) => handleFrame(frame),
    onJoinRejected: (error) => window.location.replace(joinPageUrl(error, username, room)),
    onState: (state, info) => {
      banner.show(state, info);
      composer.setOnline(state === 'joined');
      if (state === 'offline' && info.reconnecting && !lostNoticeShown) {
        lostNoticeShown = true;
        messages.append(view.notice('Connection lost. Reconnecting…', Date.now(), true));
      }
      if (state === 'joined') lostNoticeShown = false;
    },
  });
  let lostNoticeShown = false;
  const banner = new ConnectionBanner(document, { onRetry: () => session.retryNow() });
  const composer = new Composer(document, { send: (type, fields) => session.request(type, fields) });

  function handleFrame(frame) {
    switch (frame.type) {
      case 'message':
        messages.append(view.text(frame), { forceScroll: isOwn(frame) });
        break;
      case 'locationMessage':
        messages.append(view.location(frame), { forceScroll: isOwn(frame) });
        break;
      case 'roomData':
        sidebar.render(frame);
        break;
      case 'error':
        messages.append(view.notice(`Server: ${String(frame.error ?? 'unknown error')}`, Date.now(), true));
        break;
      default:
        break; // unknown types are ignored so the protocol can grow
    }
  }

  // Your own message only arrives because you just sent it, so it is always brought into view.
  function isOwn(frame) {
    return !frame.system && nameKey(frame.username) === nameKey(username);
  }

  window.addEventListener('online', () => session.retryNow());
  window.addEventListener('pagehide', () => session.stop());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) session.start();
  });
  session.start();
}

/** Fetches /config.json once; failures are retried by the session's backoff. */
function cachedWsUrl() {
  let wsUrl = null;
  return async () => {
    if (wsUrl) return wsUrl;
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    const config = await response.json();
    if (typeof config.wsUrl !== 'string') throw new Error('config.json has no wsUrl');
    wsUrl = config.wsUrl;
    return wsUrl;
  };
}
