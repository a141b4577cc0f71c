// Capped exponential backoff with jitter: the delay range doubles per attempt up to `capMs`, and each
// delay is drawn from the upper half of that range so that many clients dropped by one server restart
// do not all come back in the same millisecond, while none waits less than half the nominal delay.

export class Backoff {
  constructor({ baseMs = 500, capMs = 10000, random = Math.random } = {}) {
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.random = random;
    this.attempt = 0;
  }

  /** The delay before the next attempt, in milliseconds. */
  next() {
    const nominal = Math.min(this.capMs, this.baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.round(nominal / 2 + this.random() * (nominal / 2));
  }

  reset() {
    this.attempt = 0;
  }
}
