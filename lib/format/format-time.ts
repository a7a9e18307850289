// Every time a person reads, formatted one way: in the viewer's locale and time zone (Intl picks
// them up in the browser), or relative ("3 minutes ago") where a list shows recent activity.
// Client-safe: no server imports. Tests pass locale and timeZone explicitly.

export type TimeInput = Date | string | number | null | undefined;
export type TimeFormatOptions = { locale?: string; timeZone?: string };

const NONE = "—";

function toDate(value: TimeInput): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time, e.g. "30 Nov 2026, 05:52"; an em dash for no time. */
export function formatTime(value: TimeInput, opts: TimeFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return NONE;
  return new Intl.DateTimeFormat(opts.locale, { dateStyle: "medium", timeStyle: "short", timeZone: opts.timeZone }).format(date);
}

/** The date alone, e.g. "30 Nov 2026". */
export function formatDate(value: TimeInput, opts: TimeFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return NONE;
  return new Intl.DateTimeFormat(opts.locale, { dateStyle: "medium", timeZone: opts.timeZone }).format(date);
}

/**
 * The same instant in UTC, for the first render on the server (which cannot know the viewer's
 * time zone); the browser then shows formatTime's local form.
 */
export function formatUtc(value: TimeInput): string {
  const date = toDate(value);
  if (!date) return NONE;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "in 2 days": the largest whole unit between `value` and `now`. */
export function formatRelativeTime(value: TimeInput, now: Date, opts: Pick<TimeFormatOptions, "locale"> = {}): string {
  const date = toDate(value);
  if (!date) return NONE;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(opts.locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, "second");
}
