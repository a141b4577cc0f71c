// The chat page's entry point: reads name and room from the query string and starts the page, or sends
// the user back to the join page when either is missing.

import { ChatConfig } from './chat-config.js';
import { ChatPage } from './chat-page.js';
import { joinPageUrl, readJoinParams } from './join-link.js';

const { username, room } = readJoinParams(window.location.search);

if (!username.trim() || !room.trim()) {
  const missing = !username.trim() && !room.trim() ? 'a username and a room' : username.trim() ? 'a room' : 'a username';
  window.location.replace(joinPageUrl(`Enter ${missing}`, username, room));
} else {
  new ChatPage(document, username, room, new ChatConfig()).start();
}
