// The scrolling message log. Auto-scroll rule: a new message scrolls the log to the bottom only when the
// reader was at the bottom, or within one message of it, just before it arrived. Otherwise the position
// is left alone and a "New messages ↓" button appears; it jumps to the bottom and hides once the reader
// reaches the bottom by any means. A reader at the bottom stays there when the log changes size (a phone
// keyboard opening, a window resize).

export class MessageList {
  constructor(list, marker) {
    this.list = list;
    this.marker = marker;
    this.unseen = 0;
    this.pinned = true;
    marker.addEventListener('click', () => {
      this.scrollToBottom();
      list.focus({ preventScroll: true });
    });
    list.addEventListener('scroll', () => {
      this.pinned = this.isNearBottom(0);
      if (this.pinned) this.hideMarker();
    }, { passive: true });
    new ResizeObserver(() => {
      if (this.pinned) list.scrollTop = list.scrollHeight;
    }).observe(list);
  }

  /** Appends a message element, following it or flagging it per the auto-scroll rule. */
  append(item, { forceScroll = false } = {}) {
    const follow = forceScroll || this.isNearBottom(this.lastMessageHeight());
    this.list.append(item);
    if (follow) {
      this.scrollToBottom();
    } else {
      this.unseen++;
      this.marker.textContent = this.unseen === 1 ? 'New message ↓' : `${this.unseen} new messages ↓`;
      this.marker.hidden = false;
    }
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

  /** True when no more than `slackPx` (plus rounding) of content lies below the visible area. */
  isNearBottom(slackPx) {
    const below = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight;
    return below <= slackPx + 2;
  }

  lastMessageHeight() {
    const last = this.list.lastElementChild;
    if (!last) return 0;
    const margin = parseFloat(getComputedStyle(last).marginBottom) || 0;
    return last.offsetHeight + margin;
  }
}
