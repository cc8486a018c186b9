/**
 * SQL for the filter contract: one WHERE clause over `incident i`, shared by table rows, counts, chart
 * aggregates and the CSV export. Built with Prisma's sql tag: every value is a bound parameter.
 */
import { Prisma } from "@/lib/db/generated/client";
import { foldText } from "@/lib/text/fold";
import type { IncidentFilter } from "./filters";

export const sql = Prisma.sql;
export type Sql = Prisma.Sql;

/**
 * Conditions that depend only on the filter. Actor names are resolved to ids in SQL through the alias
 * table, so "GSIM" finds JNIM and an unknown name simply matches nothing.
 */
export type ConditionOptions = {
  /**
   * The names the filter's actors resolve to, when the caller has resolved them: matched against the
   * incident's own actor_names (kept equal to its links on every write, see refreshActorNames in
   * queries.ts) instead of joining incident_actor. The overview's scans read actor_names from their
   * covering index; at 1,000,000 incidents the join cost them 30-50 ms more per aggregate.
   */
  actorNames?: string[] | null;
  /**
   * The caller tests a handful of known rows (an alert batch's new incidents against every watch): full
   * text looks at each row's own sources instead of first collecting every matching source of the table,
   * which suits a page of a large result but costs a whole index scan per watch and row here.
   */
  fewRows?: boolean;
};

export function incidentConditions(filter: IncidentFilter, options: ConditionOptions = {}): Sql[] {
  const conditions: Sql[] = [sql`i.merged_into_id IS NULL`];
  if (filter.country.length) conditions.push(sql`i.country = ANY(${filter.country})`);
  if (filter.admin1.length) {
    // Mali's 2023 regions are accepted too: an incident in Sandaré is in Kayes and in Nioro.
    conditions.push(sql`(i.admin1 = ANY(${filter.admin1}) OR i.admin1_reform = ANY(${filter.admin1}))`);
  }
  if (filter.admin2.length) conditions.push(sql`i.admin2 = ANY(${filter.admin2})`);
  if (filter.location.length) conditions.push(sql`i.location = ANY(${filter.location})`);
  if (filter.eventType.length) conditions.push(sql`i.event_type = ANY(${filter.eventType})`);
  if (filter.subEventType.length) conditions.push(sql`i.sub_event_type = ANY(${filter.subEventType})`);
  // Compared as the enum, not as text: a text cast would hide the (status, event_date, id) index.
  if (filter.status.length) conditions.push(sql`i.status = ANY(${filter.status}::"ReviewStatus"[])`);
  if (filter.geoPrecision.length) conditions.push(sql`i.geo_precision = ANY(${filter.geoPrecision}::int[])`);
  if (filter.from) conditions.push(sql`i.event_date >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`i.event_date <= ${filter.to}::date`);
  if (filter.minFatalities !== undefined) conditions.push(sql`i.fatalities >= ${filter.minFatalities}`);
  if (filter.since) conditions.push(sql`i.created_at >= ${filter.since}::timestamptz`);
  if (filter.actor.length && options.actorNames) {
    conditions.push(sql`string_to_array(i.actor_names, '; ') && ${options.actorNames}::text[]`);
  } else if (filter.actor.length) {
    const folded = filter.actor.map(foldText);
    conditions.push(sql`EXISTS (
      SELECT 1 FROM incident_actor ia
      WHERE ia.incident_id = i.id
        AND ia.actor_id IN (
          SELECT aa.actor_id FROM actor_alias aa WHERE aa.normalized = ANY(${folded})
          UNION SELECT a.id FROM actor a WHERE a.name = ANY(${filter.actor})
        )
    )`);
  }
  if (filter.actorType.length) {
    // The actors of those types as an array (one InitPlan), not a join: joined, the planner took a few
    // frequent actors (JNIM, the armies) for rare ones, expected 8,000 links where there are 458,000 and
    // looked incidents up one by one (9 s at 1,000,000 incidents; 0.7 s this way).
    conditions.push(sql`EXISTS (
      SELECT 1 FROM incident_actor ia
      WHERE ia.incident_id = i.id AND ia.actor_id = ANY(ARRAY(SELECT a.id FROM actor a WHERE a.type = ANY(${filter.actorType}::int[])))
    )`);
  }
  if (filter.source.length) {
    conditions.push(sql`EXISTS (
      SELECT 1 FROM incident_source isrc WHERE isrc.incident_id = i.id AND isrc.source_id = ANY(${filter.source}::int[])
    )`);
  }
  if (filter.q) {
    // French and English stemming plus exact names; matches the incident's own text or any of its sources.
    const query = sql`(websearch_to_tsquery('french', ${filter.q}) || websearch_to_tsquery('english', ${filter.q}) || websearch_to_tsquery('simple', ${filter.q}))`;
    // The incidents of matching sources as an array (one InitPlan), not `IN (subquery)`: an OR with a
    // subquery cannot be a bitmap, so every q scanned the whole table (80 ms for a word found nowhere at
    // 100,000 incidents); `id = ANY(array)` can, and ORs with the search-vector index (1 ms).
    const fromSources = options.fewRows
      ? sql`EXISTS (
          SELECT 1 FROM incident_source isrc JOIN source src ON src.id = isrc.source_id
          WHERE isrc.incident_id = i.id AND src.search_vector @@ ${query}
        )`
      : sql`i.id = ANY(ARRAY(
          SELECT isrc.incident_id FROM incident_source isrc JOIN source src ON src.id = isrc.source_id
          WHERE src.search_vector @@ ${query}
        ))`;
    conditions.push(sql`(i.search_vector @@ ${query} OR ${fromSources})`);
  }
  return conditions;
}

export function incidentWhere(filter: IncidentFilter, options: ConditionOptions = {}): Sql {
  return sql`WHERE ${Prisma.join(incidentConditions(filter, options), " AND ")}`;
}
