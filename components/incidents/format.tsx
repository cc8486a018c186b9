/** Display helpers shared by the incidents table, the detail page and the source page. */
import { useTranslations } from "next-intl";
import type { Formatter } from "@/lib/i18n/format";
import { useFormat } from "@/components/ui/use-format";

/** An estimate is rounded to three significant digits so it does not look exact (185,684 → 186,000). */
export function roundEstimate(total: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(total, 1))) - 2);
  return Math.round(total / magnitude) * magnitude;
}

/** "about 186,000" / "environ 186 000" for an estimate; the exact number otherwise. */
export function formatTotal(total: number, isEstimate: boolean, format: Formatter, about: (count: string) => string): string {
  return isEstimate ? about(format.number(roundEstimate(total))) : format.number(total);
}

export const STATUS_STYLE: Record<string, string> = {
  unverified: "bg-slate-100 text-slate-700 ring-slate-200",
  verified: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-red-50 text-red-800 ring-red-200",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  const known = status === "unverified" || status === "verified" || status === "rejected";
  return (
    <span className={`inline-flex whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status] ?? STATUS_STYLE.unverified}`}>
      {known ? t(status) : status}
    </span>
  );
}

/**
 * An event date as precise as it is known: a day, a week ("week of 19 May 2025"), a month ("May 2025" /
 * "mai 2025"), a year; a period as "start → end". Showing "2025-02-01" for "février 2025" would claim a
 * precision the source never gave.
 */
export function formatEventDate(
  eventDate: string | null,
  precision: string,
  endDate: string | null | undefined,
  format: Formatter,
  t: { unknown: string; weekOf: (date: string) => string },
): string {
  if (!eventDate) return t.unknown;
  const start =
    precision === "year"
      ? eventDate.slice(0, 4)
      : precision === "month"
        ? format.month(eventDate)
        : precision === "week"
          ? t.weekOf(format.dayMonth(eventDate, true))
          : format.day(eventDate);
  return endDate ? `${start} → ${format.day(endDate)}` : start;
}

export function EventDate({ eventDate, precision, endDate }: { eventDate: string | null; precision: string; endDate?: string | null }) {
  const t = useTranslations("incidents");
  const format = useFormat();
  return formatEventDate(eventDate, precision, endDate, format, { unknown: t("dateUnknown"), weekOf: (date) => t("weekOf", { date }) });
}
