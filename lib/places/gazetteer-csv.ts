/**
 * The learned gazetteer as CSV, so a team can load a national gazetteer (an OCHA common operational
 * dataset, its own list) and share what its analysts placed. Columns, in this order:
 *   name, alternate_names, country, admin1, admin2, latitude, longitude, source
 * alternate_names are separated by "|" (";" and "," are CSV delimiters in some locales); country is a
 * name as Vigie spells it ("Mali") or an ISO code ("ML").
 *
 * An import is all or nothing: every line is checked first and any bad one is reported by its line number
 * with nothing written; a good file is written in one transaction. A row with the same country, name,
 * admin1 and admin2 as a learned entry replaces it, so importing a file twice changes nothing.
 * Text cells that a spreadsheet would run as a formula are exported with a leading ' (as the incidents
 * export does) and the ' is removed again on import, so an export imports back unchanged.
 */
import "server-only";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { FORMULA_PREFIXES, neutralizeCell } from "@/lib/incidents/export";
import { COUNTRIES } from "@/lib/ingest/gazetteer";
import { nameKey } from "@/lib/ingest/normalize";
import { invalidateLearnedGazetteer } from "./learned";

export const GAZETTEER_COLUMNS = ["name", "alternate_names", "country", "admin1", "admin2", "latitude", "longitude", "source"] as const;
export const MAX_GAZETTEER_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 200_000;
const MAX_REPORTED = 100;
const ALTERNATE_SEPARATOR = "|";

export type GazetteerRow = { name: string; alternateNames: string[]; country: string; admin1: string | null; admin2: string | null; latitude: number; longitude: number; source: string };
export type LineError = { line: number; message: string };

const countryByName = new Map(COUNTRIES.flatMap((country) => [[nameKey(country.name), country.name], [nameKey(country.nameFr), country.name], [country.code.toLowerCase(), country.name]] as const));

/** The inverse of neutralizeCell: "'=x" read back as "=x". */
function unneutralize(value: string): string {
  return value.startsWith("'") && (FORMULA_PREFIXES as readonly string[]).includes(value[1] ?? "") ? value.slice(1) : value;
}

function text(value: string | undefined, max: number, field: string, errors: string[], required = false): string | null {
  const cell = unneutralize((value ?? "").trim());
  if (!cell) {
    if (required) errors.push(`${field} is empty`);
    return null;
  }
  if (cell.length > max) errors.push(`${field} is longer than ${max} characters`);
  return cell;
}

function coordinate(value: string | undefined, field: string, limit: number, errors: string[]): number {
  const cell = (value ?? "").trim().replace(",", ".");
  const number = cell === "" ? NaN : Number(cell);
  if (!Number.isFinite(number) || Math.abs(number) > limit) errors.push(`${field} must be a number between -${limit} and ${limit} (got "${cell}")`);
  return number;
}

/** Every row of a gazetteer CSV, or a 400 listing the bad lines (at most 100) with what is wrong on each. */
export function parseGazetteerCsv(csv: string): GazetteerRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 100_000 }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError("bad_request", `The file is not valid CSV${line ? ` (line ${line})` : ""}: ${(error as Error).message}`, { errors: line ? [{ line, message: "not valid CSV" }] : [] });
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError("bad_request", "The file is empty: it needs a header line and rows");
  const columns = header.record.map((cell) => cell.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const missing = GAZETTEER_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) throw new AppError("bad_request", `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${GAZETTEER_COLUMNS.join(", ")})`, { errors: [{ line: 1, message: `missing ${missing.join(", ")}` }] });
  if (rows.length > MAX_ROWS) throw new AppError("payload_too_large", `The file has ${rows.length} rows; at most ${MAX_ROWS} are imported at once`);
  const at = (record: string[], column: (typeof GAZETTEER_COLUMNS)[number]) => record[columns.indexOf(column)];

  const errors: LineError[] = [];
  const parsed: GazetteerRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const problems: string[] = [];
    const name = text(at(record, "name"), 200, "name", problems, true);
    const countryCell = text(at(record, "country"), 100, "country", problems, true);
    const country = countryCell ? countryByName.get(nameKey(countryCell)) : undefined;
    if (countryCell && !country) problems.push(`country "${countryCell}" is not a country of the gazetteer`);
    const admin1 = text(at(record, "admin1"), 100, "admin1", problems);
    const admin2 = text(at(record, "admin2"), 100, "admin2", problems);
    const latitude = coordinate(at(record, "latitude"), "latitude", 90, problems);
    const longitude = coordinate(at(record, "longitude"), "longitude", 180, problems);
    const source = text(at(record, "source"), 200, "source", problems) ?? "import";
    const alternates = (at(record, "alternate_names") ?? "").split(ALTERNATE_SEPARATOR).map((alias) => unneutralize(alias.trim())).filter(Boolean);
    if (alternates.some((alias) => alias.length > 200)) problems.push("an alternate name is longer than 200 characters");
    if (name && !nameKey(name)) problems.push("name has no letters or digits");
    if (!problems.length && name && country) {
      const identity = [country, nameKey(name), admin1 ?? "", admin2 ?? ""].join("\u0000");
      const earlier = seen.get(identity);
      if (earlier !== undefined) problems.push(`same place as line ${earlier} (name, country, admin1, admin2)`);
      else seen.set(identity, line);
    }
    if (problems.length) {
      errors.push({ line, message: problems.join("; ") });
      continue;
    }
    parsed.push({ name: name!, alternateNames: [...new Set(alternates.filter((alias) => alias !== name))], country: country!, admin1, admin2, latitude, longitude, source });
  }
  if (errors.length) {
    const shown = errors.slice(0, MAX_REPORTED);
    throw new AppError(
      "bad_request",
      `${errors.length} bad line${errors.length === 1 ? "" : "s"}, nothing was imported: ${shown.slice(0, 5).map((error) => `line ${error.line}: ${error.message}`).join("; ")}${errors.length > 5 ? "; …" : ""}`,
      { errors: shown },
    );
  }
  return parsed;
}

/** Writes the rows in one transaction: entries with the same country, name and areas are replaced. */
export async function importGazetteer(rows: GazetteerRow[], user: SessionUser | null, ip: string | null = null): Promise<{ inserted: number; updated: number }> {
  const result = await prisma.$transaction(
    async (tx) => {
      const [counts] = await tx.$queryRawUnsafe<{ inserted: number; updated: number }[]>(
        `WITH t AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(n int, name text, key text, "alternateNames" text[], country text, admin1 text, admin2 text,
                                                           latitude float8, longitude float8, source text)
         ), updated AS (
           UPDATE learned_place l SET name = t.name, alternate_names = t."alternateNames", latitude = t.latitude, longitude = t.longitude,
                  source = t.source, updated_at = now()
             FROM t WHERE l.country = t.country AND l.key = t.key AND l.admin1 IS NOT DISTINCT FROM t.admin1 AND l.admin2 IS NOT DISTINCT FROM t.admin2
           RETURNING t.n
         ), inserted AS (
           INSERT INTO learned_place (name, key, alternate_names, country, admin1, admin2, latitude, longitude, source, updated_at)
           SELECT name, key, "alternateNames", country, admin1, admin2, latitude, longitude, source, now() FROM t
            WHERE t.n NOT IN (SELECT n FROM updated)
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(DISTINCT n) FROM updated)::int AS updated`,
        JSON.stringify(rows.map((row, n) => ({ ...row, n, key: nameKey(row.name) }))),
      );
      await recordAudit({ user, action: "gazetteer.import", targetType: "learned_place", details: { rows: rows.length, ...counts }, ip }, tx);
      return counts!;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  invalidateLearnedGazetteer();
  return result;
}

/** The whole learned gazetteer as CSV, in the import's columns. */
export async function exportGazetteerCsv(): Promise<string> {
  const rows = await prisma.learnedPlace.findMany({ orderBy: [{ country: "asc" }, { name: "asc" }, { id: "asc" }] });
  const cell = (value: string | null) => neutralizeCell(value ?? "");
  return stringify([
    [...GAZETTEER_COLUMNS],
    ...rows.map((row) => [
      cell(row.name),
      row.alternateNames.map((alias) => neutralizeCell(alias)).join(ALTERNATE_SEPARATOR),
      row.country,
      cell(row.admin1),
      cell(row.admin2),
      String(row.latitude),
      String(row.longitude),
      cell(row.source),
    ]),
  ]);
}
