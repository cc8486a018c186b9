/**
 * Matching an evaluation batch against every watch in one statement, planned in a time that does not grow
 * with the number of watches.
 *
 * Each watch's WHERE is the filter contract's own SQL (lib/incidents/where.ts). Watches with the same
 * filter dimensions produce the same SQL text and differ only in its bound values, so the text is their
 * shape: the statement has one arm per shape, in which each bound value is replaced by a column of a row
 * per watch that carries that watch's values (lifted from a JSON parameter once, in a materialized CTE).
 * A thousand watches make a handful of shapes, where one arm per watch made a thousand subqueries to plan
 * (most of the time at 1,000 watches). Watches whose filter and conditions are identical share one row.
 */
import type pg from "pg";
import type { Sql } from "@/lib/incidents/where";
import { indexBatch, mayMatchIn, type BatchIncident, type PrefilterWatch } from "./prefilter";

export type MatchableWatch = PrefilterWatch & { id: number; where: Sql };

/** How the JSON value at `path` becomes the SQL type the contract's text expects of that parameter. */
function liftedColumn(value: unknown, path: string): { kind: string; column: string } {
  if (Array.isArray(value)) {
    // Numbers (precisions, ids, actor types) keep their numeric type; the contract casts them to int[].
    const numeric = value.length > 0 && value.every((item) => typeof item === "number");
    return { kind: numeric ? "n[]" : "t[]", column: `ARRAY(SELECT jsonb_array_elements_text(${path}))${numeric ? "::numeric[]" : ""}` };
  }
  if (typeof value === "number") return { kind: "n", column: `(${path} #>> '{}')::numeric` };
  if (typeof value === "boolean") return { kind: "b", column: `(${path} #>> '{}')::boolean` };
  if (typeof value === "string" || value instanceof Date) return { kind: "t", column: `${path} #>> '{}'` };
  throw new Error(`a watch's condition has a parameter of unexpected type (${typeof value})`);
}

type Shape = { text: string; columns: string[]; rows: Map<string, { watchIds: number[]; values: unknown[]; incidentIds: number[] }> };

/** Candidates grouped by shape: the SQL text with its parameters renamed to columns of `wv`, and the kinds of their values. */
function groupByShape(candidates: { watch: MatchableWatch; incidentIds: number[] }[]): Shape[] {
  const shapes = new Map<string, Shape>();
  for (const { watch, incidentIds } of candidates) {
    const values = watch.where.values;
    const lifted = values.map((value, index) => liftedColumn(value, `e->'v'->${index}`));
    const text = watch.where.text.replace(/\$(\d+)/g, (_, n: string) => `wv.p${n}`);
    const key = `${lifted.map((column) => column.kind).join(",")}\n${text}`;
    let shape = shapes.get(key);
    if (!shape) {
      shape = { text, columns: lifted.map((column, index) => `${column.column} AS p${index + 1}`), rows: new Map() };
      shapes.set(key, shape);
    }
    // Same values and same candidates: the same matches (prefiltered on the same filter and conditions).
    const rowKey = JSON.stringify([values, incidentIds]);
    const row = shape.rows.get(rowKey);
    if (row) row.watchIds.push(watch.id);
    else shape.rows.set(rowKey, { watchIds: [watch.id], values, incidentIds });
  }
  return [...shapes.values()];
}

/**
 * Records as pending (or as known, for an incident that absorbed one the watch already had) every new
 * (watch, incident) match among `batch`. Returns how many rows were inserted: the key (watch_id,
 * incident_id) is unique and ON CONFLICT DO NOTHING, so a match is recorded once whoever evaluates.
 */
export async function insertMatches(client: pg.PoolClient, watches: MatchableWatch[], batch: BatchIncident[]): Promise<number> {
  const index = indexBatch(batch);
  const candidates = watches.flatMap((watch) => {
    const incidentIds = mayMatchIn(watch, index).map((incident) => incident.id);
    return incidentIds.length ? [{ watch, incidentIds }] : [];
  });
  if (!candidates.length) return 0;
  const shapes = groupByShape(candidates);
  const values: unknown[] = [batch.map((incident) => incident.id)];
  const ctes = shapes.map((shape, index) => {
    values.push(JSON.stringify([...shape.rows.values()].map((row) => ({ w: row.watchIds, i: row.incidentIds, v: row.values }))));
    const columns = ["ARRAY(SELECT jsonb_array_elements_text(e->'w'))::int[] AS watch_ids", "ARRAY(SELECT jsonb_array_elements_text(e->'i'))::int[] AS ids", ...shape.columns];
    return `s${index} AS MATERIALIZED (SELECT ${columns.join(", ")} FROM jsonb_array_elements($${values.length}::jsonb) e)`;
  });
  // Each arm reads the batch's rows aliased `i`, as the WHERE builder expects.
  const arms = shapes.map(
    (shape, index) => `SELECT wx.watch_id, i.id AS incident_id
       FROM s${index} wv CROSS JOIN LATERAL unnest(wv.ids) AS c(id) JOIN batch i ON i.id = c.id CROSS JOIN LATERAL unnest(wv.watch_ids) AS wx(watch_id)
      WHERE ${shape.text}`,
  );
  const { rowCount } = await client.query(
    `WITH batch AS MATERIALIZED (SELECT * FROM incident WHERE id = ANY($1::int[])), ${ctes.join(", ")}
     INSERT INTO watch_match (watch_id, incident_id, state)
     SELECT m.watch_id, m.incident_id,
            CASE WHEN EXISTS (
              SELECT 1 FROM watch_match known JOIN incident absorbed ON absorbed.id = known.incident_id
               WHERE known.watch_id = m.watch_id AND absorbed.merged_into_id = m.incident_id
            ) THEN 'baseline'::"WatchMatchState" ELSE 'pending'::"WatchMatchState" END
       FROM (${arms.join(" UNION ALL ")}) m
     ON CONFLICT (watch_id, incident_id) DO NOTHING`,
    values,
  );
  return rowCount ?? 0;
}

/** The batch's incidents with the columns the prefilter judges. */
export async function readBatch(client: pg.PoolClient, incidentIds: number[]): Promise<BatchIncident[]> {
  const { rows } = await client.query<BatchIncident>(
    `SELECT id, country, admin1, admin1_reform AS "admin1Reform", admin2, location, event_type AS "eventType", sub_event_type AS "subEventType",
            status::text, geo_precision::int AS "geoPrecision", event_date::text AS "eventDate", fatalities, merged_into_id AS "mergedIntoId", actor_names AS "actorNames"
       FROM incident WHERE id = ANY($1::int[])`,
    [incidentIds],
  );
  return rows;
}
