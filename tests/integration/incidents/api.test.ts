/** The incidents JSON API and CSV route handlers, called directly with real sessions and tokens. */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listIncidents } from "@/app/api/incidents/route";
import { GET as exportIncidents } from "@/app/api/incidents/export/route";
import { GET as getIncident, PATCH as patchIncident } from "@/app/api/incidents/[id]/route";
import { GET as getFilterOptions } from "@/app/api/incidents/filter-options/route";
import { signedInUser, withToken, type Caller } from "../session";
import { ids, seedFixtures } from "./fixtures";

let viewer: Caller;
let analyst: Caller;
beforeAll(async () => {
  await seedFixtures();
  viewer = await signedInUser("viewer");
  analyst = await signedInUser("analyst");
});

const url = (path: string) => `http://localhost:3000${path}`;
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

describe("GET /api/incidents", () => {
  it("returns rows, total, page and pageSize for the filter", async () => {
    const response = await listIncidents(new Request(url("/api/incidents?admin1=Kayes&pageSize=1"), withToken(viewer.token)));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 2, totalIsEstimate: false, page: 1, pageSize: 1 });
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ id: ids.diboli, admin1: "Kayes" });
  });

  it.each([
    ["minFatalities=many", "minFatalities"],
    ["from=2024-02-30", "from"],
    ["status=maybe", "status"],
    ["sort=-password", "sort"],
    ["pageSize=100000", "pageSize"],
    ["regoin=Kayes", "regoin"],
    ["from=2025-01-01&to=2024-01-01", "from"],
  ])("answers 400 naming the parameter for ?%s", async (query, parameter) => {
    const response = await listIncidents(new Request(url(`/api/incidents?${query}`), withToken(viewer.token)));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("bad_request");
    expect(body.message).toContain(`${parameter}:`);
  });

  it("refuses anonymous callers", async () => {
    expect((await listIncidents(new Request(url("/api/incidents")))).status).toBe(401);
  });
});

describe("GET /api/incidents/filter-options", () => {
  it("lists the places of the gazetteer down to localities and the actors with their aliases, cacheable by the browser only", async () => {
    const response = await getFilterOptions(new Request(url("/api/incidents/filter-options"), withToken(viewer.token)));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const body = await response.json();
    expect(body.countries).toEqual(expect.arrayContaining(["Mali", "Senegal", "Mauritania", "Burkina Faso", "Niger"]));
    expect(body.admin1).toContainEqual({ name: "Kayes", country: "Mali", reform: false });
    expect(body.admin1).toContainEqual({ name: "Nioro", country: "Mali", reform: true });
    expect(body.locations).toContainEqual(expect.objectContaining({ name: "Kidira", country: "Senegal", admin1: "Tambacounda" }));
    expect(body.locations).toContainEqual(expect.objectContaining({ name: "Diboli", country: "Mali", admin1: "Kayes" }));
    // A place known without its district hangs straight under its region: that is its admin1, not a district.
    expect(body.locations).toContainEqual({ name: "Fachi", country: "Niger", admin1: "Agadez", admin2: null });
    expect(body.admin2).toContainEqual(expect.objectContaining({ name: "Nioro du Sahel", country: "Mali", admin1: "Kayes" }));
    const jnim = body.actors.find((actor: { name: string }) => actor.name === "JNIM");
    expect(jnim.aliases).toEqual(expect.arrayContaining(["GSIM"]));
  });

  it("refuses anonymous callers", async () => {
    expect((await getFilterOptions(new Request(url("/api/incidents/filter-options")))).status).toBe(401);
  });
});

describe("PATCH /api/incidents/:id", () => {
  const patch = (caller: Caller, id: number, body: unknown) =>
    patchIncident(new Request(url(`/api/incidents/${id}`), withToken(caller.token, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })), params(id));

  it("saves with the current version and answers 409 to a stale one, writing nothing", async () => {
    const current = await (await getIncident(new Request(url(`/api/incidents/${ids.kidira}`), withToken(viewer.token)), params(ids.kidira))).json();
    const first = await patch(analyst, ids.kidira, { version: current.version, fatalities: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ fatalities: 1, version: current.version + 1 });
    const second = await patch(analyst, ids.kidira, { version: current.version, fatalities: 99 });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: "conflict" });
    const after = await (await getIncident(new Request(url(`/api/incidents/${ids.kidira}`), withToken(viewer.token)), params(ids.kidira))).json();
    expect(after).toMatchObject({ fatalities: 1, version: current.version + 1 });
    expect(after.history[0]).toMatchObject({ action: "incident.update" });
  });

  it("is for analysts: a viewer gets 403", async () => {
    expect((await patch(viewer, ids.kidira, { version: 1, fatalities: 2 })).status).toBe(403);
  });

  it("answers 400 to a bad body and 404 to an unknown incident", async () => {
    expect((await patch(analyst, ids.kidira, { version: 1, fatalities: -3 })).status).toBe(400);
    expect((await patch(analyst, ids.kidira, { version: 1, color: "red" })).status).toBe(400);
    expect((await patch(analyst, 999_999, { version: 1, fatalities: 2 })).status).toBe(404);
    expect((await getIncident(new Request(url("/api/incidents/abc"), withToken(viewer.token)), params("abc"))).status).toBe(400);
  });
});

describe("GET /api/incidents/export", () => {
  it("streams a CSV attachment named with the date", async () => {
    const response = await exportIncidents(new Request(url("/api/incidents/export?admin1=Kayes&columns=id,location&bom=1&delimiter=;"), withToken(viewer.token)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="vigie-incidents-\d{4}-\d{2}-\d{2}\.csv"$/);
    // Read bytes: Response.text() would silently drop the byte-order mark under test.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString("utf8")).toBe(`\uFEFFid;location\r\n${ids.diboli};Diboli\r\n${ids.sandare};Sandaré\r\n`);
  });

  it("answers 400 to a bad option", async () => {
    const response = await exportIncidents(new Request(url("/api/incidents/export?columns=secret"), withToken(viewer.token)));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/columns/);
  });
});
