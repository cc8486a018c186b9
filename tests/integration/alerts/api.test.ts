/** The watches and alerts API through its route handlers: validation naming the field, ownership, inbox. */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as ALERTS } from "@/app/api/alerts/route";
import { POST as READ } from "@/app/api/alerts/read/route";
import { DELETE, GET as GET_ONE, PATCH } from "@/app/api/watches/[id]/route";
import { GET as LIST, POST as CREATE } from "@/app/api/watches/route";
import { evaluatePending } from "@/lib/alerts/evaluate";
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase } from "../db";
import { signedInUser, withToken, type Caller } from "../session";
import { ingest, KAYES_JNIM, MOPTI, resetAlerts } from "./helpers";

let analyst: Caller;
let other: Caller;
let viewer: Caller;
let admin: Caller;

const json = (caller: Caller, method: string, body: unknown) =>
  withToken(caller.token, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const create = (caller: Caller, body: unknown) => CREATE(new Request("http://localhost/api/watches", json(caller, "POST", body)));
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const patch = (caller: Caller, id: number, body: unknown) => PATCH(new Request(`http://localhost/api/watches/${id}`, json(caller, "PATCH", body)), params(id));

beforeAll(async () => {
  await resetDatabase();
  await loadReferenceData();
  [analyst, other, viewer, admin] = [await signedInUser("analyst"), await signedInUser("analyst"), await signedInUser("viewer"), await signedInUser("admin")];
});

beforeEach(async () => {
  await resetAlerts();
  await query(`TRUNCATE source, incident, incident_source, evidence, incident_actor RESTART IDENTITY CASCADE`);
});

describe("POST /api/watches", () => {
  it("creates a watch from the incidents URL filter, in its canonical form", async () => {
    const response = await create(viewer, { name: "JNIM in Kayes", query: "?actor=JNIM&admin1=Kayes&page=3&sort=-fatalities" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM", condition: "every", mine: true, canEdit: true, hasWebhookSecret: false });
  });

  it("answers 400 naming the field, and writes nothing", async () => {
    const cases: [unknown, string][] = [
      [{ name: "x", query: "admin1=Kayes&colour=red" }, "query.colour"],
      [{ name: "x", query: "minFatalities=-1" }, "query.minFatalities"],
      [{ name: "", query: "" }, "name"],
      [{ name: "x", query: "", condition: "fatalities" }, "minFatalities"],
      [{ name: "x", query: "", condition: "sometimes" }, "condition"],
      [{ name: "x", query: "", webhookUrl: "ftp://example.org/hook", webhookSecret: "0123456789abcdef" }, "webhookUrl"],
      [{ name: "x", query: "", webhookUrl: "https://example.org/hook" }, "webhookSecret"],
      [{ name: "x", query: "", maxAlertsPerHour: 0 }, "maxAlertsPerHour"],
      [{ name: "x", query: "", owner: 3 }, "owner"],
    ];
    for (const [body, field] of cases) {
      const response = await create(analyst, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(field);
    }
    expect(await query(`SELECT count(*)::int AS n FROM watch`)).toEqual([{ n: 0 }]);
  });

  it("lets only an admin share a watch with the team", async () => {
    expect((await create(analyst, { name: "Team", query: "", shared: true })).status).toBe(403);
    expect((await create(admin, { name: "Team", query: "", shared: true })).status).toBe(201);
  });

  it("refuses anonymous callers", async () => {
    const response = await CREATE(new Request("http://localhost/api/watches", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(response.status).toBe(401);
  });
});

describe("ownership", () => {
  it("users see and change their own watches; shared ones are read-only unless admin; others' private ones do not exist", async () => {
    const mine = (await (await create(analyst, { name: "Mine", query: "admin1=Kayes" })).json()) as { id: number };
    const team = (await (await create(admin, { name: "Team", query: "country=Mali", shared: true })).json()) as { id: number };

    const listed = (await (await LIST(new Request("http://localhost/api/watches", withToken(other.token)))).json()) as { watches: { id: number; canEdit: boolean }[] };
    expect(listed.watches.map((watch) => [watch.id, watch.canEdit])).toEqual([[team.id, false]]);

    expect((await GET_ONE(new Request(`http://localhost/api/watches/${mine.id}`, withToken(other.token)), params(mine.id))).status).toBe(404);
    expect((await patch(other, mine.id, { name: "Stolen" })).status).toBe(404);
    expect((await DELETE(new Request(`http://localhost/api/watches/${mine.id}`, withToken(other.token, { method: "DELETE" })), params(mine.id))).status).toBe(404);
    expect((await patch(other, team.id, { name: "Renamed" })).status).toBe(403);
    expect((await patch(admin, team.id, { name: "Renamed" })).status).toBe(200);

    const changed = await patch(analyst, mine.id, { query: "admin1=Mopti", condition: "fatalities", minFatalities: 5 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ query: "admin1=Mopti", condition: "fatalities", minFatalities: 5 });
    expect((await patch(analyst, mine.id, { condition: "fatalities", minFatalities: null })).status).toBe(400);
    expect((await patch(analyst, mine.id, {})).status).toBe(400);
    expect((await DELETE(new Request(`http://localhost/api/watches/${mine.id}`, withToken(analyst.token, { method: "DELETE" })), params(mine.id))).status).toBe(204);
    expect((await GET_ONE(new Request("http://localhost/api/watches/abc", withToken(analyst.token)), params("abc"))).status).toBe(404);
  });
});

describe("the inbox", () => {
  it("lists unread alerts with their incidents, marks them read, and a shared watch reaches every user", async () => {
    await create(analyst, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM" });
    await create(admin, { name: "Team: Mopti", query: "admin1=Mopti", shared: true });
    const [kayes] = await ingest(KAYES_JNIM);
    const [mopti] = await ingest(MOPTI);
    await evaluatePending();

    const inbox = async (caller: Caller, search = "?unread=1") =>
      (await (await ALERTS(new Request(`http://localhost/api/alerts${search}`, withToken(caller.token)))).json()) as { unread: number; alerts: { id: number; incidentIds: number[]; read: boolean; watchName: string }[] };
    const mine = await inbox(analyst);
    expect(mine.unread).toBe(2);
    expect(mine.alerts.map((alert) => [alert.watchName, alert.incidentIds]).sort()).toEqual([["JNIM in Kayes", [kayes]], ["Team: Mopti", [mopti]]]);
    expect((await inbox(other)).alerts.map((alert) => alert.incidentIds)).toEqual([[mopti]]);

    const read = await READ(new Request("http://localhost/api/alerts/read", json(analyst, "POST", { ids: [mine.alerts[0]!.id] })));
    expect(await read.json()).toEqual({ marked: 1, unread: 1 });
    // Someone else's read does not touch this inbox.
    await READ(new Request("http://localhost/api/alerts/read", json(other, "POST", { all: true })));
    expect((await inbox(analyst)).unread).toBe(1);
    expect((await inbox(analyst, "")).alerts.filter((alert) => alert.read)).toHaveLength(1);

    expect((await READ(new Request("http://localhost/api/alerts/read", json(analyst, "POST", { ids: [] })))).status).toBe(400);
    expect((await ALERTS(new Request("http://localhost/api/alerts?unread=yes", withToken(analyst.token)))).status).toBe(400);
  });
});
