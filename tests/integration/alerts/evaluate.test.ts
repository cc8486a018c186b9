/**
 * Watches evaluated against real ingests on real PostgreSQL: one alert per watch and incident, whatever
 * the number of workers, edits, reverts, merges and restarts.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluatePending } from "@/lib/alerts/evaluate";
import { createWatch, listAlerts, countUnreadAlerts } from "@/lib/alerts/queries";
import { mergeIncidents } from "@/lib/incidents/merges";
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase } from "../db";
import { signedInUser, type Caller } from "../session";
import { alertRows, ingest, KAYES_JNIM, KAYES_OTHER, MOPTI, resetAlertsAndIncidents } from "./helpers";

let analyst: Caller;

beforeAll(async () => {
  await resetDatabase();
  await loadReferenceData();
  analyst = await signedInUser("analyst");
});

beforeEach(resetAlertsAndIncidents);

/** Runs evaluation until the queue is empty, as the worker's loop does. */
async function drain(): Promise<void> {
  for (let run = 0; run < 50; run++) {
    const result = await evaluatePending();
    if (result.incidents === 0) return;
  }
}

describe("a watch on admin1=Kayes&actor=JNIM", () => {
  it("fires once for an ingested matching article, names why, and not for other articles", async () => {
    const watch = await createWatch(analyst.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM" });
    const [kayes] = await ingest(KAYES_JNIM);
    await ingest(MOPTI);
    await ingest(KAYES_OTHER);
    await drain();
    const alerts = await alertRows();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ watch_id: watch.id, incident_ids: [kayes], kind: "incidents" });
    expect(alerts[0]!.title).toBe("1 new incident in Kayes (JNIM, Military Forces of Mali), 12 killed");

    // The same article again, and a later evaluation: nothing new.
    await ingest(KAYES_JNIM);
    await drain();
    expect(await alertRows()).toHaveLength(1);

    const inbox = await listAlerts(analyst.user, { unreadOnly: true });
    expect(inbox.map((alert) => alert.incidentIds)).toEqual([[kayes]]);
    expect(await countUnreadAlerts(analyst.user)).toBe(1);
  });

  it("does not alert for incidents that matched before the watch existed", async () => {
    await ingest(KAYES_JNIM);
    await createWatch(analyst.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM" });
    await drain();
    // An unrelated later edit of that incident does not make it new either.
    await query(`UPDATE incident SET summary = summary || ' (corrigé)'`);
    await drain();
    expect(await alertRows()).toEqual([]);
  });

  it("alerts once when an edit makes an incident match; reverting and editing again says nothing more", async () => {
    const watch = await createWatch(analyst.user, { name: "Killed in Mopti", query: "admin1=Mopti", condition: "fatalities", minFatalities: 10 });
    const [mopti] = await ingest(MOPTI);
    await drain();
    expect(await alertRows()).toEqual([]);

    await query(`UPDATE incident SET fatalities = 14 WHERE id = $1`, [mopti]);
    await drain();
    await query(`UPDATE incident SET fatalities = 3 WHERE id = $1`, [mopti]);
    await drain();
    await query(`UPDATE incident SET fatalities = 15 WHERE id = $1`, [mopti]);
    await drain();
    const alerts = await alertRows();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ watch_id: watch.id, incident_ids: [mopti] });
    expect(alerts[0]!.title).toBe("1 new incident with 10 or more killed in Mopti (Unidentified Armed Group, Police Forces of Mali), 14 killed");
  });

  it("does not alert again for the incident a known incident was merged into", async () => {
    await createWatch(analyst.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM" });
    const [kayes] = await ingest(KAYES_JNIM);
    await drain();
    const [other] = await ingest(KAYES_OTHER);
    await drain();
    expect(await alertRows()).toHaveLength(1);
    // The other Kayes incident absorbs the alerted one (and with it JNIM): it now matches, but is not news.
    await mergeIncidents(other!, kayes!, analyst.user);
    await drain();
    expect((await query(`SELECT actor_names FROM incident WHERE id = $1`, [other]))[0]).toMatchObject({ actor_names: expect.stringContaining("JNIM") });
    expect(await alertRows()).toHaveLength(1);
  });

  it("verified only: waits for the review, then alerts once", async () => {
    await createWatch(analyst.user, { name: "Verified Kayes", query: "admin1=Kayes", verifiedOnly: true });
    const [kayes] = await ingest(KAYES_JNIM);
    await drain();
    expect(await alertRows()).toEqual([]);
    await query(`UPDATE incident SET status = 'verified' WHERE id = $1`, [kayes]);
    await drain();
    expect((await alertRows()).map((alert) => alert.incident_ids)).toEqual([[kayes]]);
  });
});

describe("quiet by design", () => {
  it("batches the incidents of one run into one alert, and holds further alerts past the hourly limit", async () => {
    await createWatch(analyst.user, { name: "Mali", query: "country=Mali", maxAlertsPerHour: 1 });
    const first = [...(await ingest(KAYES_JNIM)), ...(await ingest(MOPTI))];
    await drain();
    const [second] = await ingest(KAYES_OTHER);
    await drain();
    const alerts = await alertRows();
    expect(alerts).toHaveLength(1);
    expect([...alerts[0]!.incident_ids].sort()).toEqual([...first].sort());
    expect(alerts[0]!.title).toBe("2 new incidents in Mopti, Kayes (Unidentified Armed Group, Police Forces of Mali and 2 more), 15 killed");
    // Held, not lost: once the hour has passed the next run sends it.
    expect(await query(`SELECT state FROM watch_match WHERE incident_id = $1`, [second])).toEqual([{ state: "pending" }]);
    await query(`UPDATE alert SET created_at = created_at - interval '61 minutes'`);
    await evaluatePending();
    expect((await alertRows()).map((alert) => alert.incident_ids)).toEqual([alerts[0]!.incident_ids, [second]]);
  });
});

describe("several workers", () => {
  it("two workers evaluating at once deliver each match once", async () => {
    const watches = [];
    for (let n = 0; n < 5; n++) watches.push(await createWatch(analyst.user, { name: `Mali ${n}`, query: "country=Mali", maxAlertsPerHour: 60 }));
    // 40 distinct incidents, queued at once.
    await query(
      `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, updated_at)
       SELECT date '2025-01-01' + n, 'Battles', 'Armed clash', 'synthetic ' || n, 'Mali', 'Kayes', now() FROM generate_series(1, 40) n`,
    );
    const worker = async () => {
      for (let run = 0; run < 40; run++) if ((await evaluatePending({ batchSize: 3 })).incidents === 0) return;
    };
    await Promise.all([worker(), worker()]);
    await drain();
    const alerts = await alertRows();
    for (const watch of watches) {
      const ids = alerts.filter((alert) => alert.watch_id === watch.id).flatMap((alert) => alert.incident_ids);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    }
    expect(await query(`SELECT count(*)::int AS n FROM alert_pending`)).toEqual([{ n: 0 }]);
  });

  it("a run that fails leaves its incidents queued for the next (a restart loses nothing)", async () => {
    await createWatch(analyst.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM", emailMode: "immediate" });
    await ingest(KAYES_JNIM);
    await expect(evaluatePending({ enqueue: async () => { throw new Error("worker killed"); } , batchSize: 10 }).then(() => {
      throw new Error("expected no alert to be delivered");
    })).rejects.toThrow();
    expect(await alertRows()).toEqual([]);
    await drain();
    expect(await alertRows()).toHaveLength(1);
  });
});
