// The message box and its two buttons. A button is disabled while its request is in flight; every request
// settles (ack, ack timeout or connection loss), so it always comes back.

const GEOLOCATION_ERRORS = {
  1: 'Location permission was denied. Allow it in the browser to share your location.',
  2: 'Your location is not available right now.',
  3: 'Finding your location took too long. Try again.',
};

export class Composer {
  /** @param {{send: function(string, object): Promise<void>}} actions sends a request, settles on its ack */
  constructor(document, actions, geolocation = navigator.geolocation) {
    this.form = document.getElementById('message-form');
    this.input = document.getElementById('message-input');
    this.sendButton = document.getElementById('send-button');
    this.locationButton = document.getElementById('send-location');
    this.error = document.getElementById('composer-error');
    this.status = document.getElementById('composer-status');
    this.actions = actions;
    this.geolocation = geolocation;
    this.online = false;
    this.sending = false;
    this.locating = false;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendText();
    });
    this.locationButton.addEventListener('click', () => this.sendLocation());
    this.input.addEventListener('input', () => this.showError(''));
  }

  /** Enables sending, or disables it and says why (`reason` is shown under the box). */
  setOnline(online, reason = 'You are offline. Sending is paused until the connection is back.') {
    const wasOnline = this.online;
    this.online = online;
    this.status.textContent = online ? '' : reason;
    this.form.classList.toggle('composer__form--offline', !online);
    this.refresh();
    if (online && !wasOnline && !this.sending) this.input.focus();
  }

  async sendText() {
    const text = this.input.value;
    if (!this.online || this.sending) return;
    if (!text.trim()) {
      this.showError('Type a message first.');
      return;
    }
    this.sending = true;
    this.showError('');
    this.refresh();
    try {
      await this.actions.send('sendMessage', { text });
      this.input.value = '';
    } catch (error) {
      this.showError(error.message);
    } finally {
      this.sending = false;
      this.refresh();
      this.input.focus();
    }
  }

  sendLocation() {
    if (!this.online || this.locating) return;
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
      await this.actions.send('sendLocation', { latitude, longitude });
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
    this.input.disabled = !this.online;
    this.input.readOnly = this.sending; // the box is cleared on success, so nothing typed may get lost
    this.sendButton.disabled = !this.online || this.sending;
    this.locationButton.disabled = !this.online || this.locating;
    this.sendButton.setAttribute('aria-busy', String(this.sending));
    this.locationButton.setAttribute('aria-busy', String(this.locating));
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = !message;
  }
}
