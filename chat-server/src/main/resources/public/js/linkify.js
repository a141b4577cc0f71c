// Turns http(s) URLs in plain text into links without ever parsing the text as HTML: the result is a
// fragment of text nodes and <a> elements built one by one.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that usually ends a sentence rather than the URL ("see https://x.org.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** Builds an <a> that opens `href` in a new tab without giving the new page a handle on this one. */
export function externalLink(href, text) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

/** A DocumentFragment holding `text`, with every http(s) URL in it as a clickable link. */
export function linkify(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(url);
    if (!href) continue;
    fragment.append(text.slice(last, match.index));
    fragment.append(externalLink(href, url));
    last = match.index + url.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/** The normalised URL when `candidate` is a valid http: or https: URL, otherwise null. */
export function safeHttpUrl(candidate, protocols = ['http:', 'https:']) {
  try {
    const url = new URL(candidate);
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
