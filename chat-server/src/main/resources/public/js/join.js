// The join page: fills the form from a bounced join attempt, shows why it failed, offers the active rooms.

import { readJoinParams } from './join-link.js';
import { rememberedJoin } from './remembered-join.js';

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

/**
 * A bounced attempt shows exactly what was tried; otherwise the last join that worked fills the form (as in
 * the desktop client), so "Leave room" comes back to a filled form.
 */
function restoreAttempt() {
  const { username, room, error, code } = readJoinParams(window.location.search);
  const remembered = error ? { username: '', room: '' } : rememberedJoin();
  usernameInput.value = username || remembered.username;
  roomInput.value = room || remembered.room;
  if (error) {
    const field = showError(error, faultyFields(code));
    // A refresh should show a clean page, while the fields keep their values.
    window.history.replaceState(null, '', '/');
    field.focus();
    field.select();
  }
}

function validate(event) {
  usernameInput.value = usernameInput.value.trim();
  roomInput.value = roomInput.value.trim();
  const missing = [usernameInput, roomInput].filter((input) => !input.value);
  if (missing.length > 0) {
    event.preventDefault();
    showError(missingMessage(missing), missing).focus();
  }
}

function missingMessage(missing) {
  if (missing.length === 2) return 'Enter a username and a room';
  return missing[0] === usernameInput ? 'Enter a username' : 'Enter a room';
}

/**
 * The fields a refused join is about, from the ack's code (never its words): every empty one; the name when
 * it is taken, reserved or not allowed; else the field that breaks a rule the page can check itself.
 */
function faultyFields(code) {
  const empty = [usernameInput, roomInput].filter((input) => !input.value.trim());
  if (empty.length > 0) return empty;
  if (code === 'name_taken' || code === 'reserved_name' || code === 'profanity') return [usernameInput];
  return breaksRules(roomInput) && !breaksRules(usernameInput) ? [roomInput] : [usernameInput];
}

/** Over the field's length limit (in characters, as the server counts) or holding a control character. */
function breaksRules(input) {
  const text = input.value.trim();
  const tooLong = input.maxLength > 0 && [...text].length > input.maxLength;
  return tooLong || /[\u0000-\u001f\u007f-\u009f]/u.test(text);
}

/**
 * Shows `message` and marks each of `fields` invalid, pointing it at the message (one message can be about
 * both fields); returns the first of them, the one to focus.
 */
function showError(message, fields) {
  errorText.textContent = message;
  errorText.hidden = !message;
  for (const input of [usernameInput, roomInput]) {
    const invalid = Boolean(message) && fields.includes(input);
    input.setAttribute('aria-invalid', String(invalid));
    if (invalid) input.setAttribute('aria-errormessage', 'join-error');
    else input.removeAttribute('aria-errormessage');
  }
  return fields[0];
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
