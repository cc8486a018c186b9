/**
 * One calendar check for every date a user can send: an impossible day (2025-02-31) is a 400 naming the
 * field wherever it comes in, and nothing is stored or rolled over to another day.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listIncidents } from "@/app/api/incidents/route";
import { GET as exportIncidents } from "@/app/api/incidents/export/route";
import { PATCH as patchIncident } from "@/app/api/incidents/[id]/route";
import { POST as postSource } from "@/app/api/sources/route";
import { signedInUser, withToken, type Caller } from "../session";
import { query } from "../db";
import { ids, seedFixtures } from "./fixtures";

let analyst: Caller;
beforeAll(async () => {
  await seedFixtures();
  analyst = await signedInUser("analyst");
});

const url = (path: string) => `http://localhost:3000${path}`;
const json = (body: unknown) => withToken(analyst.token, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("impossible calendar dates", () => {
  it.each([
    ["eventDate", "2025-02-31"],
    ["eventDate", "2025-04-31"],
    ["eventDate", "2023-02-29"],
    ["endDate", "2025-13-01"],
  ])("PATCH /api/incidents/:id refuses %s=%s with a 400 naming the field and changes nothing", async (field, value) => {
    const [before] = await query<{ event_date: string; end_date: string | null; version: number }>(
      `SELECT event_date::text, end_date::text, version FROM incident WHERE id = $1`, [ids.boni]);
    const response = await patchIncident(
      new Request(url(`/api/incidents/${ids.boni}`), json({ version: before!.version, [field]: value })),
      { params: Promise.resolve({ id: String(ids.boni) }) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(new RegExp(`${field}.*(real calendar date|YYYY-MM-DD)`));
    const [after] = await query(`SELECT event_date::text, end_date::text, version FROM incident WHERE id = $1`, [ids.boni]);
    expect(after).toEqual(before);
  });

  it("accepts a real leap day", async () => {
    const [before] = await query<{ version: number }>(`SELECT version FROM incident WHERE id = $1`, [ids.boni]);
    const response = await patchIncident(
      new Request(url(`/api/incidents/${ids.boni}`), json({ version: before!.version, eventDate: "2024-02-29" })),
      { params: Promise.resolve({ id: String(ids.boni) }) },
    );
    expect(response.status).toBe(200);
    const [after] = await query(`SELECT event_date::text FROM incident WHERE id = $1`, [ids.boni]);
    expect(after).toEqual({ event_date: "2024-02-29" });
  });

  it.each(["from=2025-02-31", "to=2025-02-30", "from=2025-00-10"])("the table, its API and the export refuse ?%s", async (filter) => {
    const field = filter.split("=")[0]!;
    for (const handler of [listIncidents, exportIncidents]) {
      const response = await handler(new Request(url(`/api/incidents${handler === exportIncidents ? "/export" : ""}?${filter}`), withToken(analyst.token)));
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(new RegExp(`${field}.*real calendar date|${field}.*YYYY-MM-DD`));
    }
  });

  it("ingest refuses publishedAt=2025-02-31 and stores no source", async () => {
    const [{ count: before }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM source`);
    const response = await postSource(
      new Request(url("/api/sources"), withToken(analyst.token, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Le 17 mai 2025, des hommes armés ont attaqué le poste de Sandaré, dans la région de Kayes.", publishedAt: "2025-02-31" }),
      })),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/publishedAt.*real calendar date/);
    const [{ count: after }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM source`);
    expect(after).toBe(before);
  });
});
