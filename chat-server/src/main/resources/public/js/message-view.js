// Builds the DOM for one message from the page's <template>s. Every value from the network goes in through
// textContent, attributes or URL checks, never through HTML parsing.

import { externalLink, linkify, safeHttpUrl } from './linkify.js';
import { fillTime } from './time-format.js';

export class MessageView {
  constructor(document, ownName) {
    this.messageTemplate = document.getElementById('message-template');
    this.systemTemplate = document.getElementById('system-message-template');
    this.outboxTemplate = document.getElementById('outbox-status-template');
    this.ownName = ownName;
    this.ownKey = nameKey(ownName);
  }

  /** A message or location frame (live or from a history). */
  message(message) {
    return message.type === 'locationMessage' ? this.location(message) : this.text(message);
  }

  /** A user's text message, or a system notice when `message.system` is set. */
  text(message) {
    if (message.system) return this.notice(String(message.text ?? ''), message.createdAt);
    const item = this.userMessage(message);
    item.querySelector('.message__text').append(linkify(String(message.text ?? '')));
    return item;
  }

  /** A shared location: a link to the server's map URL, accepted only over https. */
  location(message) {
    const item = this.userMessage(message);
    item.classList.add('message--location');
    const body = item.querySelector('.message__text');
    const href = safeHttpUrl(String(message.url ?? ''), ['https:']);
    if (href) body.append(externalLink(href, 'My current location'));
    else body.textContent = 'Shared a location (the map link was not safe to show).';
    return item;
  }

  /** A notice from the server or from this page (connection lost, reconnected). */
  notice(text, createdAt = Date.now(), local = false) {
    const item = this.systemTemplate.content.firstElementChild.cloneNode(true);
    item.querySelector('.message__text').textContent = text;
    fillTime(item.querySelector('.message__time'), createdAt);
    if (local) item.classList.add('message--local');
    return item;
  }

  userMessage(message) {
    const item = this.messageTemplate.content.firstElementChild.cloneNode(true);
    const username = String(message.username ?? '');
    item.querySelector('.message__name').textContent = username;
    fillTime(item.querySelector('.message__time'), message.createdAt);
    if (nameKey(username) === this.ownKey) {
      item.classList.add('message--own');
      item.querySelector('.message__name').append(youSuffix());
    }
    if (Number.isInteger(message.id)) item.dataset.id = String(message.id);
    return item;
  }

  /** A message of the outbox: the own bubble with "sending…", or "Not sent" with the reason, Edit, Discard. */
  outbox(item, { onEdit, onDiscard }) {
    const shown = this.userMessage({ username: this.ownName, createdAt: item.createdAt });
    const body = shown.querySelector('.message__text');
    if (item.type === 'sendLocation') body.textContent = 'My current location';
    else body.append(linkify(String(item.fields.text ?? '')));
    shown.classList.add('message--outbox', item.failed ? 'message--failed' : 'message--sending');
    const status = this.outboxTemplate.content.firstElementChild.cloneNode(true);
    const words = status.querySelector('.message__status-text');
    if (item.failed) {
      words.textContent = `Not sent: ${item.failed}`;
      status.querySelector('.message__edit').addEventListener('click', () => onEdit(item));
      status.querySelector('.message__discard').addEventListener('click', () => onDiscard(item));
    } else {
      words.textContent = 'sending…';
      status.querySelectorAll('button').forEach((button) => button.remove());
    }
    shown.querySelector('.message__bubble').append(status);
    return shown;
  }
}

/** Names are unique per room ignoring case, so that is how "is this me" is decided. */
export function nameKey(name) {
  return String(name ?? '').normalize('NFKC').trim().toLowerCase();
}

function youSuffix() {
  const suffix = document.createElement('span');
  suffix.className = 'you';
  suffix.textContent = ' (you)';
  return suffix;
}
