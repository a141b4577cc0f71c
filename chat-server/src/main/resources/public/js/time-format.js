// "4:07 PM"-style times in the reader's own locale and time zone.
const formatter = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** Fills a <time> element for an epoch-millisecond timestamp. */
export function fillTime(element, epochMillis) {
  const date = new Date(Number.isFinite(epochMillis) ? epochMillis : Date.now());
  element.dateTime = date.toISOString();
  element.textContent = formatter.format(date);
  element.title = date.toLocaleString();
}
