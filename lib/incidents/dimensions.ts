/**
 * The filter dimensions of Vigie, in one table: for each URL parameter, its parser, the SQL that keeps an
 * incident row (table, count, export, overview scans, alerts), the SQL that keeps a rollup row where a
 * rollup can express it, and the key of its label. Everything else is derived from this table: the zod
 * schema and the parameter lists (filters.ts), the WHERE clause (where.ts), the overview's choice between
 * rollups and scans (stats-plan.ts) and the filter bar's controls. Adding a dimension is one entry here plus
 * its tests (see "Adding a filter dimension" in the README).
 *
 * The table is read in the browser too (the filter bar), so it takes the SQL tag as an argument instead of
 * importing the database client: `rows` and `rollups` only run on the server.
 *
 * The order of the entries is the order of the parameters in every link Vigie writes (filterToSearchParams).
 */
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { CodeKind } from "@/lib/i18n/labels";
import type { Messages } from "@/lib/i18n/messages";
import { foldText } from "@/lib/text/fold";
import { calendarDay } from "@/lib/validation/calendar-day";
import { ACTOR_TYPE_CODES, EVENT_TYPES, GEO_PRECISIONS, REVIEW_STATUSES, SOURCE_LANGUAGES, SUB_EVENT_TYPES } from "./taxonomy";

type Sql = Prisma.Sql;
export type SqlTag = typeof Prisma.sql;

export type RowContext = {
  sql: SqlTag;
  /**
   * The names the filter's actors resolve to, when the caller has resolved them (ConditionOptions in
   * where.ts); null: the actor condition resolves them itself.
   */
  actorNames: string[] | null;
  /** The caller tests a handful of known rows (ConditionOptions.fewRows in where.ts). */
  fewRows?: boolean;
};

/**
 * The overview's rollups (see stats-plan.ts): `breakdown` is incident_rollup (no dates), `time` is
 * incident_time_rollup, `actorTime` is incident_actor_time_rollup.
 */
export type Rollup = "breakdown" | "time" | "actorTime";
/**
 * A condition over a rollup row `r`, or null when that rollup cannot answer this value; "period" when the
 * rollup's period column answers it (the time series splits the dates into the rollup's slices).
 */
export type RollupSql<V> = ((value: V, context: RowContext) => Sql | null) | "period";

type FilterMessages = Messages["filters"];
/** A label under `filters` in the messages, and a group of labels (one per value). */
type LabelKey = { [K in keyof FilterMessages]: FilterMessages[K] extends string ? K : never }[keyof FilterMessages];
type LabelGroupKey = Exclude<keyof FilterMessages, LabelKey>;

/** A control of the filter bar that is a list of fixed choices, each labelled through the messages. */
export type Choices = {
  values: readonly (string | number)[];
  /** A code label (lib/i18n/labels.ts) or a message under `filters.<message>.<value>`. */
  optionLabel: { code: CodeKind } | { message: LabelGroupKey };
  /** Show the code before its label ("6 · Protesters"). */
  withCode?: boolean;
};

type Present<T> = Exclude<T, undefined>;

type Dimension<S extends z.ZodType> = {
  /** many: a repeated parameter whose values are OR-ed; one: a single value. */
  arity: "many" | "one";
  schema: S;
  /** The key of its label under `filters` in the messages. */
  label: LabelKey;
  /** The condition over `incident i`; called only when the filter has a value for this dimension. */
  rows: (value: Present<z.output<S>>, context: RowContext) => Sql;
  /** The rollups that can express it; a dimension with none sends every overview aggregate to the scan. */
  rollups?: Partial<Record<Rollup, RollupSql<Present<z.output<S>>>>>;
  /** Reads columns that are not in incident_overview_idx, so any scan must read the incident rows. */
  readsRows?: boolean;
  /** Rendered by the filter bar as a multi-select of these choices (others have their own control). */
  choices?: Choices;
};

// PostgreSQL cannot store a NUL byte and no name contains control characters: refuse them here, with a
// message, rather than let the database fail on them.
export const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);
export const CONTROL_MESSAGE = "must not contain control characters";
const text = z.string().trim().min(1, "must not be empty").max(200, "is too long (200 characters at most)").refine(noControl, CONTROL_MESSAGE);
const intIn = <T extends readonly number[]>(values: T, label: string) =>
  z.coerce.number().int().refine((value) => values.includes(value), `must be one of ${values.join(", ")} (${label})`);

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

function list<I extends z.ZodType>(item: I, spec: Omit<Dimension<z.ZodDefault<z.ZodArray<I>>>, "arity" | "schema">): Dimension<z.ZodDefault<z.ZodArray<I>>> {
  return { arity: "many", schema: z.array(item).max(100, "has too many values (100 at most)").default([]), ...spec };
}

function single<S extends z.ZodType>(schema: S, spec: Omit<Dimension<S>, "arity" | "schema">): Dimension<S> {
  return { arity: "one", schema, ...spec };
}

/** The same condition on every rollup (they all hold the column). */
function everyRollup<V>(condition: RollupSql<V>): Record<Rollup, RollupSql<V>> {
  return { breakdown: condition, time: condition, actorTime: condition };
}

/**
 * The one resolution of actor names: through the alias table (folded, so "GSIM" and "groupe de soutien a
 * l islam" find JNIM), then exact names. An unknown name resolves to nothing, so it matches nothing.
 */
export function actorIdsSql(actors: string[], sql: SqlTag): Sql {
  return sql`SELECT aa.actor_id FROM actor_alias aa WHERE aa.normalized = ANY(${actors.map(foldText)})
    UNION SELECT a.id FROM actor a WHERE a.name = ANY(${actors})`;
}

const dateRollups = { time: "period", actorTime: "period" } as const;

export const DIMENSIONS = {
  country: list(text, {
    label: "country",
    rows: (values, { sql }) => sql`i.country = ANY(${values})`,
    rollups: everyRollup((values, { sql }) => sql`r.country = ANY(${values})`),
  }),
  admin1: list(text, {
    label: "admin1",
    // Mali's 2023 regions are accepted too: an incident in Sandaré is in Kayes and in Nioro.
    rows: (values, { sql }) => sql`(i.admin1 = ANY(${values}) OR i.admin1_reform = ANY(${values}))`,
    rollups: {
      breakdown: (values, { sql }) => sql`(r.admin1 = ANY(${values}) OR r.admin1_reform = ANY(${values}))`,
      time: (values, { sql }) => sql`(r.admin1 = ANY(${values}) OR r.admin1_reform = ANY(${values}))`,
    },
  }),
  admin2: list(text, {
    label: "admin2",
    rows: (values, { sql }) => sql`i.admin2 = ANY(${values})`,
    rollups: { breakdown: (values, { sql }) => sql`r.admin2 = ANY(${values})` },
  }),
  location: list(text, {
    label: "location",
    rows: (values, { sql }) => sql`i.location = ANY(${values})`,
    readsRows: true,
  }),
  actor: list(text, {
    label: "actor",
    rows: (values, { sql, actorNames }) =>
      actorNames
        ? sql`string_to_array(i.actor_names, '; ') && ${actorNames}::text[]`
        : sql`EXISTS (
      SELECT 1 FROM incident_actor ia
      WHERE ia.incident_id = i.id
        AND ia.actor_id IN (${actorIdsSql(values, sql)})
    )`,
    rollups: {
      // The planner resolves the names before choosing (planOverview), so actorNames is set here.
      breakdown: (_values, { sql, actorNames }) => sql`string_to_array(r.actor_names, '; ') && ${actorNames ?? []}::text[]`,
      // One actor only: an incident of two filtered actors would be counted twice in the per-actor rollup.
      actorTime: (_values, { sql, actorNames }) => (actorNames && actorNames.length <= 1 ? sql`r.actor = ANY(${actorNames})` : null),
    },
  }),
  actorType: list(intIn(ACTOR_TYPE_CODES, "ACLED actor type"), {
    label: "actorType",
    // The actors of those types as an array (one InitPlan), not a join: joined, the planner took a few
    // frequent actors (JNIM, the armies) for rare ones, expected 8,000 links where there are 458,000 and
    // looked incidents up one by one (9 s at 1,000,000 incidents; 0.7 s this way).
    rows: (values, { sql }) => sql`EXISTS (
      SELECT 1 FROM incident_actor ia
      WHERE ia.incident_id = i.id AND ia.actor_id = ANY(ARRAY(SELECT a.id FROM actor a WHERE a.type = ANY(${values}::int[])))
    )`,
    choices: { values: ACTOR_TYPE_CODES, optionLabel: { code: "actorType" }, withCode: true },
  }),
  eventType: list(z.enum(EVENT_TYPES as [string, ...string[]], { message: `must be one of ${EVENT_TYPES.join(", ")}` }), {
    label: "eventType",
    rows: (values, { sql }) => sql`i.event_type = ANY(${values})`,
    rollups: everyRollup((values, { sql }) => sql`r.event_type = ANY(${values})`),
  }),
  subEventType: list(z.enum(SUB_EVENT_TYPES as [string, ...string[]], { message: "must be an ACLED sub-event type" }), {
    label: "subEventType",
    rows: (values, { sql }) => sql`i.sub_event_type = ANY(${values})`,
    rollups: { breakdown: (values, { sql }) => sql`r.sub_event_type = ANY(${values})` },
  }),
  status: list(z.enum(REVIEW_STATUSES, { message: `must be one of ${REVIEW_STATUSES.join(", ")}` }), {
    label: "status",
    // Compared as the enum, not as text: a text cast would hide the (status, event_date, id) index.
    rows: (values, { sql }) => sql`i.status = ANY(${values}::"ReviewStatus"[])`,
    rollups: { breakdown: (values, { sql }) => sql`r.status = ANY(${values}::"ReviewStatus"[])` },
    choices: { values: REVIEW_STATUSES, optionLabel: { code: "status" } },
  }),
  geoPrecision: list(intIn(GEO_PRECISIONS, "location precision"), {
    label: "geoPrecision",
    rows: (values, { sql }) => sql`i.geo_precision = ANY(${values}::int[])`,
    rollups: { breakdown: (values, { sql }) => sql`r.geo_precision = ANY(${values}::int[])` },
    choices: { values: GEO_PRECISIONS, optionLabel: { message: "geoPrecisionLevel" }, withCode: true },
  }),
  /** The language of the incident's sources: an incident reported in French and in English has both. */
  language: list(z.enum(SOURCE_LANGUAGES, { message: `must be one of ${SOURCE_LANGUAGES.join(", ")}` }), {
    label: "language",
    rows: (values, { sql }) => sql`EXISTS (
      SELECT 1 FROM incident_source isrc JOIN source src ON src.id = isrc.source_id
      WHERE isrc.incident_id = i.id AND src.language = ANY(${values})
    )`,
    choices: { values: SOURCE_LANGUAGES, optionLabel: { message: "languageName" } },
  }),
  source: list(z.coerce.number().int().positive("must be a source id"), {
    label: "source",
    rows: (values, { sql }) => sql`EXISTS (
      SELECT 1 FROM incident_source isrc WHERE isrc.incident_id = i.id AND isrc.source_id = ANY(${values}::int[])
    )`,
  }),
  from: single(calendarDay.optional(), {
    label: "from",
    rows: (day, { sql }) => sql`i.event_date >= ${day}::date`,
    rollups: dateRollups,
  }),
  to: single(calendarDay.optional(), {
    label: "to",
    rows: (day, { sql }) => sql`i.event_date <= ${day}::date`,
    rollups: dateRollups,
  }),
  minFatalities: single(z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000).optional(), {
    label: "minFatalities",
    rows: (count, { sql }) => sql`i.fatalities >= ${count}`,
  }),
  /** Arrived since: incidents created in Vigie at or after this instant (what is new since a visit). */
  since: single(isoInstant.optional(), {
    label: "sinceLabel",
    rows: (instant, { sql }) => sql`i.created_at >= ${instant}::timestamptz`,
  }),
  q: single(
    z
      .string()
      .trim()
      .max(200, "is too long (200 characters at most)")
      .refine(noControl, CONTROL_MESSAGE)
      .optional()
      .transform((value) => value || undefined),
    {
      label: "searchLabel",
      rows: (q, { sql, fewRows }) => {
        // French and English stemming plus exact names; matches the incident's own text or any of its sources.
        const query = sql`(websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
        // The incidents of matching sources as an array (one InitPlan), not `IN (subquery)`: an OR with a
        // subquery cannot be a bitmap, so every q scanned the whole table (80 ms for a word found nowhere at
        // 100,000 incidents); `id = ANY(array)` can, and ORs with the search-vector index (1 ms). A handful
        // of known rows (an alert batch) look at their own sources instead of collecting every match.
        const fromSources = fewRows
          ? sql`EXISTS (
              SELECT 1 FROM incident_source isrc JOIN source src ON src.id = isrc.source_id
              WHERE isrc.incident_id = i.id AND src.search_vector @@ ${query}
            )`
          : sql`i.id = ANY(ARRAY(
              SELECT isrc.incident_id FROM incident_source isrc JOIN source src ON src.id = isrc.source_id
              WHERE src.search_vector @@ ${query}
            ))`;
        return sql`(i.search_vector @@ ${query} OR ${fromSources})`;
      },
      readsRows: true,
    },
  ),
};

export type Dimensions = typeof DIMENSIONS;
export type DimensionName = keyof Dimensions;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

/** The table entry with its value type erased, for code that walks every dimension. */
export type AnyDimension = Omit<Dimension<z.ZodType>, "rows" | "rollups"> & {
  rows: (value: unknown, context: RowContext) => Sql;
  rollups?: Partial<Record<Rollup, RollupSql<unknown>>>;
};

/** Whether a parsed value sets the dimension: a non-empty list, or a defined scalar. */
export function isSet(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== "";
}

/** The dimensions the filter sets, with their values, in table order. */
export function activeDimensions(filter: Partial<Record<DimensionName, unknown>>): { name: DimensionName; dimension: AnyDimension; value: unknown }[] {
  return DIMENSION_NAMES.flatMap((name) => (isSet(filter[name]) ? [{ name, dimension: DIMENSIONS[name] as unknown as AnyDimension, value: filter[name] }] : []));
}
