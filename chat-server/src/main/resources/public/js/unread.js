// What the reader missed while the tab was in the background: the tab title counts it ("(3) #lobby · Chat
// App"), and the "New" divider stands above the first of it when the reader comes back. The divider stays
// until the tab goes to the background again.

export class Unread {
  /** @param {{showMarker: function(object|null, object|null)}} hooks moves the divider (new entry, old entry) */
  constructor(document, hooks) {
    this.document = document;
    this.hooks = hooks;
    this.room = '';
    this.count = 0;
    this.marker = null;
    document.addEventListener('visibilitychange', () => this.visibilityChanged());
  }

  setRoom(room) {
    this.room = room;
    this.count = 0;
    this.marker = null;
    this.showTitle();
  }

  /** A live message from somebody else has been added to the list as `entry`. */
  noteLive(entry) {
    if (!this.document.hidden) return;
    this.count++;
    if (this.marker === null) {
      this.marker = entry;
      this.hooks.showMarker(entry, null);
    }
    this.showTitle();
  }

  visibilityChanged() {
    if (this.document.hidden) {
      const old = this.marker;
      this.marker = null;
      if (old) this.hooks.showMarker(null, old);
    } else {
      this.count = 0;
      this.showTitle();
    }
  }

  showTitle() {
    const unread = this.count > 0 ? `(${this.count}) ` : '';
    this.document.title = `${unread}#${this.room} — Chat App`;
  }
}
