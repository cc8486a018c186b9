/**
 * The one filter contract of Vigie. The incidents table, its JSON API, the CSV export and every overview
 * chart parse their URL with this schema and build their SQL from the result (lib/incidents/where.ts), so
 * an export or a chart can never disagree with the table on screen.
 *
 * The parameters themselves are the table of filter dimensions (dimensions.ts); this module adds sort and
 * paging, and reads and writes the URL form.
 *
 * Several values of one parameter are OR-ed (`?admin1=Kayes&admin1=Mopti`), different parameters AND-ed.
 * Pages parse tolerantly (a bad link shows a page with the bad part ignored); the API parses strictly and
 * answers 400 naming the parameter.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { DIMENSION_NAMES, DIMENSIONS, type Dimensions } from "./dimensions";

export const SORT_KEYS = ["eventDate", "fatalities", "country", "admin1", "location", "eventType", "status", "updatedAt", "id"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

export const DEFAULT_SORT: Sort = { key: "eventDate", dir: "desc" };
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const sortSchema = z
  .string()
  .regex(/^-?[a-zA-Z]+$/, "must be a column name, optionally prefixed with - for descending")
  .transform((value, ctx): Sort => {
    const dir = value.startsWith("-") ? "desc" : "asc";
    const key = value.replace(/^-/, "");
    if (!(SORT_KEYS as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", message: `must be one of ${SORT_KEYS.join(", ")}` });
      return z.NEVER;
    }
    return { key: key as SortKey, dir };
  });

type DimensionShape = { [K in keyof Dimensions]: Dimensions[K]["schema"] };
const dimensionShape = Object.fromEntries(DIMENSION_NAMES.map((name) => [name, DIMENSIONS[name].schema])) as DimensionShape;

export const incidentFilterSchema = z
  .object({
    ...dimensionShape,
    sort: sortSchema.default(DEFAULT_SORT),
    page: z.coerce.number().int().min(1, "must be 1 or more").max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

/** Parameters that repeat (their values are OR-ed) and parameters that take one value. */
const ARRAY_KEYS: readonly string[] = DIMENSION_NAMES.filter((name) => DIMENSIONS[name].arity === "many");
const SCALAR_KEYS: readonly string[] = [...DIMENSION_NAMES.filter((name) => DIMENSIONS[name].arity === "one"), "sort", "page", "pageSize"];
export const FILTER_KEYS: readonly string[] = [...ARRAY_KEYS, ...SCALAR_KEYS];

type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRaw(params: ParamsInput, extraKeys: readonly string[]): { raw: Record<string, unknown>; unknown: string[] } {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item]),
        );
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of entries) {
    if (ARRAY_KEYS.includes(key)) {
      if (value.trim() === "") continue;
      ((raw[key] ??= []) as string[]).push(value);
    } else if (SCALAR_KEYS.includes(key)) {
      if (value.trim() !== "") raw[key] = value;
    } else if (!extraKeys.includes(key)) {
      unknown.push(key);
    }
  }
  return { raw, unknown };
}

/** A 400 naming each bad parameter (`details` holds the issues), answered by the one error mapping. */
export class FilterError extends AppError {
  constructor(
    message: string,
    readonly issues: { parameter: string; message: string }[],
  ) {
    super("bad_request", message, issues);
    this.name = "FilterError";
  }
}

/**
 * Strict parse for the API and export: unknown parameters and bad values are errors that name the
 * parameter. `extraKeys` are parameters the caller handles itself (e.g. `columns`, `bom`).
 */
export function parseIncidentFilter(params: ParamsInput, extraKeys: readonly string[] = []): IncidentFilter {
  const { raw, unknown } = toRaw(params, extraKeys);
  const issues: { parameter: string; message: string }[] = unknown.map((key) => ({
    parameter: key || "(empty name)",
    message: `unknown parameter (known: ${[...FILTER_KEYS, ...extraKeys].join(", ")})`,
  }));
  const parsed = incidentFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ parameter: String(issue.path[0] ?? "query"), message: issue.message });
    }
  }
  if (issues.length || !parsed.success) {
    throw new FilterError(issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; "), issues);
  }
  return parsed.data;
}

/**
 * Tolerant parse for pages: a hand-edited or outdated link never crashes a page. Each bad parameter is
 * dropped on its own, the rest still applies.
 */
export function parseIncidentFilterTolerant(params: ParamsInput): IncidentFilter {
  const { raw } = toRaw(params, []);
  for (let attempt = 0; attempt < FILTER_KEYS.length + 1; attempt++) {
    const parsed = incidentFilterSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const key of bad) delete raw[key];
    if (!bad.size) break;
  }
  return incidentFilterSchema.parse({});
}

/** The URL form of a filter, omitting defaults, in a stable order: used for links, saved views and exports. */
export function filterToSearchParams(filter: Partial<IncidentFilter>, options: { keepPaging?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of DIMENSION_NAMES) {
    const value = filter[name];
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else if (value !== undefined && value !== "") params.set(name, String(value));
  }
  if (filter.sort && (filter.sort.key !== DEFAULT_SORT.key || filter.sort.dir !== DEFAULT_SORT.dir)) {
    params.set("sort", `${filter.sort.dir === "desc" ? "-" : ""}${filter.sort.key}`);
  }
  if (options.keepPaging) {
    if (filter.page && filter.page !== 1) params.set("page", String(filter.page));
    if (filter.pageSize && filter.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(filter.pageSize));
  }
  return params;
}

/** The filter without paging and sort: what identifies "the set of incidents" for charts and audit. */
export function describeFilter(filter: IncidentFilter): Record<string, string | string[]> {
  const described: Record<string, string | string[]> = {};
  for (const [key, value] of filterToSearchParams(filter)) {
    if (ARRAY_KEYS.includes(key)) ((described[key] ??= []) as string[]).push(value);
    else described[key] = value;
  }
  return described;
}
