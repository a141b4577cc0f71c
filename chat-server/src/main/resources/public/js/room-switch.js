// The sidebar's "Switch room" form: joins another room on the same connection. The page changes rooms only
// once the server accepted; a refusal is shown under the field and the current room stays as it was. While the
// outbox holds a message written for this room (sending, or "Not sent" and not yet edited or discarded), the
// switch waits: the message would otherwise be lost.

export class RoomSwitch {
  /**
   * @param {{switchTo: function(string): Promise<void>, currentRoom: function(): string,
   *          unsent: function(): number}} actions
   */
  constructor(document, actions) {
    this.form = document.getElementById('switch-form');
    this.input = document.getElementById('switch-room');
    this.button = document.getElementById('switch-button');
    this.error = document.getElementById('switch-error');
    this.actions = actions;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.showError(''));
  }

  async submit() {
    const room = this.input.value.trim();
    if (!room) {
      this.showError('Enter a room');
      return;
    }
    if (room.toLowerCase() === this.actions.currentRoom()) {
      this.input.value = '';
      return;
    }
    const unsent = this.actions.unsent();
    if (unsent > 0) {
      this.showError(unsentBeforeSwitch(unsent, this.actions.currentRoom()));
      return;
    }
    this.setBusy(true);
    try {
      await this.actions.switchTo(room);
      this.input.value = '';
    } catch (error) {
      this.showError(error.message);
    } finally {
      this.setBusy(false);
    }
  }

  setBusy(busy) {
    this.button.disabled = busy;
    this.button.textContent = busy ? 'Joining…' : 'Join';
    this.button.setAttribute('aria-busy', String(busy));
  }

  /** Applies the server's room-name limit (from /config.json). */
  setMaxLength(limit) {
    if (Number.isInteger(limit) && limit > 0) this.input.maxLength = limit;
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = !message;
    this.input.setAttribute('aria-invalid', String(Boolean(message)));
  }
}

function unsentBeforeSwitch(unsent, room) {
  return unsent === 1
    ? `Your message has not reached #${room} yet: switch rooms once it is sent or discarded.`
    : `Your ${unsent} messages have not reached #${room} yet: switch rooms once they are sent or discarded.`;
}
