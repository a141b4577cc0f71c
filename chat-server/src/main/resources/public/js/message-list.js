// The scrolling message log: a window of at most MAX_ROWS timeline entries in the DOM, however long the
// conversation in memory; scrolling near an edge of the window moves it (older entries come back from memory,
// and past the oldest one the page asks the server for the previous page).
//
// Auto-scroll rule: a new message scrolls the log to the bottom only when the reader was at the bottom, or
// within one message of it, just before it arrived. Otherwise the position is left alone and a "New message ↓"
// button appears; it jumps to the bottom and hides once the reader reaches the bottom by any means. A reader at
// the bottom stays there when the log changes size. Any other change (an older page, a filled gap, a window
// move) keeps the row the reader was looking at exactly where it was.

const MAX_ROWS = 300;
const STEP = 100;
const EDGE_PX = 400;

export class MessageList {
  /** @param {{onReachTop: function()}} handlers onReachTop: the oldest entry in memory came into view */
  constructor(list, marker, entryView, { onReachTop }) {
    this.list = list;
    this.marker = marker;
    this.entryView = entryView;
    this.onReachTop = onReachTop;
    this.timeline = null;
    this.room = '';
    this.edgeState = 'none';
    this.unseen = 0;
    this.pinned = true;
    this.clear();
    marker.addEventListener('click', () => {
      this.jumpToEnd();
      list.focus({ preventScroll: true });
    });
    list.addEventListener('scroll', () => this.scrolled(), { passive: true });
    new ResizeObserver(() => {
      if (this.pinned && this.atEnd) list.scrollTop = list.scrollHeight;
    }).observe(list);
  }

  clear() {
    this.first = null;
    this.last = null;
    this.atTop = true;
    this.atEnd = true;
    this.nodes = new Map();
    this.rowEntries = new WeakMap(); // the last node of an entry's rows -> the entry
    this.edgeNode = null;
  }

  /** Shows another timeline (a room switch), from its newest entries. */
  show(timeline, room) {
    this.timeline = timeline;
    this.room = room;
    this.edgeState = 'none';
    timeline.subscribe((change) => {
      if (timeline === this.timeline) this.changed(change);
    });
    this.hideMarker();
    this.jumpToEnd();
  }

  /** What the row above the oldest message says: 'loading', 'beginning' or nothing ('none'). */
  setEdge(state) {
    if (state === this.edgeState) return;
    this.edgeState = state;
    if (this.atTop) this.keepingPlace(() => this.placeEdge());
  }

  /** The own message only arrives because it was just sent, so the next insert is brought into view. */
  followNext() {
    this.forceFollow = true;
  }

  changed(change) {
    if (change.type === 'reset') this.reset();
    else if (change.type === 'insert') this.inserted(change.entry);
    else if (change.type === 'remove') this.removed(change.entry, change.index);
    else if (this.nodes.has(change.entry)) this.keepingPlace(() => this.refresh(change.entry));
  }

  inserted(entry) {
    const index = this.timeline.indexOf(entry);
    const previous = this.timeline.at(index - 1) ?? null;
    const next = this.timeline.at(index + 1) ?? null;
    const follow = this.forceFollow || this.isNearBottom(this.lastRowHeight());
    this.forceFollow = false;
    if (this.first === null) {
      this.jumpToEnd();
    } else if (next !== null && this.nodes.has(next) && (previous === null ? this.atTop : this.nodes.has(previous))) {
      this.place(entry, next, follow);
    } else if (previous === this.last && this.atEnd) {
      this.place(entry, null, follow);
    } else if (index > this.timeline.indexOf(this.last)) {
      this.atEnd = false;
      if (entry.kind === 'message') this.countUnseen();
    }
  }

  /** Puts the entry's rows before `next`'s (or at the end), then fixes `next`'s rows (its neighbour changed). */
  place(entry, next, follow) {
    const apply = () => {
      const previous = this.timeline.at(this.timeline.indexOf(entry) - 1) ?? null;
      const nodes = this.entryView.nodes(entry, next === this.first || !this.nodes.has(previous) ? null : previous);
      this.setNodes(entry, nodes);
      if (next === null) {
        this.list.append(...nodes);
        this.last = entry;
      } else {
        this.nodes.get(next)[0].before(...nodes);
        if (next === this.first) this.first = entry;
        this.refresh(next);
      }
      this.trim();
    };
    this.changeRows(apply, follow);
    if (!follow) {
      const row = this.nodes.get(entry)?.at(-1);
      if (entry.kind === 'message' && (!row || this.isBelowView(row))) this.countUnseen();
    }
  }

  removed(entry, index) {
    if (!this.nodes.has(entry)) return;
    this.keepingPlace(() => {
      this.nodes.get(entry).forEach((node) => node.remove());
      this.nodes.delete(entry);
      const wasFirst = entry === this.first;
      if (entry === this.last) this.last = this.timeline.at(index - 1) ?? null;
      if (wasFirst) this.first = this.last === null ? null : this.timeline.at(index) ?? null;
      const next = this.timeline.at(index);
      if (next && this.nodes.has(next)) this.refresh(next);
    });
    if (this.first === null) this.jumpToEnd();
  }

  /** After a batch (an older page, a gap filled): the same window, grown to what came in at its edges. */
  reset() {
    const length = this.timeline.length;
    if (this.first === null || length === 0) {
      this.jumpToEnd();
      return;
    }
    let start = this.atTop ? 0 : Math.max(0, this.timeline.indexOf(this.first));
    let end = this.atEnd ? length - 1 : Math.max(start, this.timeline.indexOf(this.last));
    if (end - start + 1 > MAX_ROWS) {
      if (this.pinned && this.atEnd) start = end - MAX_ROWS + 1;
      else end = start + MAX_ROWS - 1;
    }
    this.render(start, end, this.pinned && this.atEnd);
  }

  jumpToEnd() {
    const length = this.timeline?.length ?? 0;
    this.render(Math.max(0, length - MAX_ROWS), length - 1, true);
  }

  /** Renders entries start..end (inclusive); keeps the reader's row in place unless `toBottom`. */
  render(start, end, toBottom) {
    const draw = () => {
      this.clear();
      const rows = [];
      for (let i = start; i <= end; i++) {
        const entry = this.timeline.at(i);
        const nodes = this.entryView.nodes(entry, i === start ? null : this.timeline.at(i - 1));
        this.setNodes(entry, nodes);
        rows.push(...nodes);
      }
      this.list.replaceChildren(...rows);
      this.first = end >= start ? this.timeline.at(start) : null;
      this.last = end >= start ? this.timeline.at(end) : null;
      this.atTop = start === 0;
      this.atEnd = end >= this.timeline.length - 1;
      this.placeEdge();
    };
    this.changeRows(draw, toBottom);
    this.loadMoreIfShort();
  }

  /** At most MAX_ROWS entries: a reader at the bottom loses the oldest rows, any other the newest. */
  trim() {
    let count = this.timeline.indexOf(this.last) - this.timeline.indexOf(this.first) + 1;
    if (count <= MAX_ROWS) return;
    const fromTop = this.pinned;
    for (; count > MAX_ROWS; count--) {
      const entry = fromTop ? this.first : this.last;
      const index = this.timeline.indexOf(entry);
      this.nodes.get(entry).forEach((node) => node.remove());
      this.nodes.delete(entry);
      if (fromTop) this.first = this.timeline.at(index + 1);
      else this.last = this.timeline.at(index - 1);
    }
    if (fromTop) {
      this.atTop = false;
      this.placeEdge();
      this.refresh(this.first); // the new first row starts with its day
    } else {
      this.atEnd = false;
    }
  }

  refresh(entry) {
    const old = this.nodes.get(entry);
    if (!old) return;
    const index = this.timeline.indexOf(entry);
    const nodes = this.entryView.nodes(entry, entry === this.first ? null : this.timeline.at(index - 1));
    old[0].before(...nodes);
    old.forEach((node) => node.remove());
    this.setNodes(entry, nodes);
  }

  placeEdge() {
    this.edgeNode?.remove();
    this.edgeNode = this.atTop ? this.entryView.edge(this.edgeState, this.room) : null;
    if (this.edgeNode) this.list.prepend(this.edgeNode);
  }

  scrolled() {
    this.pinned = this.isNearBottom(0);
    if (this.pinned) this.hideMarker();
    if (this.first === null) return;
    if (this.list.scrollTop < EDGE_PX) {
      if (!this.atTop) this.moveWindow(-STEP);
      else this.onReachTop();
    } else if (this.distanceFromBottom() < EDGE_PX && !this.atEnd) {
      this.moveWindow(STEP);
    }
  }

  /** Moves the window by `step` entries (negative: older), keeping at most MAX_ROWS. */
  moveWindow(step) {
    let start = this.timeline.indexOf(this.first);
    let end = this.timeline.indexOf(this.last);
    if (step < 0) {
      start = Math.max(0, start + step);
      end = Math.min(end, start + MAX_ROWS - 1);
    } else {
      end = Math.min(this.timeline.length - 1, end + step);
      start = Math.max(start, end - MAX_ROWS + 1);
    }
    this.render(start, end, false);
  }

  /** A log too short to scroll never fires a scroll event: ask for older messages straight away. */
  loadMoreIfShort() {
    if (this.atTop && this.list.scrollHeight <= this.list.clientHeight + EDGE_PX) this.onReachTop();
  }

  setNodes(entry, nodes) {
    this.nodes.set(entry, nodes);
    this.rowEntries.set(nodes.at(-1), entry);
  }

  /** Runs `change`, then follows the bottom when `toBottom`, else keeps the reader's place. */
  changeRows(change, toBottom) {
    if (toBottom) {
      change();
      this.scrollToBottom();
    } else {
      this.keepingPlace(change);
    }
  }

  /**
   * Runs `change` and scrolls so that the first entry in view stays where it was on screen, even when the
   * change drew its row anew.
   */
  keepingPlace(change) {
    const top = this.list.getBoundingClientRect().top;
    const row = [...this.list.children].find((node) => this.rowEntries.has(node)
        && node.getBoundingClientRect().bottom > top + 1);
    const entry = row && this.rowEntries.get(row);
    const before = row ? row.getBoundingClientRect().top : 0;
    change();
    const after = entry && this.nodes.get(entry)?.at(-1);
    if (after?.isConnected) this.list.scrollTop += after.getBoundingClientRect().top - before;
  }

  countUnseen() {
    this.unseen++;
    this.marker.textContent = this.unseen === 1 ? 'New message ↓' : `${this.unseen} new messages ↓`;
    this.marker.hidden = false;
  }

  scrollToBottom() {
    this.list.scrollTop = this.list.scrollHeight;
    this.pinned = true;
    this.hideMarker();
  }

  hideMarker() {
    this.unseen = 0;
    this.marker.hidden = true;
  }

  isBelowView(row) {
    return row.getBoundingClientRect().top >= this.list.getBoundingClientRect().bottom;
  }

  distanceFromBottom() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight;
  }

  /** True when no more than `slackPx` (plus rounding) of content lies below the visible area. */
  isNearBottom(slackPx) {
    return this.distanceFromBottom() <= slackPx + 2;
  }

  lastRowHeight() {
    const last = this.list.lastElementChild;
    if (!last) return 0;
    const margin = parseFloat(getComputedStyle(last).marginBottom) || 0;
    return last.offsetHeight + margin;
  }
}
