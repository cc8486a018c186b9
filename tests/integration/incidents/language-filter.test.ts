/**
 * The `language` dimension (the language of an incident's sources) on every path that lists incidents:
 * the table's data layer, the JSON API and the CSV export (its route and its COPY, which inlines values).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { GET as listIncidents } from "@/app/api/incidents/route";
import { GET as exportIncidents } from "@/app/api/incidents/export/route";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { getIncidentPage } from "@/lib/incidents/table";
import { query } from "../db";
import { signedInUser, withToken, type Caller } from "../session";
import { ids, seedFixtures } from "./fixtures";

let viewer: Caller;

/** Sandaré is reported in French and in English, Tillabéri in English only, Boni (the fixtures' source) in French. */
async function addSource(incidentId: number, language: string, title: string): Promise<void> {
  const [source] = await query<{ id: number }>(
    `INSERT INTO source (title, text, content_hash, language) VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), $4) RETURNING id`,
    [title, title, title, language],
  );
  await query(`INSERT INTO incident_source (incident_id, source_id) VALUES ($1, $2)`, [incidentId, source!.id]);
}

beforeAll(async () => {
  await seedFixtures();
  await addSource(ids.sandare!, "fr", "Attaque du poste de Sandaré");
  await addSource(ids.sandare!, "en", "Attack on the Sandare post");
  await addSource(ids.tillaberi!, "en", "Clashes near Tillaberi");
  viewer = await signedInUser("viewer");
});

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const url = (path: string) => `http://localhost:3000${path}`;

describe("language filter", () => {
  it.each([
    ["language=fr", () => [ids.sandare, ids.boni]],
    ["language=en", () => [ids.sandare, ids.tillaberi]],
    ["language=fr&language=en", () => [ids.sandare, ids.boni, ids.tillaberi]],
    ["language=en&country=Niger", () => [ids.tillaberi]],
    ["language=fr&eventType=Battles", () => [ids.sandare]],
  ])("lists in the table the incidents with a source in that language: ?%s", async (search, expected) => {
    const page = await getIncidentPage(parseIncidentFilter(new URLSearchParams(search)));
    expect(sorted(page.rows.map((row) => row.id))).toEqual(sorted(expected() as number[]));
    expect(page.total).toBe(expected().length);
  });

  it("keeps incidents without any source out of every language", async () => {
    const page = await getIncidentPage(parseIncidentFilter(new URLSearchParams("language=fr&language=en")));
    expect(page.rows.map((row) => row.id)).not.toContain(ids.djibo);
  });

  it("answers GET /api/incidents?language=en with those incidents", async () => {
    const response = await listIncidents(new Request(url("/api/incidents?language=en"), withToken(viewer.token)));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; rows: { id: number }[] };
    expect(body.total).toBe(2);
    expect(sorted(body.rows.map((row) => row.id))).toEqual(sorted([ids.sandare!, ids.tillaberi!]));
  });

  it("answers 400 naming the parameter for a language sources are not read in", async () => {
    const response = await listIncidents(new Request(url("/api/incidents?language=de"), withToken(viewer.token)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain("language:");
  });

  it("exports the same rows as the table, in the same order", async () => {
    const response = await exportIncidents(new Request(url("/api/incidents/export?language=fr&columns=id&sort=-fatalities"), withToken(viewer.token)));
    expect(response.status).toBe(200);
    const [header, ...rows] = parse((await response.text()).replace(/^\uFEFF/, ""), { record_delimiter: "\r\n" }) as string[][];
    expect(header).toEqual(["id"]);
    const table = await getIncidentPage(parseIncidentFilter(new URLSearchParams("language=fr&sort=-fatalities")));
    expect(rows.map(([id]) => Number(id))).toEqual(table.rows.map((row) => row.id));
    expect(rows).toHaveLength(2);
  });
});
