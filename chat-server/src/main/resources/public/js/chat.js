// The chat page's entry point: reads name and room from the query string and starts the page, or sends
// the user back to the join page when either is missing.

import { ChatPage } from './chat-page.js';
import { joinPageUrl, readJoinParams } from './join-link.js';

const { username, room } = readJoinParams(window.location.search);

if (!username.trim() || !room.trim()) {
  window.location.replace(joinPageUrl('Username and room are required!', username, room));
} else {
  document.title = `${room.trim().toLowerCase()} · Chat App`;
  new ChatPage(document, username, room, cachedWsUrl()).start();
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
