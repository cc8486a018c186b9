/**
 * Places that learn, against PostgreSQL: unplaced names fill the queue on ingest, each kind of resolve
 * re-geocodes every incident of the name in one transaction (new versions, audit rows, exact rollups), a
 * viewer cannot move anything, and later ingests use what was learned.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listPlaces } from "@/app/api/places/route";
import { POST as resolvePlace } from "@/app/api/places/[id]/resolve/route";
import { lookupPlace } from "@/lib/ingest/gazetteer";
import { updateIncident } from "@/lib/incidents/edits";
import { invalidateLearnedGazetteer, refreshLearnedGazetteer } from "@/lib/places/learned";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, withToken, type Caller } from "../session";
import { placeNameId, rollupDifferences, seedReference, storeIncidents, unplacedIncident } from "./fixtures";

let analyst: Caller;
let viewer: Caller;

beforeAll(async () => {
  await resetDatabase();
  await seedReference();
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

function resolve(id: number, body: unknown, init: RequestInit): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/places/${id}/resolve`, {
    ...init,
    method: "POST",
    headers: { ...(init.headers as Record<string, string>), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return resolvePlace(request, { params: Promise.resolve({ id: String(id) }) });
}

async function list(search: string, init: RequestInit = withCookie(analyst.cookie)) {
  const response = await listPlaces(new Request(`http://localhost:3000/api/places?${search}`, init));
  return { status: response.status, body: await response.json() };
}

async function incidents(ids: number[]) {
  return query<{ id: number; location: string | null; latitude: number | null; longitude: number | null; admin1: string | null; admin2: string | null; geo_precision: number; version: number }>(
    `SELECT id, location, latitude, longitude, admin1, admin2, geo_precision, version FROM incident WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
}

describe("the queue on ingest", () => {
  it("queues an unplaced name once per country, counting its incidents, with its spellings, region hints and a few examples", async () => {
    await storeIncidents([unplacedIncident("Kouranibougou"), unplacedIncident("Kouranibougou")]);
    await storeIncidents([unplacedIncident("KOURANIBOUGOU"), unplacedIncident("Kouranibougou"), unplacedIncident("Kouranibougou", { country: "Burkina Faso", admin1: "Sahel", admin2: null })]);
    await storeIncidents([unplacedIncident("Boni", { latitude: 15.0, longitude: -2.2, geoPrecision: 1 })]);

    const rows = await query<{ name: string; country: string; incident_count: number; spellings: string[]; examples: string[]; admin1: string; admin2: string | null; status: string }>(
      `SELECT name, country, incident_count, spellings, examples, admin1, admin2, status::text FROM place_name ORDER BY country, name`,
    );
    expect(rows.map((row) => [row.name, row.country, row.incident_count])).toEqual([
      ["Kouranibougou", "Burkina Faso", 1],
      ["Kouranibougou", "Mali", 4],
    ]);
    const mali = rows[1]!;
    expect(mali.spellings.sort()).toEqual(["KOURANIBOUGOU", "Kouranibougou"]);
    expect(mali.examples).toHaveLength(3);
    expect(mali.examples[0]).toContain("village de Kouranibougou");
    expect([mali.admin1, mali.admin2, mali.status]).toEqual(["Mopti", "Bandiagara", "pending"]);
  });

  it("does not count a second report of an incident already stored (attached, not a new incident)", async () => {
    const first = unplacedIncident("Sokoura-Dinga");
    await storeIncidents([first]);
    await storeIncidents([{ ...first, summary: `${first.summary} Un autre journal.` }]);
    const [row] = await query<{ incident_count: number }>(`SELECT incident_count FROM place_name WHERE name = 'Sokoura-Dinga'`);
    expect(row!.incident_count).toBe(1);
  });
});

describe("GET /api/places", () => {
  it("lists pending names by incident count with candidates from the gazetteer of their country, near the hinted area first", async () => {
    await storeIncidents([unplacedIncident("Bonni", { admin1: "Mopti", admin2: "Douentza" }), unplacedIncident("Bonni", { admin1: "Mopti", admin2: "Douentza" })]);
    const { status, body } = await list("status=pending&country=Mali");
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.rows.map((row: { name: string }) => row.name)).toEqual(["Kouranibougou", "Bonni", "Sokoura-Dinga"]);
    const bonni = body.rows[1];
    expect(Object.keys(bonni)).toEqual(expect.arrayContaining(["id", "name", "country", "admin1", "admin2", "incidentCount", "candidates"]));
    expect(bonni.candidates[0]).toMatchObject({ source: "gazetteer", name: "Boni", admin1: "Mopti" });
    expect(bonni.candidates[0].placeId).toEqual(expect.any(Number));
    expect(bonni.candidates.every((candidate: { score: number }, index: number, all: { score: number }[]) => index === 0 || all[index - 1]!.score >= candidate.score)).toBe(true);
    expect((await list("q=sokoura")).body.rows.map((row: { name: string }) => row.name)).toEqual(["Sokoura-Dinga"]);
  });

  it("answers 400 naming the parameter for a bad status", async () => {
    const { status, body } = await list("status=maybe");
    expect(status).toBe(400);
    expect(body.message).toMatch(/^status:/);
  });

  it("lets a viewer read the queue", async () => {
    expect((await list("", withToken(viewer.token))).status).toBe(200);
  });
});

describe("POST /api/places/:id/resolve", () => {
  it("refuses a viewer with 403 and moves nothing", async () => {
    const id = await placeNameId("Kouranibougou");
    const before = await query(`SELECT id, latitude, longitude, version FROM incident ORDER BY id`);
    for (const init of [withCookie(viewer.cookie), withToken(viewer.token)]) {
      const response = await resolve(id, { latitude: 14.5, longitude: -3.5, admin1: "Mopti", admin2: "Bandiagara" }, init);
      expect(response.status).toBe(403);
    }
    expect(await query(`SELECT id, latitude, longitude, version FROM incident ORDER BY id`)).toEqual(before);
    expect((await query<{ status: string }>(`SELECT status::text FROM place_name WHERE id = $1`, [id]))[0]!.status).toBe("pending");
  });

  it("answers 400 naming the field on bad input, and changes nothing", async () => {
    const id = await placeNameId("Kouranibougou");
    const cases: [unknown, RegExp][] = [
      [{ latitude: "north", longitude: -3.5, admin1: "Mopti" }, /^latitude:/],
      [{ latitude: 95, longitude: -3.5, admin1: "Mopti" }, /^latitude:/],
      [{ latitude: 14.5, longitude: -3.5 }, /^admin1:/],
      [{ latitude: 14.5, longitude: -3.5, admin1: "Atlantis" }, /^admin1:/],
      [{ placeId: "Boni" }, /^placeId:/],
      [{ placeId: 99_999_999 }, /^placeId:/],
      [{ reject: "yes" }, /^reject:/],
      [{ latitude: 14.5, longitude: -3.5, admin1: "Mopti", extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const response = await resolve(id, body, withCookie(analyst.cookie));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message, JSON.stringify(body)).toMatch(message);
    }
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'place_name%' OR action = 'incident.place'`))[0]!.n).toBe(0);
  });

  it("places by coordinates: every incident of the name moves in one go, with a new version and an audit row each; rollups stay exact", async () => {
    const id = await placeNameId("Kouranibougou");
    const ids = (await query<{ id: number }>(`SELECT id FROM incident WHERE country = 'Mali' AND location IN ('Kouranibougou', 'KOURANIBOUGOU') ORDER BY id`)).map((row) => row.id);
    expect(ids).toHaveLength(4);
    const before = await incidents(ids);
    const burkina = await query(`SELECT latitude, longitude, version FROM incident WHERE country = 'Burkina Faso'`);

    const response = await resolve(id, { latitude: 14.61, longitude: -3.42, admin1: "mopti", admin2: "Bandiagara" }, withCookie(analyst.cookie));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.incidentsChanged).toBe(4);
    expect(body.place).toMatchObject({ id, name: "Kouranibougou", status: "resolved", incidentCount: 4 });

    const after = await incidents(ids);
    for (const [index, row] of after.entries()) {
      expect(row).toMatchObject({ location: "Kouranibougou", latitude: 14.61, longitude: -3.42, admin1: "Mopti", admin2: "Bandiagara", geo_precision: 1 });
      expect(row.version).toBe(before[index]!.version + 1);
    }
    const audits = await query<{ target_id: string; user_id: number; details: { changes: { latitude: { from: number | null; to: number } } } }>(
      `SELECT target_id, user_id, details FROM audit_event WHERE action = 'incident.place' ORDER BY target_id::int`,
    );
    expect(audits.map((audit) => Number(audit.target_id))).toEqual(ids);
    expect(audits.every((audit) => audit.user_id === analyst.user.id && audit.details.changes.latitude.to === 14.61)).toBe(true);
    expect(await query(`SELECT action, target_id FROM audit_event WHERE action = 'place_name.resolve'`)).toEqual([{ action: "place_name.resolve", target_id: String(id) }]);
    // The namesake in Burkina Faso is another place: untouched.
    expect(await query(`SELECT latitude, longitude, version FROM incident WHERE country = 'Burkina Faso'`)).toEqual(burkina);
    expect(await rollupDifferences()).toEqual([]);

    const [learned] = await query(`SELECT name, country, admin1, admin2, latitude, longitude, source FROM learned_place`);
    expect(learned).toEqual({ name: "Kouranibougou", country: "Mali", admin1: "Mopti", admin2: "Bandiagara", latitude: 14.61, longitude: -3.42, source: "analyst" });
  });

  it("gives an edit form opened before the resolve the usual conflict", async () => {
    const [row] = await query<{ id: number; version: number }>(`SELECT id, version FROM incident WHERE location = 'Kouranibougou' AND country = 'Mali' LIMIT 1`);
    await expect(updateIncident(row!.id, row!.version - 1, { fatalities: 9 }, analyst.user)).rejects.toMatchObject({ code: "conflict" });
  });

  it("marks a name as an alias of a known place: its incidents take that place's name, position and areas", async () => {
    const id = await placeNameId("Bonni");
    const [boni] = await query<{ id: number; latitude: number; longitude: number }>(`SELECT id, latitude, longitude FROM place WHERE name = 'Boni' AND kind = 'locality' AND country_code = 'ML'`);
    const ids = (await query<{ id: number }>(`SELECT id FROM incident WHERE location = 'Bonni'`)).map((row) => row.id);
    const response = await resolve(id, { placeId: boni!.id }, withToken(analyst.token));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentsChanged: 2, place: { status: "alias" } });
    const rows = await incidents(ids);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ location: "Boni", latitude: boni!.latitude, longitude: boni!.longitude, admin1: "Mopti", geo_precision: 1 });
    expect(await query(`SELECT name, place_id, source FROM learned_place WHERE place_id IS NOT NULL`)).toEqual([{ name: "Bonni", place_id: boni!.id, source: "alias" }]);
    // Resolving the name again only concerns its own spellings, never the incidents that were at Boni all along.
    const atBoni = await query(`SELECT id, latitude, version FROM incident WHERE location = 'Boni' AND NOT (id = ANY($1::int[])) ORDER BY id`, [ids]);
    expect(atBoni).toHaveLength(1);
    expect(await (await resolve(id, { placeId: boni!.id }, withToken(analyst.token))).json()).toMatchObject({ incidentsChanged: 0 });
    expect(await query(`SELECT id, latitude, version FROM incident WHERE location = 'Boni' AND NOT (id = ANY($1::int[])) ORDER BY id`, [ids])).toEqual(atBoni);
    expect(await rollupDifferences()).toEqual([]);
  });

  it("rejects a name as not a place: its incidents lose it and sit at the centre of their district", async () => {
    const id = await placeNameId("Sokoura-Dinga");
    const ids = (await query<{ id: number }>(`SELECT id FROM incident WHERE location = 'Sokoura-Dinga'`)).map((row) => row.id);
    const response = await resolve(id, { reject: true }, withCookie(analyst.cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentsChanged: 1, place: { status: "rejected" } });
    const [district] = await query<{ latitude: number; longitude: number }>(`SELECT latitude, longitude FROM place WHERE kind = 'admin2' AND name = 'Bandiagara' AND country_code = 'ML'`);
    const [row] = await incidents(ids);
    expect(row).toMatchObject({ location: null, latitude: district!.latitude, longitude: district!.longitude, admin2: "Bandiagara", geo_precision: 2 });
    expect(await rollupDifferences()).toEqual([]);
  });

  it("answers 404 for a name that does not exist", async () => {
    expect((await resolve(987_654, { reject: true }, withCookie(analyst.cookie))).status).toBe(404);
  });
});

describe("what was learned is used", () => {
  it("the extractor's gazetteer knows a placed name after a refresh", async () => {
    invalidateLearnedGazetteer();
    await refreshLearnedGazetteer();
    const [found] = lookupPlace("kouranibougou");
    expect(found).toMatchObject({ name: "Kouranibougou", origin: "learned", country: "Mali", latitude: 14.61, longitude: -3.42 });
  });

  it("the extractor places a later article's mention of the name itself", async () => {
    const { prepareIngest } = await import("@/lib/ingest/ingest");
    const prepared = prepareIngest({ text: "Le 3 mars 2025, des hommes armés ont attaqué le village de Kouranibougou, dans la région de Mopti, tuant deux civils.", publishedAt: "2025-03-04" });
    expect(prepared.extraction.incidents[0]).toMatchObject({ location: "Kouranibougou", latitude: 14.61, longitude: -3.42, geoPrecision: 1, admin1: "Mopti" });
  });

  it("a later unplaced incident with a placed name is stored placed, and a rejected name is dropped, neither queued again", async () => {
    const [placed, rejected] = await storeIncidents([
      unplacedIncident("Kouranibougou", { eventDate: "2026-01-02" }),
      unplacedIncident("Sokoura-Dinga", { eventDate: "2026-01-03" }),
    ]);
    const rows = await incidents([placed!, rejected!]);
    expect(rows[0]).toMatchObject({ location: "Kouranibougou", latitude: 14.61, longitude: -3.42, geo_precision: 1 });
    expect(rows[1]).toMatchObject({ location: null });
    expect(await query(`SELECT name, incident_count, status::text FROM place_name WHERE country = 'Mali' ORDER BY name`)).toEqual([
      { name: "Bonni", incident_count: 2, status: "alias" },
      { name: "Kouranibougou", incident_count: 4, status: "resolved" },
      { name: "Sokoura-Dinga", incident_count: 1, status: "rejected" },
    ]);
  });
});

describe("corrections teach", () => {
  it("recording an edit's place for its name resolves the name: every incident of it moves, and the queue shows it placed", async () => {
    const { recordPlaceCorrection } = await import("@/lib/places/corrections");
    const ids = [
      ...(await storeIncidents([unplacedIncident("Ségué-Iré", { latitude: 17.5, longitude: -3.9, geoPrecision: 2 })])),
      ...(await storeIncidents([unplacedIncident("Ségué-Iré", { latitude: 17.5, longitude: -3.9, geoPrecision: 2 })])),
    ];
    const result = await recordPlaceCorrection({ name: "Ségué-Iré", country: "Mali", latitude: 14.2, longitude: -3.1, admin1: "Mopti", admin2: "Bankass" }, analyst.user);
    expect(result.incidentsChanged).toBe(2);
    for (const row of await incidents(ids)) expect(row).toMatchObject({ latitude: 14.2, longitude: -3.1, admin2: "Bankass", geo_precision: 1 });
    expect(await query(`SELECT status::text, incident_count FROM place_name WHERE name = 'Ségué-Iré'`)).toEqual([{ status: "resolved", incident_count: 2 }]);
    expect(await query(`SELECT source FROM learned_place WHERE name = 'Ségué-Iré'`)).toEqual([{ source: "correction" }]);
  });

  it("records a name that was never queued (the extractor had placed it wrongly)", async () => {
    const { recordPlaceCorrection } = await import("@/lib/places/corrections");
    const [id] = await storeIncidents([unplacedIncident("Boni", { latitude: 15.0, longitude: -2.2, geoPrecision: 1, eventDate: "2024-11-11" })]);
    expect(await query(`SELECT id FROM place_name WHERE name = 'Boni'`)).toEqual([]);
    await recordPlaceCorrection({ name: "Boni", country: "Mali", latitude: 15.03, longitude: -1.98, admin1: "Mopti", admin2: "Douentza" }, analyst.user);
    const [row] = await incidents([id!]);
    expect(row).toMatchObject({ latitude: 15.03, longitude: -1.98 });
    expect(await query(`SELECT status::text FROM place_name WHERE name = 'Boni'`)).toEqual([{ status: "resolved" }]);
  });

  it("refuses to record a correction without a position and region", async () => {
    const { recordPlaceCorrection } = await import("@/lib/places/corrections");
    await expect(recordPlaceCorrection({ name: "Nowhere", country: "Mali", latitude: null, longitude: 1, admin1: "Mopti", admin2: null }, analyst.user)).rejects.toMatchObject({ code: "bad_request" });
  });
});
