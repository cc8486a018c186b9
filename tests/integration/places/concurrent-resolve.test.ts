/**
 * A resolve waits for an incident someone is saving at that moment, then moves it too: the row it finds
 * after the lock is the saved one, and it must be updated, versioned and audited like the others.
 */
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as resolvePlace } from "@/app/api/places/[id]/resolve/route";
import { databaseUrl, query, resetDatabase } from "../db";
import { signedInUser, withCookie, type Caller } from "../session";
import { placeNameId, seedReference, storeIncidents, unplacedIncident } from "./fixtures";

let analyst: Caller;

beforeAll(async () => {
  await resetDatabase();
  await seedReference();
  analyst = await signedInUser("analyst");
});

describe("a resolve during an edit", () => {
  it("moves every incident of the name, the one being saved included", async () => {
    const ids = await storeIncidents([unplacedIncident("Sogoniko"), unplacedIncident("Sogoniko"), unplacedIncident("Sogoniko")]);
    const id = await placeNameId("Sogoniko");
    const editing = new pg.Client({ connectionString: databaseUrl() });
    await editing.connect();
    try {
      // An edit of the second incident, committed only once the resolve is waiting for its row.
      await editing.query("BEGIN");
      await editing.query(`UPDATE incident SET fatalities = 7, version = version + 1 WHERE id = $1`, [ids[1]]);
      const request = new Request(`http://localhost:3000/api/places/${id}/resolve`, {
        ...withCookie(analyst.cookie),
        method: "POST",
        headers: { ...(withCookie(analyst.cookie).headers as Record<string, string>), "content-type": "application/json" },
        body: JSON.stringify({ latitude: 14.5, longitude: -3.6, admin1: "Mopti", admin2: "Bandiagara" }),
      });
      const pending = resolvePlace(request, { params: Promise.resolve({ id: String(id) }) });
      await expect
        .poll(async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0]!.n, { timeout: 20_000 })
        .toBeGreaterThan(0);
      await editing.query("COMMIT");
      const response = await pending;
      expect(response.status).toBe(200);
      expect((await response.json()).incidentsChanged).toBe(3);
    } finally {
      await editing.end();
    }
    const rows = await query<{ id: number; latitude: number | null; fatalities: number; version: number }>(
      `SELECT id, latitude, fatalities, version FROM incident WHERE id = ANY($1::int[]) ORDER BY id`,
      [ids],
    );
    expect(rows.map((row) => row.latitude)).toEqual([14.5, 14.5, 14.5]);
    // The saved edit is kept, and the resolve's version comes on top of it.
    expect(rows[1]).toMatchObject({ fatalities: 7, version: 3 });
    const audited = await query<{ target_id: string }>(`SELECT target_id FROM audit_event WHERE action = 'incident.place' ORDER BY target_id::int`);
    expect(audited.map((row) => Number(row.target_id))).toEqual(ids);
  });
});
