// The join page: fills the form from a bounced join attempt, shows why it failed, offers the active rooms.

import { readJoinParams } from './join-link.js';

const ROOMS_REFRESH_MS = 10000;

const form = document.getElementById('join-form');
const usernameInput = document.getElementById('username');
const roomInput = document.getElementById('room');
const errorText = document.getElementById('join-error');

restoreAttempt();
form.addEventListener('submit', validate);
applyServerLimits();
loadRooms();
setInterval(() => {
  if (document.visibilityState === 'visible') loadRooms();
}, ROOMS_REFRESH_MS);

function restoreAttempt() {
  const { username, room, error } = readJoinParams(window.location.search);
  usernameInput.value = username;
  roomInput.value = room;
  if (error) {
    const field = showError(error);
    // A refresh should show a clean page, while the fields keep their values.
    window.history.replaceState(null, '', '/');
    field.focus();
    field.select();
  }
}

function validate(event) {
  usernameInput.value = usernameInput.value.trim();
  roomInput.value = roomInput.value.trim();
  const missing = [usernameInput, roomInput].find((input) => !input.value);
  if (missing) {
    event.preventDefault();
    showError('Username and room are required!').focus();
  }
}

/** Shows `message` and marks the field it is about; returns that field (the name unless it is the room). */
function showError(message) {
  errorText.textContent = message;
  errorText.hidden = !message;
  const roomAtFault = message.toLowerCase().startsWith('room') || (usernameInput.value && !roomInput.value);
  const field = roomAtFault ? roomInput : usernameInput;
  for (const input of [usernameInput, roomInput]) {
    const invalid = Boolean(message) && input === field;
    input.setAttribute('aria-invalid', String(invalid));
    if (invalid) input.setAttribute('aria-errormessage', 'join-error');
    else input.removeAttribute('aria-errormessage');
  }
  return field;
}

/** Stops typing at the server's own limits, so an over-long name is not only refused after joining. */
async function applyServerLimits() {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return;
    const { maxUsernameLength, maxRoomLength } = await response.json();
    setMaxLength(usernameInput, maxUsernameLength);
    setMaxLength(roomInput, maxRoomLength);
  } catch {
    // The server checks the lengths anyway; the limits only save a round trip.
  }
}

function setMaxLength(input, limit) {
  if (Number.isInteger(limit) && limit > 0) input.maxLength = limit;
}

async function loadRooms() {
  try {
    const response = await fetch('/api/rooms', { cache: 'no-store' });
    if (!response.ok) return;
    const { rooms } = await response.json();
    showRooms(Array.isArray(rooms) ? rooms : []);
  } catch {
    // The list is a convenience; the form works without it.
  }
}

function showRooms(rooms) {
  const template = document.getElementById('room-item-template');
  const items = rooms.map((room) => {
    const item = template.content.firstElementChild.cloneNode(true);
    const name = String(room.name ?? '');
    const users = Number(room.users) || 0;
    const nameText = item.querySelector('.room-chip__name');
    nameText.textContent = name;
    nameText.title = name; // the stylesheet may cut a long name short with an ellipsis
    item.querySelector('.room-chip__count').textContent = users === 1 ? '1 person' : `${users} people`;
    item.querySelector('button').addEventListener('click', () => pickRoom(name));
    return item;
  });
  document.getElementById('room-list').replaceChildren(...items);
  document.getElementById('room-options').replaceChildren(...rooms.map((room) => {
    const option = document.createElement('option');
    option.value = String(room.name ?? '');
    return option;
  }));
  document.getElementById('active-rooms').hidden = rooms.length === 0;
}

function pickRoom(name) {
  roomInput.value = name;
  (usernameInput.value.trim() ? document.getElementById('join-button') : usernameInput).focus();
}
