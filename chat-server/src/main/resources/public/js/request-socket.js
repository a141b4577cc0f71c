// One WebSocket connection speaking the chat protocol: requests carry a `ref`, the server answers each with an
// `ack` of the same ref (and, for `loadHistory`, a `history` frame with that ref first). Every request
// settles: on its ack, on the ack timeout, or when the socket closes, so no button waiting on one can stay
// disabled forever.

/**
 * A request that did not succeed; `kind` is 'rejected' (the server said no), 'timeout' or 'offline'. A
 * rejection carries the ack's machine-readable `code` (e.g. 'name_taken', 'rate_limited') and, when the
 * server gave one, `retryAfterMs`; the message is the server's sentence, for people only.
 */
export class RequestError extends Error {
  constructor(message, kind, ack = null) {
    super(message);
    this.kind = kind;
    this.code = typeof ack?.code === 'string' ? ack.code : null;
    this.retryAfterMs = Number.isFinite(ack?.retryAfterMs) ? ack.retryAfterMs : null;
  }
}

export class RequestSocket {
  /**
   * @param {string} url the ws:// or wss:// URL
   * @param {{onFrame: function(object), onClose: function(CloseEvent), ackTimeoutMs?: number,
   *          openTimeoutMs?: number}} handlers
   */
  constructor(url, { onFrame, onClose, ackTimeoutMs = 10000, openTimeoutMs = 10000 }) {
    this.onFrame = onFrame;
    this.onClose = onClose;
    this.ackTimeoutMs = ackTimeoutMs;
    this.pending = new Map();
    this.nextRef = 1;
    this.closed = false;
    this.socket = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('close',
          () => reject(new RequestError('Could not connect', 'offline')), { once: true });
    });
    this.opened.catch(() => {}); // a failed connect is reported through onClose as well
    // A connect to an unreachable host can hang for minutes; give up sooner so the backoff retries.
    const openTimer = setTimeout(() => {
      if (this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
    }, openTimeoutMs);
    this.socket.addEventListener('open', () => clearTimeout(openTimer), { once: true });
    this.socket.addEventListener('message', (event) => this.receive(event.data));
    this.socket.addEventListener('close', (event) => this.closedBy(event));
  }

  /**
   * Sends `{type, ...fields, ref}` and resolves with a successful ack (with `reply`: the frame that answered
   * the request before its ack, if any); rejects with the ack's error.
   */
  request(type, fields) {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new RequestError('You are offline.', 'offline'));
    }
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
          () => this.settle(ref, 'The server did not answer in time. Try again.', 'timeout'), this.ackTimeoutMs);
      this.pending.set(ref, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ type, ref, ...fields }));
    });
  }

  close() {
    this.closed = true;
    this.socket.close(1000, 'Leaving');
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return; // not the chat protocol; ignore rather than break the page
    }
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'ack' && Number.isInteger(frame.ref)) {
      this.settle(frame.ref, typeof frame.error === 'string' ? frame.error : null, 'rejected', frame);
      return;
    }
    const request = Number.isInteger(frame.ref) ? this.pending.get(frame.ref) : undefined;
    if (request) request.reply = frame;
    else this.onFrame(frame);
  }

  settle(ref, error, kind, ack = null) {
    const request = this.pending.get(ref);
    if (!request) return;
    this.pending.delete(ref);
    clearTimeout(request.timer);
    if (error === null) request.resolve({ ...ack, reply: request.reply ?? null });
    else request.reject(new RequestError(error, kind, ack));
  }

  closedBy(event) {
    this.closed = true;
    for (const ref of [...this.pending.keys()]) {
      this.settle(ref, 'The connection was lost before the server answered.', 'offline');
    }
    this.onClose(event);
  }
}
