/**
 * The French CSV (`lang=fr`): headers and ACLED labels in French for people who read the file. Codes stay
 * English by default because other tools (and ACLED's own) read them; the French file is for reading only.
 * Labels come from the interface's message file, so the file and the screen name things alike.
 */
import fr from "@/lib/i18n/messages/fr.json";
import type { IncidentColumn } from "./columns";

export const EXPORT_LANGS = ["en", "fr"] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

type Table = Record<string, string>;

/** Cells holding an ACLED code, by column key (Vigie's and ACLED's layouts), and the labels of that code. */
const CODED_CELLS: Record<string, Table> = {
  eventType: fr.eventType,
  event_type: fr.eventType,
  subEventType: fr.subEventType,
  sub_event_type: fr.subEventType,
  status: fr.status,
  datePrecision: fr.datePrecision,
  disorder_type: fr.disorderType,
  civilian_targeting: { "Civilian targeting": fr.csv.civilianTargeting },
};

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The column with a French header (the table's label for Vigie's layout, a translated ACLED name for ACLED's)
 * and, for coded cells, a CASE turning each code into its French label.
 */
export function localizeColumn(column: IncidentColumn, lang: ExportLang, profile: "vigie" | "acled"): IncidentColumn {
  if (lang === "en") return column;
  const header = (profile === "acled" ? (fr.csv.header as Table) : (fr.columns as Table))[column.key] ?? column.csvHeader;
  const labels = CODED_CELLS[column.key];
  if (!labels) return { ...column, csvHeader: header };
  const cases = Object.entries(labels)
    .map(([code, label]) => `WHEN ${quote(code)} THEN ${quote(label)}`)
    .join(" ");
  return { ...column, csvHeader: header, sql: `(SELECT CASE v ${cases} ELSE v END FROM (SELECT (${column.sql})::text AS v) coded)` };
}
