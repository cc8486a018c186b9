/** Display helpers shared by the incidents table and detail page. */

/** "about 186,000": an estimate is rounded to three significant digits so it does not look exact. */
export function formatTotal(total: number, isEstimate: boolean): string {
  if (!isEstimate) return total.toLocaleString("en");
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(total, 1))) - 2);
  return `about ${(Math.round(total / magnitude) * magnitude).toLocaleString("en")}`;
}

export function formatFatalities(value: number | null): string {
  return value === null ? "unknown" : value.toLocaleString("en");
}

export const STATUS_STYLE: Record<string, string> = {
  unverified: "bg-slate-100 text-slate-600 ring-slate-200",
  verified: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  rejected: "bg-red-50 text-red-700 ring-red-200",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status] ?? STATUS_STYLE.unverified}`}>{status}</span>;
}

/**
 * An event date as precise as it is known: "2025-05-17", "2025-02" (month), "2021" (year), "week of
 * 2025-05-19"; a period as "2024-09 → 2025-05-19". Showing "2025-02-01" for "février 2025" would claim a
 * precision the source never gave.
 */
export function formatEventDate(eventDate: string | null, precision: string, endDate?: string | null): string {
  if (!eventDate) return "date unknown";
  const start =
    precision === "year" ? eventDate.slice(0, 4) : precision === "month" ? eventDate.slice(0, 7) : precision === "week" ? `week of ${eventDate}` : eventDate;
  return endDate ? `${start} → ${endDate}` : start;
}
