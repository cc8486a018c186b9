/**
 * Evaluation of the watches against the incidents written since the last run, exactly once per watch and
 * incident:
 * - a trigger queues every written incident in alert_pending inside the writing transaction; a run takes a
 *   batch with FOR UPDATE SKIP LOCKED and deletes it in its own transaction, so two workers never take the
 *   same rows and a run that fails (or a worker killed mid-run) leaves them queued for the next;
 * - a match is a row of watch_match, whose key (watch_id, incident_id) is unique: INSERT ... ON CONFLICT DO
 *   NOTHING RETURNING gives each new match to exactly one transaction. An edit that makes an incident match
 *   inserts its row once; reverting and re-editing finds the row and says nothing. Incidents matching when
 *   a watch is created (or its filter changes) are recorded as `baseline`, so only what is new alerts;
 * - an incident that absorbed (by a merge) an incident the watch already knew is recorded as known, not new;
 * - each watch's pending matches become one alert per run (batching), unless the watch already sent its
 *   hourly quota: they then wait, still pending, for a later run;
 * - deliveries (e-mail, webhook) are queued in the same transaction (`enqueue`), so an alert is never
 *   created without them nor queued twice.
 */
import type pg from "pg";
import { Prisma } from "@/lib/db/generated/client";
import { inWriteTransaction } from "@/lib/db/write-pool";
import { incidentConditions, sql, type Sql } from "@/lib/incidents/where";
import { describeIncidents, type MatchedIncident } from "./describe";
import { watchFilter } from "./input";

export const EVALUATION_BATCH = 500;
/** Watches per INSERT statement: one statement per 200 watches keeps planning time flat. */
const WATCHES_PER_STATEMENT = 200;

export type DeliveryJob = { channel: "email" | "webhook"; watchId: number; alertIds: number[] };
/** Queues delivery jobs inside the evaluation's transaction (the job queue writes through `client`). */
export type Enqueue = (client: pg.PoolClient, jobs: DeliveryJob[]) => Promise<void>;

export type EvaluatedWatch = {
  id: number;
  condition: "every" | "fatalities" | "surge";
  query: string;
  minFatalities: number | null;
  verifiedOnly: boolean;
};

export type CreatedAlert = { id: number; watchId: number; title: string; incidentIds: number[] };
export type EvaluationResult = { incidents: number; matches: number; alerts: CreatedAlert[] };

/** The conditions of one watch over `i`: its filter (exactly the table's), verified-only, the fatality floor. */
export function watchConditions(watch: EvaluatedWatch): Sql[] {
  const conditions = incidentConditions(watchFilter(watch.query));
  if (watch.verifiedOnly) conditions.push(sql`i.status = 'verified'::"ReviewStatus"`);
  if (watch.condition === "fatalities") conditions.push(sql`i.fatalities >= ${watch.minFatalities ?? 1}`);
  return conditions;
}

const conditionCache = new Map<string, Sql>();

/** Parsing 1,000 filters on every run would cost more than matching them: keyed by the watch's version. */
function cachedWhere(watch: EvaluatedWatch & { version: string }): Sql {
  const key = `${watch.id}:${watch.version}`;
  let where = conditionCache.get(key);
  if (!where) {
    if (conditionCache.size > 10_000) conditionCache.clear();
    where = Prisma.join(watchConditions(watch), " AND ");
    conditionCache.set(key, where);
  }
  return where;
}

async function activeIncidentWatches(client: pg.PoolClient): Promise<(EvaluatedWatch & { version: string })[]> {
  const { rows } = await client.query<{ id: number; condition: EvaluatedWatch["condition"]; query: string; min_fatalities: number | null; verified_only: boolean; version: string }>(
    `SELECT id, condition, query, min_fatalities, verified_only, updated_at::text AS version FROM watch WHERE active AND condition <> 'surge' ORDER BY id`,
  );
  return rows.map((row) => ({ id: row.id, condition: row.condition, query: row.query, minFatalities: row.min_fatalities, verifiedOnly: row.verified_only, version: row.version }));
}

async function insertMatches(client: pg.PoolClient, watches: (EvaluatedWatch & { version: string })[], incidentIds: number[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < watches.length; start += WATCHES_PER_STATEMENT) {
    const arms = watches.slice(start, start + WATCHES_PER_STATEMENT).map((watch) => sql`SELECT ${watch.id}::int AS watch_id, i.id AS incident_id FROM batch i WHERE ${cachedWhere(watch)}`);
    // The batch is read once (MATERIALIZED) and every watch's conditions run over its rows, aliased `i`
    // as the WHERE builder expects.
    const statement = sql`
      WITH batch AS MATERIALIZED (SELECT * FROM incident WHERE id = ANY(${incidentIds}::int[]))
      INSERT INTO watch_match (watch_id, incident_id, state)
      SELECT m.watch_id, m.incident_id,
             CASE WHEN EXISTS (
               SELECT 1 FROM watch_match known JOIN incident absorbed ON absorbed.id = known.incident_id
                WHERE known.watch_id = m.watch_id AND absorbed.merged_into_id = m.incident_id
             ) THEN 'baseline'::"WatchMatchState" ELSE 'pending'::"WatchMatchState" END
        FROM (${Prisma.join(arms, " UNION ALL ")}) m
      ON CONFLICT (watch_id, incident_id) DO NOTHING`;
    inserted += (await client.query(statement.text, statement.values)).rowCount ?? 0;
  }
  return inserted;
}

type WatchToFlush = { id: number; owner_id: number; shared: boolean; condition: string; min_fatalities: number | null; email_mode: string; webhook_url: string | null; max_alerts_per_hour: number; sent_last_hour: number };

/**
 * One alert per watch with pending matches, within its hourly quota. The watch rows are locked in id order
 * (no deadlock between workers; NO KEY UPDATE does not wait for the key-share locks that inserting matches
 * takes on the watch), so two runs never turn the same pending matches into two alerts.
 */
async function flushPending(client: pg.PoolClient, enqueue: Enqueue | undefined): Promise<CreatedAlert[]> {
  const { rows: watches } = await client.query<WatchToFlush>(
    `SELECT w.id, w.owner_id, w.shared, w.condition::text, w.min_fatalities, w.email_mode::text, w.webhook_url, w.max_alerts_per_hour,
            (SELECT count(*)::int FROM alert a WHERE a.watch_id = w.id AND a.created_at > now() - interval '1 hour') AS sent_last_hour
       FROM watch w
      WHERE w.active AND w.id IN (SELECT DISTINCT watch_id FROM watch_match WHERE state = 'pending')
      ORDER BY w.id FOR NO KEY UPDATE OF w`,
  );
  const created: CreatedAlert[] = [];
  const jobs: DeliveryJob[] = [];
  for (const watch of watches) {
    if (watch.sent_last_hour >= watch.max_alerts_per_hour) continue;
    const { rows: incidents } = await client.query<MatchedIncident>(
      `SELECT i.id, i.country, i.admin1, i.admin2, i.location, i.actor_names AS "actorNames", i.fatalities
         FROM watch_match m JOIN incident i ON i.id = m.incident_id
        WHERE m.watch_id = $1 AND m.state = 'pending' ORDER BY i.event_date DESC, i.id DESC`,
      [watch.id],
    );
    if (!incidents.length) continue;
    const title = describeIncidents(incidents, { minFatalities: watch.condition === "fatalities" ? watch.min_fatalities : null });
    const ids = incidents.map((incident) => incident.id);
    const alert = await insertAlert(client, { watchId: watch.id, ownerId: watch.owner_id, shared: watch.shared, kind: "incidents", title, incidentIds: ids });
    await client.query(`UPDATE watch_match SET state = 'alerted', alert_id = $2 WHERE watch_id = $1 AND incident_id = ANY($3::int[])`, [watch.id, alert.id, ids]);
    created.push(alert);
    if (watch.email_mode === "immediate") jobs.push({ channel: "email", watchId: watch.id, alertIds: [alert.id] });
    if (watch.webhook_url) jobs.push({ channel: "webhook", watchId: watch.id, alertIds: [alert.id] });
  }
  if (jobs.length && enqueue) await enqueue(client, jobs);
  return created;
}

/** The alert and its inbox rows: the owner, and every active user when an admin shared the watch. */
export async function insertAlert(
  client: pg.PoolClient,
  alert: { watchId: number; ownerId: number; shared: boolean; kind: string; title: string; incidentIds: number[] },
): Promise<CreatedAlert> {
  const { rows } = await client.query<{ id: number }>(`INSERT INTO alert (watch_id, kind, title, incident_ids) VALUES ($1, $2, $3, $4::int[]) RETURNING id`, [
    alert.watchId,
    alert.kind,
    alert.title,
    alert.incidentIds,
  ]);
  const id = rows[0]!.id;
  await client.query(
    `INSERT INTO alert_recipient (alert_id, user_id)
     SELECT $1, u.id FROM "user" u WHERE u.id = $2 OR ($3 AND NOT u.disabled)
     ON CONFLICT DO NOTHING`,
    [id, alert.ownerId, alert.shared],
  );
  return { id, watchId: alert.watchId, title: alert.title, incidentIds: alert.incidentIds };
}

/**
 * One evaluation run: a batch of written incidents against every active watch, then the alerts. Returns
 * what it did; call again while `incidents` equals the batch size.
 */
export async function evaluatePending(options: { batchSize?: number; enqueue?: Enqueue } = {}): Promise<EvaluationResult> {
  return inWriteTransaction(async (client) => {
    const { rows: claimed } = await client.query<{ incident_id: number }>(
      `DELETE FROM alert_pending WHERE incident_id IN (
         SELECT incident_id FROM alert_pending ORDER BY queued_at, incident_id LIMIT $1 FOR UPDATE SKIP LOCKED
       ) RETURNING incident_id`,
      [options.batchSize ?? EVALUATION_BATCH],
    );
    let matches = 0;
    if (claimed.length) {
      const watches = await activeIncidentWatches(client);
      if (watches.length) matches = await insertMatches(client, watches, claimed.map((row) => row.incident_id));
    }
    const alerts = await flushPending(client, options.enqueue);
    return { incidents: claimed.length, matches, alerts };
  });
}

/**
 * Records the incidents a watch matches right now as known (`baseline`), so creating a watch or changing
 * its filter alerts only for what is written afterwards. Runs in the caller's transaction.
 */
export async function baselineWatch(run: (statement: Sql) => Promise<unknown>, watch: EvaluatedWatch): Promise<void> {
  if (watch.condition === "surge") return;
  await run(sql`
    INSERT INTO watch_match (watch_id, incident_id, state)
    SELECT ${watch.id}::int, i.id, 'baseline'::"WatchMatchState" FROM incident i WHERE ${Prisma.join(watchConditions(watch), " AND ")}
    ON CONFLICT (watch_id, incident_id) DO NOTHING`);
}
