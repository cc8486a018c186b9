/**
 * Saved views through their routes (`GET`/`POST /api/views`, `PATCH`/`DELETE /api/views/:id`), called as
 * the app calls them with real sessions: each user sees their own views and the shared ones, only the owner
 * (or an admin, on a shared view) changes or deletes one, and a bad body is a 400 naming the field.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listViews, POST as createView } from "@/app/api/views/route";
import { DELETE as deleteView, PATCH as patchView } from "@/app/api/views/[id]/route";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, withToken, type Caller } from "../session";

let owner: Caller;
let colleague: Caller;
let admin: Caller;
beforeEach(async () => {
  await resetDatabase();
  owner = await signedInUser("viewer");
  colleague = await signedInUser("analyst");
  admin = await signedInUser("admin");
});

const base = "http://localhost:3000/api/views";
const jsonBody = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const list = (caller: Caller) => listViews(new Request(base, withCookie(caller.cookie)));
const create = (caller: Caller, body: unknown) => createView(new Request(base, withCookie(caller.cookie, jsonBody("POST", body))));
const patch = (caller: Caller, id: number | string, body: unknown) =>
  patchView(new Request(`${base}/${id}`, withCookie(caller.cookie, jsonBody("PATCH", body))), { params: Promise.resolve({ id: String(id) }) });
const remove = (caller: Caller, id: number | string) =>
  deleteView(new Request(`${base}/${id}`, withCookie(caller.cookie, { method: "DELETE" })), { params: Promise.resolve({ id: String(id) }) });

async function createdId(caller: Caller, body: unknown): Promise<number> {
  const response = await create(caller, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

const stored = (id: number) => query(`SELECT name, query, shared, owner_id FROM saved_view WHERE id = $1`, [id]);
const names = async (caller: Caller) => ((await (await list(caller)).json()) as { views: { name: string }[] }).views.map((view) => view.name);

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { message: string }).message).toMatch(message);
}

describe("POST /api/views", () => {
  it("stores the view for its owner, without the page number, and audits it", async () => {
    const response = await create(owner, { name: "  Kayes 2025 ", query: "?admin1=Kayes&from=2025-01-01&page=4" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number };
    expect(body).toMatchObject({ name: "Kayes 2025", query: "admin1=Kayes&from=2025-01-01", shared: false, ownerId: owner.user.id, mine: true });
    expect(await stored(body.id)).toEqual([{ name: "Kayes 2025", query: "admin1=Kayes&from=2025-01-01", shared: false, owner_id: owner.user.id }]);
    expect(await query(`SELECT target_id, user_email FROM audit_event WHERE action = 'view.create'`)).toEqual([
      { target_id: String(body.id), user_email: owner.user.email },
    ]);
  });

  it("answers 400 naming the field of a bad body, and stores nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ query: "admin1=Kayes" }, /^name: /],
      [{ name: "   ", query: "" }, /^name: must not be empty/],
      [{ name: "x".repeat(101), query: "" }, /^name: is too long/],
      [{ name: "Kayes", query: "q=".padEnd(4001, "x") }, /^query: is too long/],
      [{ name: "Kayes", query: 42 }, /^query: /],
      [{ name: "Kayes", query: "", shared: "yes" }, /^shared: /],
      [{ name: "Kayes", query: "", shard: true }, /shard/],
      [null, /expected object/],
    ];
    for (const [body, message] of cases) await expectError(await create(owner, body), 400, message);
    await expectError(await create(owner, "{name:"), 400, /not valid JSON/);
    expect(await query(`SELECT id FROM saved_view`)).toEqual([]);
  });
});

describe("GET /api/views", () => {
  it("lists the caller's own views and the shared ones, own first, never another user's private view", async () => {
    await createdId(owner, { name: "B mine, private", query: "admin1=Kayes" });
    await createdId(colleague, { name: "A team", query: "actor=JNIM", shared: true });
    await createdId(colleague, { name: "C colleague, private", query: "country=Niger" });
    const response = await list(owner);
    expect(response.status).toBe(200);
    const { views } = (await response.json()) as { views: { name: string; mine: boolean }[] };
    expect(views.map((view) => [view.name, view.mine])).toEqual([
      ["B mine, private", true],
      ["A team", false],
    ]);
    // The same answer with the owner's API token.
    expect(await (await listViews(new Request(base, withToken(owner.token)))).json()).toEqual({ views });
  });
});

describe("PATCH /api/views/:id", () => {
  it("lets the owner rename, re-filter and share a view", async () => {
    const id = await createdId(owner, { name: "Kayes", query: "admin1=Kayes" });
    const response = await patch(owner, id, { name: "Kayes and Mopti", query: "admin1=Kayes&admin1=Mopti&page=2", shared: true });
    expect(response.status).toBe(204);
    expect(await stored(id)).toEqual([{ name: "Kayes and Mopti", query: "admin1=Kayes&admin1=Mopti", shared: true, owner_id: owner.user.id }]);
    expect(await names(colleague)).toEqual(["Kayes and Mopti"]);
  });

  it("refuses another user's PATCH on a shared view with 403, and on a private one with 404, changing nothing", async () => {
    const shared = await createdId(owner, { name: "Team view", query: "actor=JNIM", shared: true });
    const mine = await createdId(owner, { name: "Private", query: "admin1=Kayes" });
    await expectError(await patch(colleague, shared, { name: "Hijacked" }), 403, /Only the owner/);
    await expectError(await patch(colleague, mine, { shared: true }), 404, new RegExp(`Saved view ${mine} does not exist`));
    expect(await stored(shared)).toEqual([{ name: "Team view", query: "actor=JNIM", shared: true, owner_id: owner.user.id }]);
    expect(await stored(mine)).toEqual([{ name: "Private", query: "admin1=Kayes", shared: false, owner_id: owner.user.id }]);
    // An admin may tidy up a shared view.
    expect((await patch(admin, shared, { name: "Team view (JNIM)" })).status).toBe(204);
    expect(await stored(shared)).toMatchObject([{ name: "Team view (JNIM)", owner_id: owner.user.id }]);
  });

  it("answers 400 naming the field of a bad body or id, and changes nothing", async () => {
    const id = await createdId(owner, { name: "Kayes", query: "admin1=Kayes" });
    const cases: [unknown, RegExp][] = [
      [{ name: "" }, /^name: must not be empty/],
      [{ shared: 1 }, /^shared: /],
      [{ query: null }, /^query: /],
      [{ owner: 5 }, /owner/],
    ];
    for (const [body, message] of cases) await expectError(await patch(owner, id, body), 400, message);
    await expectError(await patch(owner, "abc", { name: "x" }), 400, /^id: /);
    await expectError(await patch(owner, 999_999, { name: "x" }), 404, /Saved view 999999 does not exist/);
    expect(await stored(id)).toEqual([{ name: "Kayes", query: "admin1=Kayes", shared: false, owner_id: owner.user.id }]);
  });
});

describe("DELETE /api/views/:id", () => {
  it("lets the owner delete a view; another user gets 403 on a shared view and 404 on a private one", async () => {
    const shared = await createdId(owner, { name: "Team view", query: "actor=JNIM", shared: true });
    const mine = await createdId(owner, { name: "Private", query: "admin1=Kayes" });
    await expectError(await remove(colleague, shared), 403, /Only the owner/);
    await expectError(await remove(colleague, mine), 404, /does not exist/);
    expect(await query(`SELECT id FROM saved_view ORDER BY id`)).toEqual([{ id: shared }, { id: mine }]);

    expect((await remove(owner, mine)).status).toBe(204);
    expect(await stored(mine)).toEqual([]);
    await expectError(await remove(owner, mine), 404, /does not exist/);
    expect((await remove(admin, shared)).status).toBe(204);
    expect(await query(`SELECT id FROM saved_view`)).toEqual([]);
    expect(await query(`SELECT target_id, user_email FROM audit_event WHERE action = 'view.delete' ORDER BY id`)).toEqual([
      { target_id: String(mine), user_email: owner.user.email },
      { target_id: String(shared), user_email: admin.user.email },
    ]);
  });
});
