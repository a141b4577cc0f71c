// How the chat page and the join page hand a join attempt back and forth: plain query strings, so a
// refresh or the back button keeps working and no script state has to survive the navigation.

/** The chat page URL for a join attempt. */
export function chatPageUrl(username, room) {
  const params = new URLSearchParams({ username, room });
  return `/chat.html?${params}`;
}

/** The join page URL that shows `error` (with the ack's `code`, if any) with both fields filled in. */
export function joinPageUrl(error, username, room, code = null) {
  const params = new URLSearchParams();
  if (error) params.set('error', error);
  if (code) params.set('code', code);
  if (username) params.set('username', username);
  if (room) params.set('room', room);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** Reads `username`, `room`, `error` and `code` from a query string; missing values become ''. */
export function readJoinParams(search) {
  const params = new URLSearchParams(search);
  return {
    username: params.get('username') ?? '',
    room: params.get('room') ?? '',
    error: params.get('error') ?? '',
    code: params.get('code') ?? '',
  };
}
