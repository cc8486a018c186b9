/**
 * Dates and numbers as each language writes them. English keeps ISO days (2025-05-19, ACLED's own form);
 * French reads 19/05/2025, "mai 2025" and "1 234". Every date here is a UTC calendar day or instant, so the
 * server's and the browser's output are identical (no hydration mismatch).
 */
import type { Locale } from "./config";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options })));
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function toDate(value: string | Date): Date {
  return typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
}

/** A calendar day: "2025-05-19" in English, "19/05/2025" in French. */
export function formatDay(value: string | Date, locale: Locale): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (locale === "en") return date.toISOString().slice(0, 10);
  return dateFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** An instant to the minute, in UTC: "2025-05-19 14:03" / "19/05/2025 14:03". */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${formatDay(date, locale)} ${date.toISOString().slice(11, 16)}`;
}

/** "May 2025" / "mai 2025"; short: "May 2025" / "mai 2025" with abbreviated months where the language has them. */
export function formatMonth(value: string | Date, locale: Locale, style: "long" | "short" = "long"): string {
  return dateFormat(locale, { year: "numeric", month: style }).format(toDate(value));
}

/** "19 May" / "19 mai", with the year when asked. */
export function formatDayMonth(value: string | Date, locale: Locale, withYear = false): string {
  return dateFormat(locale, { day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}) }).format(toDate(value));
}

/** "1,234" / "1 234". */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** "+25 %" in French, "+25%" in English; null (nothing to compare with) is an em dash. */
export function formatChange(change: number | null, locale: Locale): string {
  if (change === null) return "—";
  const percent = Math.round(change * 100);
  const sign = percent > 0 ? "+" : percent < 0 ? "−" : "±";
  return `${sign}${numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(Math.abs(percent) / 100)}`;
}

/** The formatters above bound to one language; pages and components take this instead of a locale. */
export function formatterFor(locale: Locale) {
  return {
    locale,
    day: (value: string | Date) => formatDay(value, locale),
    dateTime: (value: string | Date) => formatDateTime(value, locale),
    month: (value: string | Date, style: "long" | "short" = "long") => formatMonth(value, locale, style),
    dayMonth: (value: string | Date, withYear = false) => formatDayMonth(value, locale, withYear),
    number: (value: number) => formatNumber(value, locale),
    change: (value: number | null) => formatChange(value, locale),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;

/**
 * What a date field holds, as the language writes days (formatDay): "19/05/2025" in French is the day
 * 2025-05-19. ISO days are read in both languages. Anything else is given back as typed, so the server
 * answers 400 naming the field instead of a value being changed or dropped on the way.
 */
export function dayFromInput(text: string, locale: Locale): string {
  const typed = text.trim();
  if (locale === "fr") {
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
    if (match) return `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  }
  return typed;
}
