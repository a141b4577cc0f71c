// The server's /config.json, fetched once per page: where the WebSocket is, and the limits a client checks
// before sending (the server checks them again). A failed fetch is retried by the session's backoff.

/** The server's page size when `maxHistoryPage` is missing (an older server): its documented default. */
const DEFAULT_PAGE = 50;

export class ChatConfig {
  constructor(fetcher = (url) => fetch(url, { cache: 'no-store' })) {
    this.fetcher = fetcher;
    this.loaded = null;
  }

  /** Resolves with `{wsUrl, maxMessageLength, maxRoomLength, maxHistoryPage}`; rejects (and forgets the try) on failure. */
  load() {
    this.loaded ??= this.fetchConfig().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  async wsUrl() {
    return (await this.load()).wsUrl;
  }

  async fetchConfig() {
    const response = await this.fetcher('/config.json');
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    const config = await response.json();
    if (typeof config.wsUrl !== 'string') throw new Error('config.json has no wsUrl');
    return {
      wsUrl: config.wsUrl,
      maxMessageLength: positiveInteger(config.maxMessageLength, null),
      maxRoomLength: positiveInteger(config.maxRoomLength, null),
      maxHistoryPage: positiveInteger(config.maxHistoryPage, DEFAULT_PAGE),
    };
  }
}

function positiveInteger(value, fallback) {
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Characters as the server counts them: code points, so one emoji is one. */
export function codePointLength(text) {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
