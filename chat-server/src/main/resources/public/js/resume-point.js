// What a rejoin sends so that a dropped connection costs nothing (protocol v2): the latest join ack's
// `resumeToken` takes back the seat the server holds for us (no "has left!" / "has joined!" for the others),
// and `since` + `epoch` name the last message this page has shown. One ResumePoint belongs to one
// ChatSession, that is one name in one room, and lives in memory only: a token never goes to another room,
// and a reload would not find a seat anyway (leaving the page closes the socket cleanly, which frees it).

export class ResumePoint {
  constructor() {
    this.token = null;
    this.epoch = null;
    this.lastId = null;
  }

  /**
   * Notes a frame from the server. A join's history sets the epoch and is shown, so its newest id counts; a
   * new epoch means the room's history was lost and our ids no longer compare with the server's. Older pages
   * (`loadHistory` answers) never reach here: they cannot move `since`.
   */
  note(frame) {
    if (frame.type === 'history' && frame.ref === undefined && typeof frame.epoch === 'string') {
      if (frame.epoch !== this.epoch) this.lastId = null;
      this.epoch = frame.epoch;
      for (const message of Array.isArray(frame.messages) ? frame.messages : []) this.noteId(message?.id);
    } else if (frame.type === 'message' || frame.type === 'locationMessage') {
      this.noteId(frame.id);
    }
  }

  noteId(id) {
    if (Number.isSafeInteger(id)) this.lastId = Math.max(this.lastId ?? id, id);
  }

  /** A successful join's ack: its token replaces the previous one, which the server no longer accepts. */
  joined(ack) {
    this.token = typeof ack?.resumeToken === 'string' ? ack.resumeToken : null;
  }

  /** The optional join fields we have values for; `since` only with the epoch its id belongs to. */
  joinFields() {
    const fields = {};
    if (this.token !== null) fields.resumeToken = this.token;
    if (this.epoch !== null && this.lastId !== null) {
      fields.since = this.lastId;
      fields.epoch = this.epoch;
    }
    return fields;
  }
}
