/**
 * The one filter contract of Vigie. The incidents table, its JSON API, the CSV export and every overview
 * chart parse their URL with this schema and build their SQL from the result (lib/incidents/where.ts), so
 * an export or a chart can never disagree with the table on screen.
 *
 * Several values of one parameter are OR-ed (`?admin1=Kayes&admin1=Mopti`), different parameters AND-ed.
 * Pages parse tolerantly (a bad link shows a page with the bad part ignored); the API parses strictly and
 * answers 400 naming the parameter.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { calendarDay } from "@/lib/validation/calendar-day";
import { ACTOR_TYPE_CODES, EVENT_TYPES, GEO_PRECISIONS, REVIEW_STATUSES, SUB_EVENT_TYPES } from "./taxonomy";

export const SORT_KEYS = ["eventDate", "fatalities", "country", "admin1", "location", "eventType", "status", "updatedAt", "id"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

export const DEFAULT_SORT: Sort = { key: "eventDate", dir: "desc" };
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const isoDate = calendarDay;

/**
 * An instant, as an ISO 8601 date or date-time with a zone (what `since` links carry); kept as the
 * canonical UTC form so the same instant is always the same URL.
 */
const isoInstant = z
  .string()
  .max(40, "is too long")
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone")
  .refine((value) => !Number.isNaN(Date.parse(value)), "is not a real date and time")
  .transform((value) => new Date(value).toISOString());

// PostgreSQL cannot store a NUL byte and no name contains control characters: refuse them here, with a
// message, rather than let the database fail on them.
const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);
const CONTROL_MESSAGE = "must not contain control characters";
const text = z.string().trim().min(1, "must not be empty").max(200, "is too long (200 characters at most)").refine(noControl, CONTROL_MESSAGE);
const many = <T extends z.ZodType>(item: T) => z.array(item).max(100, "has too many values (100 at most)").default([]);
const intIn = <T extends readonly number[]>(values: T, label: string) =>
  z.coerce.number().int().refine((value) => values.includes(value), `must be one of ${values.join(", ")} (${label})`);

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

export const incidentFilterSchema = z
  .object({
    country: many(text),
    admin1: many(text),
    admin2: many(text),
    location: many(text),
    actor: many(text),
    actorType: many(intIn(ACTOR_TYPE_CODES, "ACLED actor type")),
    eventType: many(z.enum(EVENT_TYPES as [string, ...string[]], { message: `must be one of ${EVENT_TYPES.join(", ")}` })),
    subEventType: many(z.enum(SUB_EVENT_TYPES as [string, ...string[]], { message: "must be an ACLED sub-event type" })),
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: many(z.enum(REVIEW_STATUSES, { message: `must be one of ${REVIEW_STATUSES.join(", ")}` })),
    geoPrecision: many(intIn(GEO_PRECISIONS, "location precision")),
    minFatalities: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000).optional(),
    /** Arrived since: incidents created in Vigie at or after this instant (what is new since a visit). */
    since: isoInstant.optional(),
    source: many(z.coerce.number().int().positive("must be a source id")),
    q: z
      .string()
      .trim()
      .max(200, "is too long (200 characters at most)")
      .refine(noControl, CONTROL_MESSAGE)
      .optional()
      .transform((value) => value || undefined),
    sort: sortSchema.default(DEFAULT_SORT),
    page: z.coerce.number().int().min(1, "must be 1 or more").max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

const ARRAY_KEYS = ["country", "admin1", "admin2", "location", "actor", "actorType", "eventType", "subEventType", "status", "geoPrecision", "source"] as const;
const SCALAR_KEYS = ["from", "to", "minFatalities", "since", "q", "sort", "page", "pageSize"] as const;
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
    if ((ARRAY_KEYS as readonly string[]).includes(key)) {
      if (value.trim() === "") continue;
      ((raw[key] ??= []) as string[]).push(value);
    } else if ((SCALAR_KEYS as readonly string[]).includes(key)) {
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
  for (const key of ARRAY_KEYS) {
    for (const value of (filter[key] as readonly (string | number)[] | undefined) ?? []) params.append(key, String(value));
  }
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.minFatalities !== undefined) params.set("minFatalities", String(filter.minFatalities));
  if (filter.since) params.set("since", filter.since);
  if (filter.q) params.set("q", filter.q);
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
    if ((ARRAY_KEYS as readonly string[]).includes(key)) ((described[key] ??= []) as string[]).push(value);
    else described[key] = value;
  }
  return described;
}
