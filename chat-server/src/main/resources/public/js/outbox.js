// Sends that could not be made yet: typed while offline, or cut off by a dropped connection before their ack.
// Each keeps its clientId, so sending it again can never post it twice (the server answers a repeat with the
// first one's id), and they go out in order once the page is back in the room. A refusal for speed waits the
// server's retryAfterMs and tries again; any other refusal marks the message "Not sent" with the server's
// reason until the user edits or discards it.

const RETRY_MS = 2000;

export class Outbox {
  /**
   * @param {{request: function(string, object): Promise<object>, isOnline: function(): boolean,
   *          onAdd: function(object), onUpdate: function(object), onRemove: function(object)}} hooks
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.items = [];
    this.flushing = false;
  }

  /**
   * Sends now when online and nothing is waiting, else queues. Resolves 'sent' or 'queued'; rejects with the
   * server's refusal (or an ack timeout) of a send made online, which stays the composer's to show.
   */
  async submit(type, fields, clientId) {
    while (this.hooks.isOnline() && !this.waiting()) {
      try {
        await this.hooks.request(type, { ...fields, clientId });
        return 'sent';
      } catch (error) {
        if (error.code === 'rate_limited') await delay(error.retryAfterMs ?? RETRY_MS);
        else if (error.kind !== 'offline' && error.code !== 'unavailable') throw error;
        else break;
      }
    }
    this.enqueue(type, fields, clientId);
    return 'queued';
  }

  enqueue(type, fields, clientId) {
    const item = { type, fields, clientId, createdAt: Date.now(), failed: null };
    this.items.push(item);
    this.hooks.onAdd(item);
    this.flush();
  }

  waiting() {
    return this.items.some((item) => !item.failed);
  }

  /** How many messages it holds, waiting or refused: a room switch waits until none are left. */
  size() {
    return this.items.length;
  }

  /** Sends what waits, oldest first, one at a time, while the page is in the room. */
  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let item = this.next(); item && this.hooks.isOnline(); item = this.next()) {
        if (!(await this.send(item))) break;
      }
    } finally {
      this.flushing = false;
    }
  }

  next() {
    return this.items.find((each) => !each.failed);
  }

  /** One attempt; false when the connection is gone and the flush should wait for the next join. */
  async send(item) {
    try {
      await this.hooks.request(item.type, { ...item.fields, clientId: item.clientId });
      this.remove(item);
    } catch (error) {
      if (error.code === 'rate_limited') {
        await delay(error.retryAfterMs ?? RETRY_MS);
      } else if (error.kind === 'offline') {
        return false;
      } else if (error.kind === 'timeout' || error.code === 'unavailable') {
        await delay(RETRY_MS);
      } else {
        item.failed = error.message;
        this.hooks.onUpdate(item);
      }
    }
    return true;
  }

  /** The message with this clientId reached the room (live or in a history): it is no longer waiting. */
  confirm(clientId) {
    const item = this.items.find((each) => each.clientId === clientId && !each.failed);
    if (item) this.remove(item);
  }

  remove(item) {
    const index = this.items.indexOf(item);
    if (index < 0) return;
    this.items.splice(index, 1);
    this.hooks.onRemove(item);
  }

  /** Forgets everything, for a new room's conversation (a room switch waits until nothing is left here). */
  clear() {
    [...this.items].forEach((item) => this.remove(item));
  }
}

/** A fresh clientId: 32 hex digits, from a generator that works on plain-http pages too. */
export function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
