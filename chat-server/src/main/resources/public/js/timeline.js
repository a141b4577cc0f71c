// One room's conversation as this page knows it, in memory, in order: the server's messages (by epoch
// segment, then id), the page's own notices (Welcome!) placed after the id that was newest when they came,
// "could not be loaded" gaps, and the outbox at the very end. The list on screen renders a window of it.
//
// Every entry has a `key` [segment, id, rank, seq] that orders it: a message is [s, id, 0, 0]; a notice or
// a gap that came after message N is [s, N, 1, seq]; an outbox entry [Infinity, 0, 0, seq]. A new epoch
// (the room's history was lost, ids start again) opens a new segment after the old one.

export const OUTBOX_SEGMENT = Number.POSITIVE_INFINITY;

export class Timeline {
  constructor() {
    this.entries = [];
    this.ids = new Map(); // id -> entry, for the current segment
    this.segment = 0;
    this.epoch = null;
    this.seq = 0;
    this.hasOlder = false; // the server holds messages older than the first one of the first segment
    this.listeners = [];
  }

  /** `listener(change)`; change is {type: 'insert'|'remove'|'update', entry} or {type: 'reset'}. */
  subscribe(listener) {
    this.listeners.push(listener);
  }

  emit(change) {
    this.listeners.forEach((listener) => listener(change));
  }

  /** Switches to the history's epoch; true when it is a new one while messages of another were shown. */
  useEpoch(epoch) {
    if (typeof epoch !== 'string' || epoch === this.epoch) return false;
    const lost = this.epoch !== null && this.ids.size > 0;
    if (lost) {
      this.segment++;
      this.ids = new Map();
      this.hasOlder = false; // the old segment's older messages are gone with its epoch
    }
    this.epoch = epoch;
    return lost;
  }

  has(id) {
    return this.ids.has(id);
  }

  /** The newest id of the current segment, or null. */
  lastId() {
    let last = null;
    for (let i = this.entries.length - 1; i >= 0 && last === null; i--) {
      const entry = this.entries[i];
      if (entry.kind === 'message' && entry.key[0] === this.segment) last = entry.key[1];
    }
    return last;
  }

  /** The oldest id of the first segment, when that is the current one (else nothing older can be asked). */
  firstId() {
    const first = this.entries.find((entry) => entry.kind === 'message');
    return first && first.key[0] === this.segment ? first.key[1] : null;
  }

  /** Adds a server message with an id, unless it is already here; returns its entry or null. */
  addMessage(message, { quiet = false } = {}) {
    if (!Number.isSafeInteger(message.id) || this.ids.has(message.id)) return null;
    const entry = { kind: 'message', key: [this.segment, message.id, 0, 0], message };
    this.ids.set(message.id, entry);
    return this.insert(entry, quiet);
  }

  /** A notice without an id (Welcome!), after the newest message so far. */
  addNotice(message) {
    return this.insert({ kind: 'notice', key: this.anchorKey(this.lastId() ?? 0), message });
  }

  /** A gap after message `afterId` (0: the segment's start), closed by `beforeId`. */
  addGap(afterId, beforeId) {
    return this.insert({ kind: 'gap', key: this.anchorKey(afterId), afterId, beforeId, loading: false });
  }

  addOutbox(item) {
    return this.insert({ kind: 'outbox', key: [OUTBOX_SEGMENT, 0, 0, this.seq++], item });
  }

  anchorKey(afterId) {
    return [this.segment, afterId, 1, this.seq++];
  }

  /** Several changes announced as one 'reset' (a page of history): the view renders once. */
  batch(work) {
    const listeners = this.listeners;
    this.listeners = [];
    try {
      work();
    } finally {
      this.listeners = listeners;
    }
    this.emit({ type: 'reset' });
  }

  insert(entry, quiet = false) {
    this.entries.splice(this.indexFor(entry.key), 0, entry);
    if (!quiet) this.emit({ type: 'insert', entry });
    return entry;
  }

  remove(entry) {
    const index = this.indexOf(entry);
    if (index < 0) return;
    this.entries.splice(index, 1);
    if (entry.kind === 'message' && this.ids.get(entry.key[1]) === entry) this.ids.delete(entry.key[1]);
    this.emit({ type: 'remove', entry, index });
  }

  update(entry) {
    if (this.indexOf(entry) >= 0) this.emit({ type: 'update', entry });
  }

  /** The entry's index (binary search by key), or -1. */
  indexOf(entry) {
    const index = this.indexFor(entry.key);
    for (let i = index - 1; i <= index; i++) if (this.entries[i] === entry) return i;
    return -1;
  }

  /** The index of the first entry whose key is greater than `key` (inserting there keeps the order). */
  indexFor(key) {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.entries[middle].key, key) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  at(index) {
    return this.entries[index];
  }

  get length() {
    return this.entries.length;
  }
}

export function compareKeys(a, b) {
  for (let i = 0; i < 4; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
