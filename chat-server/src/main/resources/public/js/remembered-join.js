// The last name and room this browser joined with, so "Leave room" (or a later visit) finds the form filled,
// as the desktop client does. Saved only once a join succeeded; storage may be unavailable (private
// windows, blocked site data), and then the form simply starts empty.

const KEY = 'chat.lastJoin';

/** Remembers a join that the server accepted. */
export function rememberJoin(username, room) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ username, room }));
  } catch {
    // Nothing to do: remembering is a convenience.
  }
}

/** The last accepted join as `{username, room}`; missing values become ''. */
export function rememberedJoin() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return {
      username: typeof saved?.username === 'string' ? saved.username : '',
      room: typeof saved?.room === 'string' ? saved.room : '',
    };
  } catch {
    return { username: '', room: '' };
  }
}
