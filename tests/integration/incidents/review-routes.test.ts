/**
 * The review routes, called as the app calls them (route handlers, a real session): setting an incident's
 * status (`POST /api/incidents/:id/status`), merging (`POST /api/incidents/:id/merge`) and undoing a merge
 * (`DELETE /api/incidents/merges/:mergeId`). Each success changes the database as stated; each refusal is
 * a 4xx naming what is wrong and changes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as mergeRoute } from "@/app/api/incidents/[id]/merge/route";
import { POST as statusRoute } from "@/app/api/incidents/[id]/status/route";
import { DELETE as unmergeRoute } from "@/app/api/incidents/merges/[mergeId]/route";
import { query } from "../db";
import { signedInUser, withCookie, type Caller } from "../session";
import { ids, reseedFixtureIncidents, seedFixtures } from "./fixtures";

let analyst: Caller;
let viewer: Caller;
beforeAll(() => seedFixtures());
beforeEach(async () => {
  await reseedFixtureIncidents();
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

function setStatus(id: number | string, body: unknown, caller = analyst) {
  const request = new Request(`http://localhost:3000/api/incidents/${id}/status`, withCookie(caller.cookie, json(body)));
  return statusRoute(request, { params: Promise.resolve({ id: String(id) }) });
}

function merge(targetId: number | string, body: unknown, caller = analyst) {
  const request = new Request(`http://localhost:3000/api/incidents/${targetId}/merge`, withCookie(caller.cookie, json(body)));
  return mergeRoute(request, { params: Promise.resolve({ id: String(targetId) }) });
}

function unmerge(mergeId: number | string, caller = analyst) {
  const request = new Request(`http://localhost:3000/api/incidents/merges/${mergeId}`, withCookie(caller.cookie, { method: "DELETE" }));
  return unmergeRoute(request, { params: Promise.resolve({ mergeId: String(mergeId) }) });
}

async function incident(id: number) {
  const [row] = await query<{ status: string; version: number; merged_into_id: number | null; actor_names: string }>(
    `SELECT status::text, version, merged_into_id, actor_names FROM incident WHERE id = $1`,
    [id],
  );
  return row!;
}

/** Everything a merge may move, per incident. */
async function snapshot(id: number) {
  const [row] = await query(`SELECT id, merged_into_id, actor_names FROM incident WHERE id = $1`, [id]);
  const actors = await query(`SELECT actor_id, role::text FROM incident_actor WHERE incident_id = $1 ORDER BY actor_id, role`, [id]);
  const sources = await query(`SELECT source_id, fatalities FROM incident_source WHERE incident_id = $1 ORDER BY source_id`, [id]);
  const evidence = await query(`SELECT id FROM evidence WHERE incident_id = $1 ORDER BY id`, [id]);
  return { row, actors, sources, evidence };
}

const audits = (action: string) => query<{ target_id: string; user_email: string }>(`SELECT target_id, user_email FROM audit_event WHERE action = $1 ORDER BY id`, [action]);

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { message: string };
  expect(body.message).toMatch(message);
}

describe("POST /api/incidents/:id/status", () => {
  it("verifies an incident at the version the analyst saw: the row, its version and the audit trail change", async () => {
    const response = await setStatus(ids.djibo, { status: "verified", version: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: ids.djibo, status: "verified", version: 2 });
    expect(await incident(ids.djibo)).toMatchObject({ status: "verified", version: 2 });
    expect(await audits("incident.status")).toEqual([{ target_id: String(ids.djibo), user_email: analyst.user.email }]);

    // Without a version the change applies to whatever is current.
    expect((await setStatus(ids.djibo, { status: "rejected" })).status).toBe(200);
    expect(await incident(ids.djibo)).toMatchObject({ status: "rejected", version: 3 });
  });

  it("answers 409 on a stale version and leaves the incident as it was", async () => {
    expect((await setStatus(ids.djibo, { status: "verified", version: 1 })).status).toBe(200);
    await expectError(await setStatus(ids.djibo, { status: "rejected", version: 1 }), 409, /changed by someone else/);
    expect(await incident(ids.djibo)).toMatchObject({ status: "verified", version: 2 });
    expect(await audits("incident.status")).toHaveLength(1);
  });

  it("answers 400 naming the field of a bad body, and changes nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ status: "approved" }, /^status: /],
      [{}, /^status: /],
      [{ status: "verified", version: "1" }, /^version: /],
      [{ status: "verified", version: 0 }, /^version: /],
      [[], /expected object/],
    ];
    for (const [body, message] of cases) await expectError(await setStatus(ids.djibo, body), 400, message);
    expect(await incident(ids.djibo)).toMatchObject({ status: "unverified", version: 1 });
  });

  it("answers 400 for a body that is not JSON or an id that is not a number, 404 for an unknown incident, 403 for a viewer", async () => {
    await expectError(await setStatus(ids.djibo, "{status:"), 400, /not valid JSON/);
    await expectError(await setStatus("abc", { status: "verified" }), 400, /^id: /);
    await expectError(await setStatus(999_999, { status: "verified" }), 404, /Incident 999999 does not exist/);
    expect((await setStatus(ids.djibo, { status: "verified" }, viewer)).status).toBe(403);
    expect(await incident(ids.djibo)).toMatchObject({ status: "unverified", version: 1 });
  });
});

describe("POST /api/incidents/:id/merge and DELETE /api/incidents/merges/:mergeId", () => {
  it("merges one incident into another, and undoing the merge restores both exactly", async () => {
    const before = { target: await snapshot(ids.sandare), merged: await snapshot(ids.boni) };

    const response = await merge(ids.sandare, { mergedId: ids.boni });
    expect(response.status).toBe(201);
    const { mergeId } = (await response.json()) as { mergeId: number };
    expect(await incident(ids.boni)).toMatchObject({ merged_into_id: ids.sandare, version: 2 });
    expect(await incident(ids.sandare)).toMatchObject({ merged_into_id: null, version: 2 });
    const merged = { target: await snapshot(ids.sandare), merged: await snapshot(ids.boni) };
    expect(merged.target.sources).toEqual(before.merged.sources);
    expect(merged.target.evidence).toEqual(before.merged.evidence);
    expect(merged.merged.sources).toEqual([]);
    expect(await query(`SELECT target_id, merged_id, undone_at FROM incident_merge WHERE id = $1`, [mergeId])).toEqual([
      { target_id: ids.sandare, merged_id: ids.boni, undone_at: null },
    ]);

    const undo = await unmerge(mergeId);
    expect(undo.status).toBe(200);
    expect(await undo.json()).toEqual({ targetId: ids.sandare, mergedId: ids.boni });
    expect({ target: await snapshot(ids.sandare), merged: await snapshot(ids.boni) }).toEqual(before);
    const [record] = await query<{ undone_at: Date | null }>(`SELECT undone_at FROM incident_merge WHERE id = $1`, [mergeId]);
    expect(record!.undone_at).toBeInstanceOf(Date);
    expect(await audits("incident.merge")).toEqual([{ target_id: String(ids.sandare), user_email: analyst.user.email }]);
    expect(await audits("incident.unmerge")).toEqual([{ target_id: String(ids.sandare), user_email: analyst.user.email }]);

    // Undone once is undone: a second undo is a conflict that changes nothing.
    await expectError(await unmerge(mergeId), 409, new RegExp(`Merge ${mergeId} was already undone`));
    expect({ target: await snapshot(ids.sandare), merged: await snapshot(ids.boni) }).toEqual(before);
  });

  it("answers 409 when either incident is already merged, and 400 for a merge into itself", async () => {
    expect((await merge(ids.sandare, { mergedId: ids.boni })).status).toBe(201);
    const before = { djibo: await snapshot(ids.djibo), boni: await snapshot(ids.boni) };
    await expectError(await merge(ids.djibo, { mergedId: ids.boni }), 409, new RegExp(`Incident ${ids.boni} is already merged into incident ${ids.sandare}`));
    await expectError(await merge(ids.boni, { mergedId: ids.djibo }), 409, new RegExp(`Incident ${ids.boni} is itself merged into incident ${ids.sandare}`));
    await expectError(await merge(ids.djibo, { mergedId: ids.djibo }), 400, /cannot be merged into itself/);
    expect({ djibo: await snapshot(ids.djibo), boni: await snapshot(ids.boni) }).toEqual(before);
    expect(await query(`SELECT id FROM incident_merge`)).toHaveLength(1);
  });

  it("refuses to undo a merge whose target was merged since, and undoing both in reverse order restores all three", async () => {
    const before = [await snapshot(ids.sandare), await snapshot(ids.boni), await snapshot(ids.diboli)];
    const first = ((await (await merge(ids.sandare, { mergedId: ids.boni })).json()) as { mergeId: number }).mergeId;
    const second = ((await (await merge(ids.diboli, { mergedId: ids.sandare })).json()) as { mergeId: number }).mergeId;
    const chained = [await snapshot(ids.sandare), await snapshot(ids.boni), await snapshot(ids.diboli)];

    // Boni's links now sit on Diboli: undoing the first merge alone would bring Boni back without them.
    await expectError(await unmerge(first), 409, new RegExp(`merge ${second} first`));
    expect([await snapshot(ids.sandare), await snapshot(ids.boni), await snapshot(ids.diboli)]).toEqual(chained);

    expect((await unmerge(second)).status).toBe(200);
    expect((await unmerge(first)).status).toBe(200);
    expect([await snapshot(ids.sandare), await snapshot(ids.boni), await snapshot(ids.diboli)]).toEqual(before);
  });

  it("answers 400 naming mergedId when it is missing or not a positive whole number, and merges nothing", async () => {
    for (const body of [{}, { mergedId: "2" }, { mergedId: -1 }, { mergedId: 1.5 }, { mergedId: null }]) {
      await expectError(await merge(ids.sandare, body), 400, /^mergedId: /);
    }
    expect(await query(`SELECT id FROM incident_merge`)).toEqual([]);
    expect(await incident(ids.boni)).toMatchObject({ merged_into_id: null, version: 1 });
  });

  it("answers 404 for unknown incidents and merges, 400 for ids that are not numbers, 403 for a viewer", async () => {
    await expectError(await merge(ids.sandare, { mergedId: 999_999 }), 404, /Incident 999999 does not exist/);
    await expectError(await merge(999_999, { mergedId: ids.boni }), 404, /Incident 999999 does not exist/);
    await expectError(await merge("x", { mergedId: ids.boni }), 400, /^id: /);
    await expectError(await unmerge(999_999), 404, /Merge 999999 does not exist/);
    await expectError(await unmerge("x"), 400, /^mergeId: /);
    expect((await merge(ids.sandare, { mergedId: ids.boni }, viewer)).status).toBe(403);
    expect(await incident(ids.boni)).toMatchObject({ merged_into_id: null, version: 1 });
    const { mergeId } = (await (await merge(ids.sandare, { mergedId: ids.boni })).json()) as { mergeId: number };
    expect((await unmerge(mergeId, viewer)).status).toBe(403);
    expect(await incident(ids.boni)).toMatchObject({ merged_into_id: ids.sandare });
  });
});
