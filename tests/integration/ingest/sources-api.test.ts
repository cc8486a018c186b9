import { readFileSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/sources/route";
import { POST as PREVIEW } from "@/app/api/sources/preview/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { prepareIngest } from "@/lib/ingest/ingest";
import { storeExtraction } from "@/lib/ingest/store";
import { query, resetDatabase, ROLLUP_TABLES, TRUNCATE_UNGUARDED } from "../db";

const FIXTURE = readFileSync("../shared/fixtures/abamako-2025-05-19-mali-senegal.txt", "utf8");
let analyst: string;
let viewer: string;

function post(body: BodyInit, headers: Record<string, string>, token: string | null = analyst) {
  return POST(
    new Request("http://localhost/api/sources", {
      method: "POST",
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    }),
  );
}
const postJson = (value: unknown, token?: string | null) => post(JSON.stringify(value), { "content-type": "application/json" }, token);

async function counts() {
  const [row] = await query<{ sources: string; incidents: string; links: string; evidence: string }>(
    `SELECT (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM incident) AS incidents,
            (SELECT count(*) FROM incident_source) AS links, (SELECT count(*) FROM evidence) AS evidence`,
  );
  return { sources: Number(row!.sources), incidents: Number(row!.incidents), links: Number(row!.links), evidence: Number(row!.evidence) };
}

beforeAll(async () => {
  await resetDatabase();
  const a = await createUser({ email: "analyst@example.org", password: "analyst-password-1", role: "analyst" });
  const v = await createUser({ email: "viewer@example.org", password: "viewer-password-1", role: "viewer" });
  analyst = (await createApiToken(a.id, "tests")).token;
  viewer = (await createApiToken(v.id, "tests")).token;
});

beforeEach(async () => {
  await query(`${TRUNCATE_UNGUARDED} source, incident, incident_source, evidence, incident_actor, audit_event, ${ROLLUP_TABLES} RESTART IDENTITY CASCADE`);
});

describe("POST /api/sources", () => {
  it("stores the article with its incidents and evidence (201), and the same text again is one source (200)", async () => {
    const first = await postJson({ text: FIXTURE, url: "https://www.abamako.com/news/sandare" });
    expect(first.status).toBe(201);
    const body = (await first.json()) as { created: boolean; source: { id: number; publishedAt: string }; incidents: { id: number }[] };
    expect(body.created).toBe(true);
    expect(body.source.publishedAt).toBe("2025-05-19");
    expect(body.incidents.length).toBeGreaterThanOrEqual(5);
    const before = await counts();
    expect(before).toMatchObject({ sources: 1, incidents: body.incidents.length, links: body.incidents.length });
    expect(before.evidence).toBeGreaterThan(body.incidents.length);

    // Evidence offsets slice the stored text exactly.
    const evidence = await query<{ text: string; start: number; end: number; source_text: string }>(
      `SELECT e.text, e.start, e."end", s.text AS source_text FROM evidence e JOIN source s ON s.id = e.source_id`,
    );
    for (const item of evidence) expect(item.source_text.slice(item.start, item.end)).toBe(item.text);

    const again = await postJson({ text: FIXTURE });
    expect(again.status).toBe(200);
    const againBody = (await again.json()) as { created: boolean; source: { id: number } };
    expect(againBody).toMatchObject({ created: false, source: { id: body.source.id } });
    expect(await counts()).toEqual(before);

    // Whitespace differences do not make a new source either.
    expect((await postJson({ text: FIXTURE.replace(/\n/g, "\n\n") })).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("attaches a second source to an incident already stored, keeping both fatality claims", async () => {
    const one = "Le 17 mai 2025, des jihadistes ont attaqué le poste de Sandaré, dans la région de Kayes. Deux soldats ont été tués.";
    const two = "Samedi 17 mai 2025, le poste militaire de Sandaré (région de Kayes) a été attaqué par des hommes armés, faisant cinq morts.";
    const first = (await (await postJson({ text: one, publishedAt: "2025-05-19" })).json()) as { incidents: { id: number }[] };
    const second = await postJson({ text: two, publishedAt: "2025-05-19" });
    expect(second.status).toBe(201);
    const secondBody = (await second.json()) as { incidents: { id: number; attached: boolean }[] };
    expect(secondBody.incidents).toHaveLength(1);
    expect(secondBody.incidents[0]).toMatchObject({ id: first.incidents[0]!.id, attached: true });
    expect((await counts()).incidents).toBe(1);
    const claims = await query<{ fatalities: number | null }>(`SELECT fatalities FROM incident_source ORDER BY source_id`);
    expect(claims.map((claim) => claim.fatalities)).toEqual([2, 5]);
  });

  it("ingests an uploaded RSS feed, one source per item", async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel</title>
      <item><title>Attaque à Boni</title><link>https://example.org/boni</link><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate>
        <description>Le 9 mars 2025, des jihadistes ont attaqué un convoi des FAMa près de Boni, dans la région de Mopti. Quatre soldats ont été tués.</description></item>
      <item><title>Drone strike</title><link>https://example.org/drone</link><pubDate>Tue, 11 Mar 2025 08:00:00 GMT</pubDate>
        <description>On 10 March 2025, a drone strike hit a market in Tinzaouatene, in the Kidal region of Mali, killing eight civilians.</description></item>
    </channel></rss>`;
    const form = new FormData();
    form.set("file", new File([feed], "sahel.xml", { type: "application/rss+xml" }));
    const response = await POST(new Request("http://localhost/api/sources", { method: "POST", headers: { authorization: `Bearer ${analyst}` }, body: form }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { results: { created: boolean; source: { url: string } }[] };
    expect(body.results.map((result) => result.source.url)).toEqual(["https://example.org/boni", "https://example.org/drone"]);
    expect((await counts()).sources).toBe(2);
  });

  it("previews an extraction without writing anything", async () => {
    const response = await PREVIEW(
      new Request("http://localhost/api/sources/preview", {
        method: "POST",
        headers: { authorization: `Bearer ${analyst}`, "content-type": "application/json" },
        body: JSON.stringify({ text: FIXTURE }),
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { text: string; incidents: { evidence: { start: number; end: number; text: string }[] }[] };
    expect(body.incidents.length).toBeGreaterThan(0);
    expect(await counts()).toEqual({ sources: 0, incidents: 0, links: 0, evidence: 0 });
  });

  describe("refuses bad input with a clear 4xx and writes nothing", () => {
    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ["empty text", () => postJson({ text: "   " }), 400, /empty/],
      ["no text at all", () => postJson({ url: "https://example.org" }), 400, /text or html/],
      ["binary content", () => postJson({ text: "PK\u0003\u0004\u0000\u0000binary" }), 400, /binary/],
      ["an invalid date", () => postJson({ text: "Texte", publishedAt: "2025-02-30" }), 400, /publishedAt/],
      ["an unknown field", () => postJson({ text: "Texte", sneaky: 1 }), 400, /sneaky|Unrecognized/i],
      ["malformed JSON", () => post("{not json", { "content-type": "application/json" }), 400, /JSON/],
      ["another content type", () => post("hello", { "content-type": "text/csv" }), 415, /JSON|multipart/],
      ["a 20 MB body", () => postJson({ text: "a".repeat(20 * 1024 * 1024) }), 413, /larger/],
      [
        "malformed XML",
        () => {
          const form = new FormData();
          form.set("file", new File(["<?xml version='1.0'?><rss><channel><item><title>x</item></rss>"], "broken.xml"));
          return POST(new Request("http://localhost/api/sources", { method: "POST", headers: { authorization: `Bearer ${analyst}` }, body: form }));
        },
        400,
        /feed|XML/i,
      ],
    ];
    for (const [name, send, status, message] of cases) {
      it(name, async () => {
        const response = await send();
        expect(response.status).toBe(status);
        const body = (await response.json()) as { message: string };
        expect(body.message).toMatch(message);
        expect(await counts()).toEqual({ sources: 0, incidents: 0, links: 0, evidence: 0 });
      });
    }
  });

  it("needs an analyst: 401 anonymous, 403 viewer", async () => {
    expect((await postJson({ text: FIXTURE }, null)).status).toBe(401);
    expect((await postJson({ text: FIXTURE }, viewer)).status).toBe(403);
    expect((await counts()).sources).toBe(0);
  });

  it("records the ingest in the audit trail", async () => {
    const { source } = (await (await postJson({ text: FIXTURE })).json()) as { source: { id: number } };
    const rows = await query<{ action: string; user_email: string; target_type: string }>(
      `SELECT action, user_email, target_type FROM audit_event WHERE action = 'source.ingest' AND target_id = $1`,
      [String(source.id)],
    );
    expect(rows).toEqual([{ action: "source.ingest", user_email: "analyst@example.org", target_type: "source" }]);
  });

  it("writes a source and its incidents in one transaction: a failing incident leaves no source", async () => {
    const prepared = prepareIngest({ text: FIXTURE });
    const broken = structuredClone(prepared.extraction);
    broken.incidents[1]!.geoPrecision = 70000 as 1; // out of the column's range: the database refuses it
    await expect(storeExtraction(prepared.text, broken, {}, null)).rejects.toThrow();
    expect(await counts()).toEqual({ sources: 0, incidents: 0, links: 0, evidence: 0 });
  });
});

describe("GET /api/sources", () => {
  it("lists ingested sources for a viewer", async () => {
    await postJson({ text: FIXTURE });
    const response = await GET(new Request("http://localhost/api/sources", { headers: { authorization: `Bearer ${viewer}` } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; rows: { title: string }[] };
    expect(body.total).toBe(1);
    expect(body.rows[0]!.title).toMatch(/Birame Diop/);
  });
});
