/**
 * The actors queue against PostgreSQL: an unknown armed group is queued on ingest with its incident count;
 * linking it to an actor or making it an actor of its own rewrites every incident concerned in one
 * transaction (actor names, versions, audit rows, exact rollups); later ingests use the decision; a viewer
 * cannot resolve.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listActors } from "@/app/api/actors/route";
import { POST as resolveActor } from "@/app/api/actors/[id]/resolve/route";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, withToken, type Caller } from "../session";
import { battleWithGroup, rollupDifferences, seedReference, storeIncidents } from "./fixtures";

let analyst: Caller;
let viewer: Caller;

beforeAll(async () => {
  await resetDatabase();
  await seedReference();
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

const withGroup = (group: string, day: string) => battleWithGroup(group, day, 2);

function resolve(id: number, body: unknown, init: RequestInit): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/actors/${id}/resolve`, {
    ...init,
    method: "POST",
    headers: { ...(init.headers as Record<string, string>), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return resolveActor(request, { params: Promise.resolve({ id: String(id) }) });
}

async function queued(name: string) {
  const [row] = await query<{ id: number; incident_count: number; status: string; actor_id: number | null }>(`SELECT id, incident_count, status::text, actor_id FROM actor_name WHERE name = $1`, [name]);
  return row!;
}

async function actorNamesOf(ids: number[]) {
  return query<{ id: number; actor_names: string; version: number }>(`SELECT id, actor_names, version FROM incident WHERE id = ANY($1::int[]) ORDER BY id`, [ids]);
}

describe("the actors queue", () => {
  let hombori: number[] = [];
  let tessit: number[] = [];

  it("queues an unknown armed group once, counting its incidents; known actors are not queued", async () => {
    hombori = [...(await storeIncidents([withGroup("Katiba Hombori Nord", "2025-02-01"), withGroup("Katiba Hombori Nord", "2025-02-02")])), ...(await storeIncidents([withGroup("Katiba Hombori Nord", "2025-02-03")]))];
    tessit = await storeIncidents([withGroup("Brigade de Tessit", "2025-02-04")]);
    expect(await query(`SELECT name, incident_count, country FROM actor_name ORDER BY name`)).toEqual([
      { name: "Brigade de Tessit", incident_count: 1, country: "Mali" },
      { name: "Katiba Hombori Nord", incident_count: 3, country: "Mali" },
    ]);
    const response = await listActors(new Request("http://localhost:3000/api/actors?status=pending", withToken(viewer.token)));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(2);
    expect(body.rows[0]).toMatchObject({ name: "Katiba Hombori Nord", incidentCount: 3, status: "pending" });
  });

  it("refuses a viewer with 403 and changes nothing", async () => {
    const { id } = await queued("Katiba Hombori Nord");
    const before = await actorNamesOf(hombori);
    const [jnim] = await query<{ id: number }>(`SELECT id FROM actor WHERE name = 'JNIM'`);
    expect((await resolve(id, { actorId: jnim!.id }, withCookie(viewer.cookie))).status).toBe(403);
    expect(await actorNamesOf(hombori)).toEqual(before);
  });

  it("answers 400 naming the field on bad input", async () => {
    const { id } = await queued("Katiba Hombori Nord");
    for (const [body, message] of [
      [{ actorId: "JNIM" }, /^actorId:/],
      [{ actorId: 99_999 }, /^actorId:/],
      [{ name: "X Group", interCode: 9 }, /^interCode:/],
      [{ name: "", interCode: 2 }, /^name:/],
      [{ name: "JNIM", interCode: 2 }, /^name:/],
    ] as const) {
      const response = await resolve(id, body, withCookie(analyst.cookie));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
  });

  it("links a name to an existing actor: its incidents name that actor, with new versions and audit rows", async () => {
    const { id, actor_id: provisional } = await queued("Katiba Hombori Nord");
    const [jnim] = await query<{ id: number }>(`SELECT id FROM actor WHERE name = 'JNIM'`);
    const before = await actorNamesOf(hombori);
    const response = await resolve(id, { actorId: jnim!.id }, withCookie(analyst.cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentsChanged: 3, actor: { status: "alias", actorId: jnim!.id } });
    const after = await actorNamesOf(hombori);
    for (const [index, row] of after.entries()) {
      expect(row.actor_names.split("; ").sort()).toEqual(["JNIM", "Military Forces of Mali"]);
      expect(row.version).toBe(before[index]!.version + 1);
    }
    expect(await query(`SELECT count(*)::int AS n FROM incident_actor WHERE actor_id = $1`, [jnim!.id])).toEqual([{ n: 3 }]);
    expect(await query(`SELECT id FROM actor WHERE id = $1`, [provisional])).toEqual([]);
    expect(await query(`SELECT a.name FROM actor_alias l JOIN actor a ON a.id = l.actor_id WHERE l.normalized = 'katiba hombori nord'`)).toEqual([{ name: "JNIM" }]);
    const audits = await query<{ target_id: string }>(`SELECT target_id FROM audit_event WHERE action = 'incident.actors' ORDER BY target_id::int`);
    expect(audits.map((row) => Number(row.target_id))).toEqual(hombori);
    expect(await rollupDifferences()).toEqual([]);
  });

  it("makes a name an actor of its own with its inter code", async () => {
    const { id } = await queued("Brigade de Tessit");
    const response = await resolve(id, { name: "Tessit Brigade (ISSP)", interCode: 3 }, withToken(analyst.token));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentsChanged: 1, actor: { status: "resolved" } });
    expect(await query(`SELECT name, type FROM actor WHERE name = 'Tessit Brigade (ISSP)'`)).toEqual([{ name: "Tessit Brigade (ISSP)", type: 3 }]);
    const [row] = await actorNamesOf(tessit);
    expect(row!.actor_names.split("; ").sort()).toEqual(["Military Forces of Mali", "Tessit Brigade (ISSP)"]);
    expect(await rollupDifferences()).toEqual([]);
  });

  it("later ingests use the decisions and do not queue the names again", async () => {
    const [later] = await storeIncidents([withGroup("Katiba Hombori Nord", "2025-03-01"), withGroup("Brigade de Tessit", "2025-03-02")]);
    const [row] = await actorNamesOf([later!]);
    expect(row!.actor_names.split("; ").sort()).toEqual(["JNIM", "Military Forces of Mali"]);
    const names = await query<{ actor_names: string }>(`SELECT actor_names FROM incident WHERE event_date = '2025-03-02'`);
    expect(names[0]!.actor_names.split("; ").sort()).toEqual(["Military Forces of Mali", "Tessit Brigade (ISSP)"]);
    expect(await query(`SELECT name, incident_count, status::text FROM actor_name ORDER BY name`)).toEqual([
      { name: "Brigade de Tessit", incident_count: 1, status: "resolved" },
      { name: "Katiba Hombori Nord", incident_count: 3, status: "alias" },
    ]);
  });
});
