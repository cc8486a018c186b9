/**
 * Import and export of the learned gazetteer against PostgreSQL: a good file is imported (and again,
 * without duplicates), a file with bad lines imports nothing and names each bad line, an export imports
 * back to the same entries, the extractor uses imported names, and only admins import.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/gazetteer/import/route";
import { GET as exportRoute } from "@/app/api/gazetteer/export/route";
import { lookupPlace } from "@/lib/ingest/gazetteer";
import { invalidateLearnedGazetteer, refreshLearnedGazetteer } from "@/lib/places/learned";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, withToken, type Caller } from "../session";

let admin: Caller;
let analyst: Caller;
let viewer: Caller;

beforeAll(async () => {
  await resetDatabase();
  admin = await signedInUser("admin");
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

const GOOD = [
  "name,alternate_names,country,admin1,admin2,latitude,longitude,source",
  "Tiguila,Tigila|Tighila,Mali,Mopti,Bandiagara,14.3712,-3.5031,OCHA COD 2024",
  "Dioungani,,ML,Mopti,Koro,14.2833,-2.8167,OCHA COD 2024",
  '"Kampti, secteur 2",,Burkina Faso,Sud-Ouest,Poni,10.1281,-3.4500,team list',
  "=Formula Town,,Mali,,,15,-4,",
].join("\n");

function upload(csv: string, init: RequestInit, asFile = true): Promise<Response> {
  let body: BodyInit;
  let headers = { ...(init.headers as Record<string, string>) };
  if (asFile) {
    const form = new FormData();
    form.set("file", new Blob([csv], { type: "text/csv" }), "gazetteer.csv");
    body = form;
  } else {
    body = csv;
    headers = { ...headers, "content-type": "text/csv" };
  }
  return importRoute(new Request("http://localhost:3000/api/gazetteer/import", { ...init, method: "POST", headers, body }));
}

async function entries() {
  return query(`SELECT name, alternate_names, country, admin1, admin2, latitude, longitude, source FROM learned_place ORDER BY country, name`);
}

describe("gazetteer import", () => {
  it("imports a good file in one go, and the same file again replaces instead of duplicating", async () => {
    const response = await upload(GOOD, withCookie(admin.cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rows: 4, inserted: 4, updated: 0 });
    expect(await entries()).toEqual([
      { name: "Kampti, secteur 2", alternate_names: [], country: "Burkina Faso", admin1: "Sud-Ouest", admin2: "Poni", latitude: 10.1281, longitude: -3.45, source: "team list" },
      { name: "=Formula Town", alternate_names: [], country: "Mali", admin1: null, admin2: null, latitude: 15, longitude: -4, source: "import" },
      { name: "Dioungani", alternate_names: [], country: "Mali", admin1: "Mopti", admin2: "Koro", latitude: 14.2833, longitude: -2.8167, source: "OCHA COD 2024" },
      { name: "Tiguila", alternate_names: ["Tigila", "Tighila"], country: "Mali", admin1: "Mopti", admin2: "Bandiagara", latitude: 14.3712, longitude: -3.5031, source: "OCHA COD 2024" },
    ]);
    const again = await upload(GOOD, withToken(admin.token), false);
    expect(await again.json()).toEqual({ rows: 4, inserted: 0, updated: 4 });
    expect(await entries()).toHaveLength(4);
    expect(await query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'gazetteer.import'`)).toEqual([{ n: 2 }]);
  });

  it("imports nothing from a file with bad lines and reports each by its line number", async () => {
    const before = await entries();
    const csv = [
      "name,alternate_names,country,admin1,admin2,latitude,longitude,source",
      "Sangha,,Mali,Mopti,Bandiagara,14.47,-3.31,ok line",
      ",,Mali,Mopti,,14.0,-3.0,no name",
      "Somewhere,,Atlantis,,,14.0,-3.0,",
      "Nowhere,,Mali,,,north,-3.0,",
      "Far north,,Mali,,,95,-3.0,",
      "Sangha,,Mali,Mopti,Bandiagara,14.48,-3.32,duplicate",
    ].join("\n");
    const response = await upload(csv, withCookie(admin.cookie));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toMatch(/^5 bad lines, nothing was imported/);
    expect(body.details.errors.map((error: { line: number }) => error.line)).toEqual([3, 4, 5, 6, 7]);
    expect(body.details.errors[0].message).toMatch(/name is empty/);
    expect(body.details.errors[1].message).toMatch(/country "Atlantis"/);
    expect(body.details.errors[2].message).toMatch(/latitude/);
    expect(body.details.errors[4].message).toMatch(/same place as line 2/);
    expect(await entries()).toEqual(before);
  });

  it("refuses a file that is not valid CSV, naming the line", async () => {
    const response = await upload('name,alternate_names,country,admin1,admin2,latitude,longitude,source\nA,,Mali,,,14,-3,\nB "x",,Mali,,,14,-3,\n', withCookie(admin.cookie));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^The file is not valid CSV \(line 3\)/);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const response = await upload("name,country\nX,Mali\n", withCookie(admin.cookie));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^line 1: missing columns alternate_names, admin1, admin2, latitude, longitude, source/);
  });

  it("is for admins: analysts and viewers get 403 and nothing changes", async () => {
    const before = await entries();
    for (const caller of [analyst, viewer]) {
      expect((await upload(GOOD.replace("Tiguila,", "Other,"), withCookie(caller.cookie))).status).toBe(403);
    }
    expect(await entries()).toEqual(before);
  });

  it("the extractor knows imported names and their alternate names", async () => {
    invalidateLearnedGazetteer();
    await refreshLearnedGazetteer();
    expect(lookupPlace("Tighila")[0]).toMatchObject({ name: "Tiguila", origin: "learned", admin2: "Bandiagara" });
  });
});

describe("gazetteer export", () => {
  it("exports every entry in the import's columns, and the export imports back to the same entries", async () => {
    const response = await exportRoute(new Request("http://localhost:3000/api/gazetteer/export", withCookie(viewer.cookie)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csv = await response.text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("name,alternate_names,country,admin1,admin2,latitude,longitude,source");
    expect(lines).toContain("Tiguila,Tigila|Tighila,Mali,Mopti,Bandiagara,14.3712,-3.5031,OCHA COD 2024");
    expect(lines).toContain("'=Formula Town,,Mali,,,15,-4,import");
    const before = await entries();

    await query(`DELETE FROM learned_place`);
    const back = await upload(csv, withCookie(admin.cookie));
    expect(await back.json()).toEqual({ rows: 4, inserted: 4, updated: 0 });
    expect(await entries()).toEqual(before);
  });
});
