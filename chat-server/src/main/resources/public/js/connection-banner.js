// Shows the connection state above the messages, with a "Reconnect now" button while waiting to retry.

const RECONNECTED_BANNER_MS = 2500;
const FIRST_CONNECT_QUIET_MS = 500;

export class ConnectionBanner {
  constructor(document, { onRetry }) {
    this.banner = document.getElementById('connection-banner');
    this.text = document.getElementById('connection-text');
    this.retry = document.getElementById('reconnect-now');
    this.retry.addEventListener('click', () => onRetry());
    this.timer = null;
  }

  /** Reflects a ChatSession state change. */
  show(state, info) {
    clearTimeout(this.timer);
    if (state === 'joined') {
      if (info.rejoined) {
        this.display('ok', 'Reconnected. You are back in the room.', false);
        this.timer = setTimeout(() => { this.banner.hidden = true; }, RECONNECTED_BANNER_MS);
      } else {
        this.banner.hidden = true;
      }
    } else if (state === 'connecting' && !info.reconnecting) {
      // Usually done in a few milliseconds: only say so if it takes long enough to notice.
      this.timer = setTimeout(() => this.display('info', 'Connecting…', false), FIRST_CONNECT_QUIET_MS);
    } else if (state === 'connecting') {
      this.display('info', 'Reconnecting…', false);
    } else if (state === 'offline') {
      const seconds = Math.max(1, Math.round(info.retryInMs / 1000));
      const what = info.reason === 'nameInUse'
        ? 'Reconnected, but your name is still held by your previous connection.'
        : info.reconnecting ? 'Connection lost.' : 'Cannot reach the chat server.';
      this.display('warning', `${what} Reconnecting… (retrying in ${seconds} s)`, true);
    } else if (state === 'failed') {
      const what = info.reconnecting ? 'Could not rejoin the room' : 'Could not join the room';
      this.display('error', `${what}: ${info.error}`, true);
    }
  }

  display(tone, text, retryable) {
    this.banner.dataset.tone = tone;
    this.text.textContent = text;
    this.retry.hidden = !retryable;
    this.banner.hidden = false;
  }
}
