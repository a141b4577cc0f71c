// The rows one timeline entry shows, in order: a day separator when its day differs from the row above, the
// "New" divider when unread messages start there, and the entry itself (a message, grouped under the
// previous one when the same person wrote both within a few minutes; a notice; a gap; an outbox message).

import { nameKey } from './message-view.js';
import { dayLabel, dayNumber } from './time-format.js';

const GROUP_WINDOW_MS = 5 * 60 * 1000;

export class EntryView {
  /** @param {{onLoadGap: function(object), onEdit: function(object), onDiscard: function(object)}} actions */
  constructor(document, messageView, actions) {
    this.document = document;
    this.messages = messageView;
    this.actions = actions;
    this.newMarker = null; // the entry the "New" divider stands above
  }

  /** The nodes for `entry`, given the entry above it (null when it is the first row shown). */
  nodes(entry, previous) {
    const nodes = [];
    const time = timeOf(entry);
    if (time !== null && (previous === null || timeOf(previous) === null
        || dayNumber(timeOf(previous)) !== dayNumber(time))) {
      nodes.push(this.divider('day-separator', dayLabel(time)));
    }
    if (entry === this.newMarker) nodes.push(this.divider('divider divider--new', 'New'));
    nodes.push(this.row(entry, previous));
    return nodes;
  }

  row(entry, previous) {
    switch (entry.kind) {
      case 'message': {
        const row = this.messages.message(entry.message);
        if (groups(previous, entry)) row.classList.add('message--grouped');
        return row;
      }
      case 'notice': {
        const { text, createdAt, local } = entry.message;
        return this.messages.notice(String(text ?? ''), createdAt, Boolean(local));
      }
      case 'gap':
        return this.gap(entry);
      default:
        return this.messages.outbox(entry.item, this.actions);
    }
  }

  gap(entry) {
    const row = this.divider('divider divider--gap', 'Some messages could not be loaded');
    if (entry.exhausted) return row;
    const button = this.document.createElement('button');
    button.type = 'button';
    button.className = 'divider__action';
    button.textContent = entry.loading ? 'Loading…' : 'Load older messages';
    button.disabled = entry.loading;
    button.setAttribute('aria-busy', String(entry.loading));
    button.addEventListener('click', () => this.actions.onLoadGap(entry));
    row.append(' ', button);
    return row;
  }

  /** The row above the oldest message: loading older ones, or the beginning of the room. */
  edge(state, room) {
    if (state === 'loading') return this.divider('history-edge history-edge--loading', 'Loading older messages…');
    if (state === 'beginning') return this.divider('history-edge', `This is the beginning of #${room}`);
    return null;
  }

  divider(className, text) {
    const row = this.document.createElement('li');
    row.className = className;
    row.setAttribute('role', 'separator');
    const words = this.document.createElement('span');
    words.className = `${className.split(' ')[0]}__text`;
    words.textContent = text;
    row.append(words);
    return row;
  }
}

function timeOf(entry) {
  if (entry.kind === 'message' || entry.kind === 'notice') {
    return Number.isFinite(entry.message.createdAt) ? entry.message.createdAt : null;
  }
  return entry.kind === 'outbox' ? entry.item.createdAt : null;
}

/** Same sender, both user messages, on one day and within a few minutes. */
function groups(previous, entry) {
  if (previous?.kind !== 'message' || previous.message.system || entry.message.system) return false;
  if (nameKey(previous.message.username) !== nameKey(entry.message.username)) return false;
  const gap = entry.message.createdAt - previous.message.createdAt;
  return gap >= 0 && gap < GROUP_WINDOW_MS
      && dayNumber(previous.message.createdAt) === dayNumber(entry.message.createdAt);
}
