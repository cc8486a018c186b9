/**
 * Pure helpers around the overview aggregates: the time axis (every week or month between two dates,
 * so a quiet month shows as zero instead of vanishing), the previous period of the same length, and the
 * relative change. Kept apart from stats.ts so they are tested without a database and usable in the
 * browser.
 */

export const STATS_BUCKETS = ["week", "month"] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

const DAY_MS = 86_400_000;

function parseDay(value: string): number {
  return Date.parse(`${value}T00:00:00Z`);
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The start of the bucket holding `day`, as PostgreSQL's date_trunc computes it (ISO weeks start on Monday). */
export function bucketStart(day: string, bucket: StatsBucket): string {
  const ms = parseDay(day);
  if (bucket === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return formatDay(ms - weekday * DAY_MS);
}

/** Every bucket start from the bucket of `from` to the bucket of `to`, inclusive. */
export function bucketStarts(from: string, to: string, bucket: StatsBucket): string[] {
  const starts: string[] = [];
  let current = bucketStart(from, bucket);
  const last = bucketStart(to, bucket);
  while (current <= last) {
    starts.push(current);
    if (bucket === "week") current = formatDay(parseDay(current) + 7 * DAY_MS);
    else {
      const date = new Date(parseDay(current));
      current = formatDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
    }
  }
  return starts;
}

/** The period of the same number of days that ends the day before `from`. */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const start = parseDay(period.from);
  const days = Math.round((parseDay(period.to) - start) / DAY_MS) + 1;
  return { from: formatDay(start - days * DAY_MS), to: formatDay(start - DAY_MS) };
}

/** Relative change (0.25 = +25%), or null when there is nothing to compare against. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}
