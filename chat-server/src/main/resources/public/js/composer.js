// The message box and its two buttons. It stays usable offline: what is sent then waits in the outbox. A
// button is disabled while its request is in flight; every request settles (ack, ack timeout, connection
// loss), so it always comes back. The text being sent keeps one clientId until it is sent or edited, so
// pressing Send again after a timeout can never post it twice.

import { codePointLength } from './chat-config.js';
import { newClientId } from './outbox.js';

const GEOLOCATION_ERRORS = {
  1: 'Location permission was denied. Allow it in the browser to share your location.',
  2: 'Your location is not available right now.',
  3: 'Finding your location took too long. Try again.',
};

export class Composer {
  /**
   * @param {{send: function(string, object, string): Promise<string>}} actions sends or queues a request;
   *        resolves 'sent' or 'queued', rejects with the server's refusal
   */
  constructor(document, actions, geolocation = navigator.geolocation) {
    this.form = document.getElementById('message-form');
    this.input = document.getElementById('message-input');
    this.sendButton = document.getElementById('send-button');
    this.locationButton = document.getElementById('send-location');
    this.error = document.getElementById('composer-error');
    this.status = document.getElementById('composer-status');
    this.actions = actions;
    this.geolocation = geolocation;
    this.ready = false;
    this.sending = false;
    this.locating = false;
    this.maxLength = null;
    this.clientId = newClientId();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendText();
    });
    this.locationButton.addEventListener('click', () => this.sendLocation());
    this.input.addEventListener('input', () => {
      this.showError('');
      this.clientId = newClientId();
    });
  }

  /** The server's limit in characters (code points, as the server counts), from /config.json. */
  setMaxLength(maxLength) {
    this.maxLength = maxLength;
  }

  /** 'joining' (nothing can be sent yet), 'offline' (sends wait in the outbox) or 'online'. */
  setState(state, reason = '') {
    const wasReady = this.ready;
    this.ready = state !== 'joining';
    this.status.textContent = state === 'online' ? ''
      : reason || 'You are offline. Messages are sent when the connection is back.';
    this.form.classList.toggle('composer__form--offline', state !== 'online');
    this.refresh();
    if (this.ready && !wasReady && !this.sending) this.input.focus();
  }

  /** Puts a message back into the box to be changed and sent again (an outbox message's Edit). */
  edit(text) {
    this.input.value = text;
    this.clientId = newClientId();
    this.showError('');
    this.input.focus();
  }

  async sendText() {
    const text = this.input.value;
    if (!this.ready || this.sending) return;
    if (!text.trim()) {
      this.showError('Type a message first.');
      return;
    }
    if (this.maxLength !== null && codePointLength(text.trim()) > this.maxLength) {
      this.showError(`Message is too long (at most ${this.maxLength} characters)`);
      return;
    }
    this.sending = true;
    this.showError('');
    this.refresh();
    try {
      await this.actions.send('sendMessage', { text }, this.clientId);
      this.input.value = '';
      this.clientId = newClientId();
    } catch (error) {
      this.showError(error.message);
    } finally {
      this.sending = false;
      this.refresh();
      this.input.focus();
    }
  }

  sendLocation() {
    if (!this.ready || this.locating) return;
    if (!this.geolocation) {
      this.showError('Sharing your location is not supported by this browser.');
      return;
    }
    if (!window.isSecureContext) {
      // Browsers only offer geolocation to https pages (and localhost); say so instead of "denied".
      this.showError('Sharing your location needs a secure (https) connection to the chat.');
      return;
    }
    this.locating = true;
    this.showError('');
    this.refresh();
    this.geolocation.getCurrentPosition(
        (position) => this.shareLocation(position.coords),
        (failure) => this.locationDone(GEOLOCATION_ERRORS[failure.code] ?? 'Could not get your location.'),
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
  }

  async shareLocation({ latitude, longitude }) {
    try {
      await this.actions.send('sendLocation', { latitude, longitude }, newClientId());
      this.locationDone('');
    } catch (error) {
      this.locationDone(error.message);
    }
  }

  locationDone(error) {
    this.locating = false;
    this.showError(error);
    this.refresh();
  }

  refresh() {
    this.input.disabled = !this.ready;
    this.input.readOnly = this.sending; // the box is cleared on success, so nothing typed may get lost
    this.sendButton.disabled = !this.ready || this.sending;
    this.locationButton.disabled = !this.ready || this.locating;
    this.locationButton.textContent = this.locating ? 'Sharing…' : 'Share location';
    this.sendButton.setAttribute('aria-busy', String(this.sending));
    this.locationButton.setAttribute('aria-busy', String(this.locating));
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = !message;
  }
}
