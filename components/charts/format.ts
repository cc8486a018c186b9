/** Number and period labels shared by the overview charts. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** "Mar 2024" for a month, "4 Mar 2024" (the Monday) for a week. */
export function formatPeriod(start: string, bucket: "week" | "month"): string {
  const [year, month, day] = start.split("-").map(Number) as [number, number, number];
  return bucket === "month" ? `${MONTHS[month - 1]} ${year}` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "+25%", "−10%", or an em dash when there is nothing to compare with. */
export function formatChange(change: number | null): string {
  if (change === null) return "—";
  const percent = Math.round(change * 100);
  return `${percent > 0 ? "+" : percent < 0 ? "−" : "±"}${Math.abs(percent)}%`;
}

/** Long labels (actor names) shortened for an axis; the tooltip and the table keep the full name. */
export function truncate(label: string, max = 28): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
