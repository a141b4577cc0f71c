// Times and days in the reader's own locale and time zone: "4:07 PM", and for messages older than today
// "30 Nov, 4:07 PM"; day separators read "Today", "Yesterday", "Monday 30 November" (with the year when it is
// not this year).
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longDay = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const longDayWithYear = new Intl.DateTimeFormat('en-GB',
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** Fills a <time> element for an epoch-millisecond timestamp; a day before today also shows its date. */
export function fillTime(element, epochMillis, now = Date.now()) {
  const date = new Date(Number.isFinite(epochMillis) ? epochMillis : now);
  element.dateTime = date.toISOString();
  const time = timeFormat.format(date);
  element.textContent = dayNumber(date.getTime()) < dayNumber(now) ? `${shortDate.format(date)}, ${time}` : time;
  element.title = date.toLocaleString();
}

/** Days since the epoch in the local time zone: two timestamps are on one day when these are equal. */
export function dayNumber(epochMillis) {
  const date = new Date(epochMillis);
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

/** The day separator's words for the day of `epochMillis`. */
export function dayLabel(epochMillis, now = Date.now()) {
  const days = dayNumber(now) - dayNumber(epochMillis);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  const date = new Date(epochMillis);
  const format = date.getFullYear() === new Date(now).getFullYear() ? longDay : longDayWithYear;
  // en-GB puts a comma after the weekday ("Monday, 30 November"); the product's words have none.
  return format.format(date).replace(',', '');
}
