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
import type { IncidentFilter } from "@/lib/incidents/filters";
import { incidentConditions, sql, type ConditionOptions, type Sql } from "@/lib/incidents/where";
import { foldText } from "@/lib/text/fold";
import { describeIncidents, type AlertReason, type MatchedIncident } from "./describe";
import { watchFilter } from "./input";
import { insertMatches, readBatch, type MatchableWatch } from "./match";
import { englishTitle } from "./wording";

export const EVALUATION_BATCH = 500;

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

/**
 * The conditions of one watch over `i`: its filter (exactly the table's), verified-only, the fatality floor.
 * `options`: see ConditionOptions of the WHERE builder (the filter's actors already resolved, a batch of few rows).
 */
export function watchConditions(watch: EvaluatedWatch, filter: IncidentFilter = watchFilter(watch.query), options: ConditionOptions = {}): Sql[] {
  const conditions = incidentConditions(filter, options);
  if (watch.verifiedOnly) conditions.push(sql`i.status = 'verified'::"ReviewStatus"`);
  if (watch.condition === "fatalities") conditions.push(sql`i.fatalities >= ${watch.minFatalities ?? 1}`);
  return conditions;
}

type PreparedWatch = MatchableWatch & { expires: number };
const prepared = new Map<string, PreparedWatch>();
/** Actor names are resolved through the dictionary, which an operator may reload: re-resolved every few minutes. */
const PREPARED_TTL_MS = 5 * 60_000;

/**
 * Each watch's filter parsed, its actors resolved to the names incident.actor_names holds (one query for
 * every watch not yet prepared), and its SQL built once per version of the watch: parsing 1,000 filters on
 * every run would cost more than matching them.
 */
async function prepareWatches(client: pg.PoolClient, watches: (EvaluatedWatch & { version: string })[]): Promise<PreparedWatch[]> {
  const now = Date.now();
  const missing = watches.filter((watch) => !((prepared.get(`${watch.id}:${watch.version}`)?.expires ?? 0) > now));
  if (missing.length) {
    if (prepared.size > 10_000) prepared.clear();
    const filters = missing.map((watch) => watchFilter(watch.query));
    const names = await resolveActors(client, [...new Set(filters.flatMap((filter) => filter.actor))]);
    missing.forEach((watch, index) => {
      const filter = filters[index]!;
      const actorNames = filter.actor.length ? [...new Set(filter.actor.flatMap((actor) => names.get(actor) ?? []))].sort() : null;
      const minFatalities = watch.condition === "fatalities" ? (watch.minFatalities ?? 1) : null;
      const where = Prisma.join(watchConditions(watch, filter, { actorNames, fewRows: true }), " AND ");
      prepared.set(`${watch.id}:${watch.version}`, { id: watch.id, filter, actorNames, verifiedOnly: watch.verifiedOnly, minFatalities, where, expires: now + PREPARED_TTL_MS });
    });
  }
  return watches.map((watch) => prepared.get(`${watch.id}:${watch.version}`)!);
}

/**
 * The names each actor of a filter stands for: the resolution of incidentConditions (aliases folded, then
 * exact names), once per distinct actor of all the watches (a thousand watches name a few dozen actors).
 */
async function resolveActors(client: pg.PoolClient, actors: string[]): Promise<Map<string, string[]>> {
  if (!actors.length) return new Map();
  const { rows } = await client.query<{ actor: string; names: string[] }>(
    `SELECT x.actor, ARRAY(
       SELECT a.name FROM actor a WHERE a.name = x.actor OR a.id IN (SELECT aa.actor_id FROM actor_alias aa WHERE aa.normalized = x.folded)
     ) AS names
       FROM unnest($1::text[], $2::text[]) AS x(actor, folded)`,
    [actors, actors.map(foldText)],
  );
  return new Map(rows.map((row) => [row.actor, row.names]));
}

async function activeIncidentWatches(client: pg.PoolClient): Promise<(EvaluatedWatch & { version: string })[]> {
  const { rows } = await client.query<{ id: number; condition: EvaluatedWatch["condition"]; query: string; min_fatalities: number | null; verified_only: boolean; version: string }>(
    `SELECT id, condition, query, min_fatalities, verified_only, updated_at::text AS version FROM watch WHERE active AND condition <> 'surge' ORDER BY id`,
  );
  return rows.map((row) => ({ id: row.id, condition: row.condition, query: row.query, minFatalities: row.min_fatalities, verifiedOnly: row.verified_only, version: row.version }));
}

type WatchToFlush = { id: number; owner_id: number; shared: boolean; condition: string; min_fatalities: number | null; email_mode: string; webhook_url: string | null };

/**
 * One alert per watch with pending matches, within its hourly quota, in a fixed number of statements
 * whatever the number of watches (a batch can alert hundreds). The watch rows are locked in id order (no
 * deadlock between workers; NO KEY UPDATE does not wait for the key-share locks that inserting matches takes
 * on the watch), so two runs never turn the same pending matches into two alerts.
 */
async function flushPending(client: pg.PoolClient, enqueue: Enqueue | undefined): Promise<CreatedAlert[]> {
  const { rows: watches } = await client.query<WatchToFlush>(
    `SELECT w.id, w.owner_id, w.shared, w.condition::text, w.min_fatalities, w.email_mode::text, w.webhook_url
       FROM watch w
      WHERE w.active AND w.id IN (SELECT DISTINCT watch_id FROM watch_match WHERE state = 'pending')
        AND (SELECT count(*) FROM alert a WHERE a.watch_id = w.id AND a.created_at > now() - interval '1 hour') < w.max_alerts_per_hour
      ORDER BY w.id FOR NO KEY UPDATE OF w`,
  );
  if (!watches.length) return [];
  const { rows: pending } = await client.query<MatchedIncident & { watchId: number }>(
    `SELECT m.watch_id AS "watchId", i.id, i.country, i.admin1, i.admin2, i.location, i.actor_names AS "actorNames", i.fatalities
       FROM watch_match m JOIN incident i ON i.id = m.incident_id
      WHERE m.state = 'pending' AND m.watch_id = ANY($1::int[])
      ORDER BY m.watch_id, i.event_date DESC, i.id DESC`,
    [watches.map((watch) => watch.id)],
  );
  const byWatch = new Map<number, MatchedIncident[]>();
  for (const row of pending) {
    const { watchId, ...incident } = row;
    const list = byWatch.get(watchId) ?? [];
    list.push(incident);
    byWatch.set(watchId, list);
  }
  const alerting = watches.filter((watch) => byWatch.has(watch.id));
  if (!alerting.length) return [];
  const reasons = alerting.map((watch) => describeIncidents(byWatch.get(watch.id)!, { minFatalities: watch.condition === "fatalities" ? watch.min_fatalities : null }));
  const titles = reasons.map(englishTitle);
  const { rows: inserted } = await client.query<{ id: number; watch_id: number }>(
    `INSERT INTO alert (watch_id, kind, title, reason, incident_ids)
     SELECT w, 'incidents', t, r, ARRAY(SELECT e::int FROM jsonb_array_elements_text(ids) WITH ORDINALITY AS j(e, n) ORDER BY n)
       FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::jsonb[]) AS x(w, t, r, ids)
     RETURNING id, watch_id`,
    [alerting.map((watch) => watch.id), titles, reasons.map((reason) => JSON.stringify(reason)), alerting.map((watch) => JSON.stringify(byWatch.get(watch.id)!.map((incident) => incident.id)))],
  );
  const alertOf = new Map(inserted.map((row) => [row.watch_id, row.id]));
  await addRecipients(client, alerting.map((watch) => ({ alertId: alertOf.get(watch.id)!, ownerId: watch.owner_id, shared: watch.shared })));
  const pairs = alerting.flatMap((watch) => byWatch.get(watch.id)!.map((incident) => [watch.id, incident.id, alertOf.get(watch.id)!] as const));
  await client.query(
    `UPDATE watch_match m SET state = 'alerted', alert_id = x.a
       FROM unnest($1::int[], $2::int[], $3::int[]) AS x(w, i, a)
      WHERE m.watch_id = x.w AND m.incident_id = x.i`,
    [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1]), pairs.map((pair) => pair[2])],
  );
  const jobs: DeliveryJob[] = [];
  const created = alerting.map((watch, index): CreatedAlert => {
    const id = alertOf.get(watch.id)!;
    if (watch.email_mode === "immediate") jobs.push({ channel: "email", watchId: watch.id, alertIds: [id] });
    if (watch.webhook_url) jobs.push({ channel: "webhook", watchId: watch.id, alertIds: [id] });
    return { id, watchId: watch.id, title: titles[index]!, incidentIds: byWatch.get(watch.id)!.map((incident) => incident.id) };
  });
  if (jobs.length && enqueue) await enqueue(client, jobs);
  return created;
}

/** Inbox rows: each alert's owner, and every active user when an admin shared the watch. */
async function addRecipients(client: pg.PoolClient, alerts: { alertId: number; ownerId: number; shared: boolean }[]): Promise<void> {
  await client.query(
    `INSERT INTO alert_recipient (alert_id, user_id)
     SELECT x.a, u.id FROM unnest($1::int[], $2::int[], $3::bool[]) AS x(a, o, s) JOIN "user" u ON u.id = x.o OR (x.s AND NOT u.disabled)
     ON CONFLICT DO NOTHING`,
    [alerts.map((alert) => alert.alertId), alerts.map((alert) => alert.ownerId), alerts.map((alert) => alert.shared)],
  );
}

/** The alert and its inbox rows: the owner, and every active user when an admin shared the watch. */
export async function insertAlert(
  client: pg.PoolClient,
  alert: { watchId: number; ownerId: number; shared: boolean; reason: AlertReason; incidentIds: number[] },
): Promise<CreatedAlert> {
  const title = englishTitle(alert.reason);
  const { rows } = await client.query<{ id: number }>(`INSERT INTO alert (watch_id, kind, title, reason, incident_ids) VALUES ($1, $2, $3, $4::jsonb, $5::int[]) RETURNING id`, [
    alert.watchId,
    alert.reason.kind,
    title,
    JSON.stringify(alert.reason),
    alert.incidentIds,
  ]);
  const id = rows[0]!.id;
  await addRecipients(client, [{ alertId: id, ownerId: alert.ownerId, shared: alert.shared }]);
  return { id, watchId: alert.watchId, title, incidentIds: alert.incidentIds };
}

/**
 * One evaluation run: a batch of written incidents against every active watch, then the alerts. Returns
 * what it did; call again while `incidents` equals the batch size.
 *
 * Two transactions: the matches are committed as pending before they become alerts. Updating rows that its
 * own transaction inserted makes PostgreSQL check their foreign keys again (its rule for keys a
 * transaction may have changed), which at 1,000 watches cost more than the rest of the alert writes. A
 * failure between the two loses nothing: pending matches are what the next run alerts.
 */
export async function evaluatePending(options: { batchSize?: number; enqueue?: Enqueue } = {}): Promise<EvaluationResult> {
  const { incidents, matches } = await inWriteTransaction(async (client) => {
    // Without waiting for the disk (an fsync per batch): a crash can only lose this transaction whole, and
    // its incidents are then still queued. The alerts' commit, durable, makes this one durable too.
    await client.query("SET LOCAL synchronous_commit = off");
    const { rows: claimed } = await client.query<{ incident_id: number }>(
      `DELETE FROM alert_pending WHERE incident_id IN (
         SELECT incident_id FROM alert_pending ORDER BY queued_at, incident_id LIMIT $1 FOR UPDATE SKIP LOCKED
       ) RETURNING incident_id`,
      [options.batchSize ?? EVALUATION_BATCH],
    );
    if (!claimed.length) return { incidents: 0, matches: 0 };
    const watches = await activeIncidentWatches(client);
    if (!watches.length) return { incidents: claimed.length, matches: 0 };
    const batch = await readBatch(client, claimed.map((row) => row.incident_id));
    return { incidents: claimed.length, matches: await insertMatches(client, await prepareWatches(client, watches), batch) };
  });
  const alerts = await inWriteTransaction((client) => flushPending(client, options.enqueue));
  return { incidents, matches, alerts };
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
