// The room title and its users in join order, redrawn from scratch on every roomData. At phone width the
// list collapses behind a toggle button (the CSS decides when the toggle is visible).

import { nameKey } from './message-view.js';

export class Sidebar {
  constructor(document, ownName) {
    this.title = document.getElementById('room-title');
    this.list = document.getElementById('users');
    this.count = document.getElementById('users-count');
    this.toggleCount = document.getElementById('users-toggle-count');
    this.toggle = document.getElementById('users-toggle');
    this.sidebar = document.getElementById('sidebar');
    this.template = document.getElementById('user-item-template');
    this.ownKey = nameKey(ownName);
    this.toggle.addEventListener('click', () => this.setExpanded(!this.expanded()));
  }

  showRoom(room) {
    this.title.textContent = room;
    this.title.title = room; // a long name is cut short with an ellipsis; hovering shows all of it
  }

  /** Redraws from a roomData frame: `{room, users: [{username}]}`. */
  render(roomData) {
    if (typeof roomData.room === 'string') this.showRoom(roomData.room);
    const users = Array.isArray(roomData.users) ? roomData.users : [];
    const items = users.map((user) => this.userItem(String(user?.username ?? '')));
    this.list.replaceChildren(...items);
    const label = String(users.length);
    this.count.textContent = label;
    this.toggleCount.textContent = label;
  }

  userItem(username) {
    const item = this.template.content.firstElementChild.cloneNode(true);
    item.querySelector('.avatar').textContent = initial(username);
    item.querySelector('.user-list__name').textContent = username;
    // The stylesheet adds a visible " (you)", which screen readers read as well.
    if (nameKey(username) === this.ownKey) item.classList.add('user-list__item--own');
    return item;
  }

  expanded() {
    return this.toggle.getAttribute('aria-expanded') === 'true';
  }

  setExpanded(expanded) {
    this.toggle.setAttribute('aria-expanded', String(expanded));
    this.sidebar.classList.toggle('sidebar--expanded', expanded);
  }
}

function initial(username) {
  const first = [...username.trim()][0] ?? '?';
  return first.toLocaleUpperCase();
}
