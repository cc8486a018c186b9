/**
 * The columns of an incident, shared by the table (labels, which are shown by default, which sort) and the
 * CSV export (header names and the SQL that produces each cell). Keeping both in one list is what makes
 * "export the visible columns" mean the same thing on screen and in the file.
 *
 * This module is imported by client components too, so it holds no database code: each column's SQL is a
 * constant expression over the alias `i` (never user input), turned into a query by lib/incidents/export.ts.
 */
import { ACTOR_TYPES, DISORDER_TYPE } from "./taxonomy";
import type { SortKey } from "./filters";

export type ColumnKind = "text" | "number" | "date" | "timestamp";

export type IncidentColumn = {
  key: string;
  label: string;
  /** Header of the column in the CSV file. */
  csvHeader: string;
  kind: ColumnKind;
  /** SQL over `incident i` producing the cell; text columns are neutralized against formulas on export. */
  sql: string;
  /** The filter contract's sort key, when the table can sort on this column. */
  sortKey?: SortKey;
  defaultVisible: boolean;
};

// The export's connections run with DateStyle=ISO (lib/incidents/export.ts), so a date column prints as
// YYYY-MM-DD whatever the server's default; emitting the column itself is cheaper than to_char per row.
const isoDate = (column: string) => column;
const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const INCIDENT_COLUMNS: readonly IncidentColumn[] = [
  { key: "id", label: "ID", csvHeader: "id", kind: "number", sql: "i.id", sortKey: "id", defaultVisible: true },
  { key: "eventDate", label: "Date", csvHeader: "event_date", kind: "date", sql: isoDate("i.event_date"), sortKey: "eventDate", defaultVisible: true },
  { key: "endDate", label: "End date", csvHeader: "end_date", kind: "date", sql: isoDate("i.end_date"), defaultVisible: false },
  { key: "datePrecision", label: "Date precision", csvHeader: "date_precision", kind: "text", sql: "i.date_precision::text", defaultVisible: false },
  { key: "country", label: "Country", csvHeader: "country", kind: "text", sql: "i.country", sortKey: "country", defaultVisible: true },
  { key: "admin1", label: "Region", csvHeader: "admin1", kind: "text", sql: "i.admin1", sortKey: "admin1", defaultVisible: true },
  { key: "admin1Reform", label: "Region (2023)", csvHeader: "admin1_reform", kind: "text", sql: "i.admin1_reform", defaultVisible: false },
  { key: "admin2", label: "District", csvHeader: "admin2", kind: "text", sql: "i.admin2", defaultVisible: false },
  { key: "location", label: "Location", csvHeader: "location", kind: "text", sql: "i.location", sortKey: "location", defaultVisible: true },
  { key: "latitude", label: "Latitude", csvHeader: "latitude", kind: "number", sql: "i.latitude", defaultVisible: false },
  { key: "longitude", label: "Longitude", csvHeader: "longitude", kind: "number", sql: "i.longitude", defaultVisible: false },
  { key: "geoPrecision", label: "Geo precision", csvHeader: "geo_precision", kind: "number", sql: "i.geo_precision", defaultVisible: false },
  { key: "eventType", label: "Event type", csvHeader: "event_type", kind: "text", sql: "i.event_type", sortKey: "eventType", defaultVisible: true },
  { key: "subEventType", label: "Sub-event type", csvHeader: "sub_event_type", kind: "text", sql: "i.sub_event_type", defaultVisible: true },
  { key: "actors", label: "Actors", csvHeader: "actors", kind: "text", sql: "i.actor_names", defaultVisible: true },
  { key: "fatalities", label: "Fatalities", csvHeader: "fatalities", kind: "number", sql: "i.fatalities", sortKey: "fatalities", defaultVisible: true },
  { key: "status", label: "Status", csvHeader: "status", kind: "text", sql: "i.status::text", sortKey: "status", defaultVisible: true },
  { key: "summary", label: "Summary", csvHeader: "summary", kind: "text", sql: "i.summary", defaultVisible: true },
  { key: "updatedAt", label: "Updated", csvHeader: "updated_at", kind: "timestamp", sql: isoTimestamp("i.updated_at"), sortKey: "updatedAt", defaultVisible: false },
];

export const COLUMN_KEYS: readonly string[] = INCIDENT_COLUMNS.map((column) => column.key);
export const DEFAULT_COLUMN_KEYS: readonly string[] = INCIDENT_COLUMNS.filter((column) => column.defaultVisible).map((column) => column.key);

const columnByKey = new Map(INCIDENT_COLUMNS.map((column) => [column.key, column]));

export function columnByKeyOrThrow(key: string): IncidentColumn {
  const column = columnByKey.get(key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

/**
 * `columns=` accepts a comma-separated list (`columns=id,eventDate,country`) or repeated values. Strict
 * mode (API, export) reports unknown names; tolerant mode (pages) drops them. Order is kept as given, so
 * the export's columns follow the order the user chose; an empty or absent list means the defaults.
 */
export function parseColumns(values: string | readonly string[] | null | undefined, mode: "strict" | "tolerant"): { keys: string[]; unknown: string[] } {
  const list = (typeof values === "string" ? [values] : (values ?? []))
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  const unknown = list.filter((key) => !columnByKey.has(key));
  if (mode === "strict" && unknown.length) return { keys: [], unknown };
  const keys = [...new Set(list.filter((key) => columnByKey.has(key)))];
  return { keys: keys.length ? keys : [...DEFAULT_COLUMN_KEYS], unknown };
}

/** The URL value for a column choice; undefined when it is the default, so default links stay short. */
export function columnsToParam(keys: readonly string[]): string | undefined {
  const same = keys.length === DEFAULT_COLUMN_KEYS.length && keys.every((key, index) => key === DEFAULT_COLUMN_KEYS[index]);
  return same ? undefined : keys.join(",");
}

/**
 * ACLED's export layout (column names and order from ACLED's codebook), so a Vigie export can be appended
 * to an ACLED download. Columns Vigie does not track (admin3, tags, source_scale) are left empty rather
 * than dropped, because tools merging the two files match on position as often as on name.
 *
 * Actor roles come from incident_actor, sources from incident_source: these cells need per-row lookups,
 * so this profile exports slower than the default one (each lookup is an index probe on the primary key).
 */
const ACTOR_OF_ROLE = (role: string, field: "name" | "type", assoc = false) =>
  field === "name"
    ? `(SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = i.id AND ia.role = '${assoc ? "associated" : role}')`
    : `(SELECT min(a.type) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = i.id AND ia.role = '${role}')`;

/** ISO 3166 alpha-3 and numeric codes and ACLED's region for the countries of the gazetteer. */
export const COUNTRY_CODES: Record<string, { iso3: string; numeric: number; region: string }> = {
  Mali: { iso3: "MLI", numeric: 466, region: "Western Africa" },
  Senegal: { iso3: "SEN", numeric: 686, region: "Western Africa" },
  Mauritania: { iso3: "MRT", numeric: 478, region: "Western Africa" },
  "Burkina Faso": { iso3: "BFA", numeric: 854, region: "Western Africa" },
  Niger: { iso3: "NER", numeric: 562, region: "Western Africa" },
  Algeria: { iso3: "DZA", numeric: 12, region: "Northern Africa" },
  "Ivory Coast": { iso3: "CIV", numeric: 384, region: "Western Africa" },
  Guinea: { iso3: "GIN", numeric: 324, region: "Western Africa" },
  Nigeria: { iso3: "NGA", numeric: 566, region: "Western Africa" },
  Chad: { iso3: "TCD", numeric: 148, region: "Middle Africa" },
  Benin: { iso3: "BEN", numeric: 204, region: "Western Africa" },
  Togo: { iso3: "TGO", numeric: 768, region: "Western Africa" },
  Ghana: { iso3: "GHA", numeric: 288, region: "Western Africa" },
  Gambia: { iso3: "GMB", numeric: 270, region: "Western Africa" },
  "Guinea-Bissau": { iso3: "GNB", numeric: 624, region: "Western Africa" },
  Libya: { iso3: "LBY", numeric: 434, region: "Northern Africa" },
  Morocco: { iso3: "MAR", numeric: 504, region: "Northern Africa" },
};

const countryCase = (field: "iso3" | "numeric" | "region", fallback: string) =>
  `CASE i.country ${Object.entries(COUNTRY_CODES)
    .map(([name, codes]) => `WHEN '${name.replace(/'/g, "''")}' THEN ${typeof codes[field] === "number" ? codes[field] : `'${codes[field]}'`}`)
    .join(" ")} ELSE ${fallback} END`;

const disorderCase = `CASE i.event_type ${Object.entries(DISORDER_TYPE)
  .map(([type, disorder]) => `WHEN '${type}' THEN '${disorder}'`)
  .join(" ")} END`;

const actorTypeCodes = Object.keys(ACTOR_TYPES).join(",");

export const ACLED_COLUMNS: readonly IncidentColumn[] = ([
  { key: "event_id_cnty", csvHeader: "event_id_cnty", kind: "text", sql: `coalesce(${countryCase("iso3", "NULL")}, 'VIG') || i.id` },
  { key: "event_date", csvHeader: "event_date", kind: "date", sql: isoDate("i.event_date") },
  { key: "year", csvHeader: "year", kind: "number", sql: "extract(year FROM i.event_date)::int" },
  { key: "time_precision", csvHeader: "time_precision", kind: "number", sql: "CASE i.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END" },
  { key: "disorder_type", csvHeader: "disorder_type", kind: "text", sql: disorderCase },
  { key: "event_type", csvHeader: "event_type", kind: "text", sql: "i.event_type" },
  { key: "sub_event_type", csvHeader: "sub_event_type", kind: "text", sql: "i.sub_event_type" },
  { key: "actor1", csvHeader: "actor1", kind: "text", sql: ACTOR_OF_ROLE("actor1", "name") },
  { key: "assoc_actor_1", csvHeader: "assoc_actor_1", kind: "text", sql: ACTOR_OF_ROLE("actor1", "name", true) },
  { key: "inter1", csvHeader: "inter1", kind: "number", sql: ACTOR_OF_ROLE("actor1", "type") },
  { key: "actor2", csvHeader: "actor2", kind: "text", sql: ACTOR_OF_ROLE("actor2", "name") },
  // Vigie records associated actors once per incident, not per side: ACLED's assoc_actor_2 stays empty.
  { key: "assoc_actor_2", csvHeader: "assoc_actor_2", kind: "text", sql: "NULL::text" },
  { key: "inter2", csvHeader: "inter2", kind: "number", sql: ACTOR_OF_ROLE("actor2", "type") },
  {
    key: "interaction",
    csvHeader: "interaction",
    kind: "number",
    // ACLED's interaction code: the two inter codes, lower first (10 * low + high), or the lone code.
    sql: `(SELECT CASE WHEN count(*) = 0 THEN NULL WHEN count(*) = 1 THEN min(t) * 10 ELSE min(t) * 10 + max(t) END
           FROM (SELECT min(a.type) AS t FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id
                 WHERE ia.incident_id = i.id AND ia.role IN ('actor1', 'actor2') AND a.type IN (${actorTypeCodes}) GROUP BY ia.role) sides)`,
  },
  {
    key: "civilian_targeting",
    csvHeader: "civilian_targeting",
    kind: "text",
    sql: `CASE WHEN i.event_type = 'Violence against civilians' OR EXISTS (SELECT 1 FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = i.id AND ia.role = 'actor2' AND a.type = 7) THEN 'Civilian targeting' ELSE NULL END`,
  },
  { key: "iso", csvHeader: "iso", kind: "number", sql: countryCase("numeric", "NULL") },
  { key: "region", csvHeader: "region", kind: "text", sql: countryCase("region", "NULL") },
  { key: "country", csvHeader: "country", kind: "text", sql: "i.country" },
  { key: "admin1", csvHeader: "admin1", kind: "text", sql: "i.admin1" },
  { key: "admin2", csvHeader: "admin2", kind: "text", sql: "i.admin2" },
  { key: "admin3", csvHeader: "admin3", kind: "text", sql: "NULL::text" },
  { key: "location", csvHeader: "location", kind: "text", sql: "i.location" },
  { key: "latitude", csvHeader: "latitude", kind: "number", sql: "i.latitude" },
  { key: "longitude", csvHeader: "longitude", kind: "number", sql: "i.longitude" },
  { key: "geo_precision", csvHeader: "geo_precision", kind: "number", sql: "i.geo_precision" },
  {
    key: "source",
    csvHeader: "source",
    kind: "text",
    sql: `(SELECT string_agg(DISTINCT coalesce(s.publisher, s.url, 'source ' || s.id), '; ') FROM incident_source isrc JOIN source s ON s.id = isrc.source_id WHERE isrc.incident_id = i.id)`,
  },
  { key: "source_scale", csvHeader: "source_scale", kind: "text", sql: "NULL::text" },
  { key: "notes", csvHeader: "notes", kind: "text", sql: "i.summary" },
  { key: "fatalities", csvHeader: "fatalities", kind: "number", sql: "i.fatalities" },
  { key: "tags", csvHeader: "tags", kind: "text", sql: "NULL::text" },
  { key: "timestamp", csvHeader: "timestamp", kind: "number", sql: "extract(epoch FROM i.updated_at)::bigint" },
] satisfies Omit<IncidentColumn, "label" | "defaultVisible">[]).map((column) => ({ ...column, label: column.csvHeader, defaultVisible: true }));

export const EXPORT_PROFILES = ["vigie", "acled"] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];
