/** Period and label helpers shared by the overview charts; numbers and dates come from lib/i18n/format.ts. */
import type { Formatter } from "@/lib/i18n/format";

/** "May 2025" / "mai 2025" for a month, "19 May 2025" / "19 mai 2025" (the Monday) for a week. */
export function formatPeriod(start: string, bucket: "week" | "month", format: Formatter): string {
  return bucket === "month" ? format.month(start, "short") : format.dayMonth(start, true);
}

/** Long labels (actor names) shortened for an axis; the tooltip and the table keep the full name. */
export function truncate(label: string, max = 28): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
