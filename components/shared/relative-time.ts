/**
 * "3 hours ago" in the UI language, for things a person did a while back
 * (a colleague's documentation, the last time records were shared). Anything
 * under a minute is `justNow` (the caller's words: Intl's "now" reads oddly in
 * a sentence); past a week the date is clearer than a count.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatRelativeTime(
  at: number,
  now: number,
  language: string,
  justNow: string,
): string {
  const elapsed = Math.max(0, now - at);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (elapsed < MINUTE) return justNow;
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
}

/** Date and time, e.g. "4 Dec 2026, 21:05". */
export function formatDateTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
