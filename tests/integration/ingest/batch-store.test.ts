/**
 * The batch store (storeExtractions): many articles in one transaction with a fixed number of statements,
 * deduplicating against each other exactly as if they had been stored one after the other.
 */
import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prepareIngest } from "@/lib/ingest/ingest";
import { contentHash, storeExtraction, storeExtractions, type ExtractionToStore, type IngestResult, type StoreOutcome } from "@/lib/ingest/store";
import { buildArticles } from "@/scripts/lib/bench-corpus";
import { query, resetDatabase } from "../db";

const SANDARE_TWO = "Le 17 mai 2025, des jihadistes ont attaqué le poste de Sandaré, dans la région de Kayes. Deux soldats ont été tués.";
const SANDARE_FIVE = "Samedi 17 mai 2025, le poste militaire de Sandaré (région de Kayes) a été attaqué par des hommes armés, faisant cinq morts.";
const BONI = "Le 9 mars 2025, des jihadistes ont attaqué un convoi des FAMa près de Boni, dans la région de Mopti. Quatre soldats ont été tués.";
const UNDATED = "Des jihadistes ont attaqué le poste de Sandaré, dans la région de Kayes. Deux soldats ont été tués. Des hommes armés ont attaqué Boni, dans la région de Mopti.";

function article(text: string, extra: { url?: string; publishedAt?: string } = {}): ExtractionToStore {
  return prepareIngest({ text, publishedAt: extra.publishedAt ?? "2025-05-19", url: extra.url });
}

function results(outcomes: StoreOutcome[]): IngestResult[] {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  });
}

async function counts() {
  const [row] = await query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM incident) AS incidents, (SELECT count(*) FROM incident_source) AS links,
            (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM incident_actor) AS roles, (SELECT count(*) FROM actor) AS actors,
            (SELECT count(*) FROM audit_event WHERE action = 'source.ingest') AS audits`,
  );
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
}

/**
 * Everything the store writes, without timestamps. Ids of sources, incidents and evidence are part of it
 * (both ways allocate them in item order); actors are compared by name, whose ids depend on batching.
 */
async function snapshot() {
  return {
    sources: await query(`SELECT id, url, title, publisher, published_at::text, language, text, content_hash, ingested_by_id FROM source ORDER BY id`),
    incidents: await query(
      `SELECT id, event_date::text, end_date::text, date_precision::text, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2,
              location, latitude, longitude, geo_precision, fatalities, status::text, actor_names, merged_into_id, search_vector::text
         FROM incident ORDER BY id`,
    ),
    links: await query(`SELECT incident_id, source_id, fatalities FROM incident_source ORDER BY incident_id, source_id`),
    evidence: await query(`SELECT id, incident_id, source_id, field, text, start, "end" FROM evidence ORDER BY id`),
    actors: await query(`SELECT name, type, country FROM actor ORDER BY name`),
    aliases: await query(`SELECT a.name, l.alias, l.normalized FROM actor_alias l JOIN actor a ON a.id = l.actor_id ORDER BY l.normalized`),
    roles: await query(`SELECT r.incident_id, a.name, r.role::text FROM incident_actor r JOIN actor a ON a.id = r.actor_id ORDER BY 1, 2, 3`),
    rollup: await query(`SELECT * FROM incident_rollup ORDER BY country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names`),
    timeRollup: await query(`SELECT period::text, country, admin1, admin1_reform, event_type, incidents, fatalities::text, fatalities_unknown FROM incident_time_rollup ORDER BY 1, 2, 3, 4, 5`),
    actorRollup: await query(`SELECT actor, period::text, country, event_type, incidents, fatalities::text, fatalities_unknown FROM incident_actor_time_rollup ORDER BY 1, 2, 3, 4`),
    audit: await query(`SELECT id::text, user_id, action, target_type, target_id, details FROM audit_event ORDER BY id`),
  };
}

beforeEach(() => resetDatabase());

/** The statements sent to PostgreSQL while `work` runs, counted at the pg client every pool is built on. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("storeExtractions", () => {
  it("writes a batch with a fixed number of statements, whatever its size", async () => {
    const corpus = buildArticles(60).map((entry, index) => prepareIngest({ ...entry, text: `${entry.text}\n\nRéf. ${index}` }));
    const statementsFor = async (items: ExtractionToStore[]) => {
      await resetDatabase();
      const statements = await countStatements(async () => results(await storeExtractions(items, null)));
      expect(await counts()).toMatchObject({ sources: items.length, audits: items.length });
      return statements;
    };
    const few = await statementsFor(corpus.slice(0, 3));
    const many = await statementsFor(corpus);
    // BEGIN, the batch's statements and COMMIT: counted for real, and the same for 3 articles as for 60.
    expect(few).toBeGreaterThanOrEqual(10);
    expect(many).toBe(few);
  });

  it("stores the same text twice in one batch as one source: the later item returns the earlier one as present", async () => {
    const [first, second, third] = results(
      await storeExtractions([article(SANDARE_TWO), article(BONI), article(`  ${SANDARE_TWO.replace(/ /g, "\n")}  `)], null),
    );
    expect(first!.created).toBe(true);
    expect(second!.created).toBe(true);
    expect(third).toEqual({ created: false, source: first!.source, incidents: first!.incidents.map((incident) => ({ ...incident, attached: true })) });
    expect(await counts()).toMatchObject({ sources: 2, audits: 2 });
  });

  it("stores two items with the same URL as one source, the later returned as present", async () => {
    const [first, second] = results(
      await storeExtractions([article(SANDARE_TWO, { url: "https://example.org/sandare" }), article(BONI, { url: "https://example.org/sandare" })], null),
    );
    expect(first!.created).toBe(true);
    expect(second).toMatchObject({ created: false, source: { id: first!.source.id, url: "https://example.org/sandare" } });
    const stored = await query<{ content_hash: string }>(`SELECT content_hash FROM source`);
    expect(stored).toEqual([{ content_hash: contentHash(SANDARE_TWO) }]);
  });

  it("returns sources stored before the batch as present and stores the rest", async () => {
    const before = await storeExtraction(SANDARE_TWO, article(SANDARE_TWO).extraction, {}, null);
    const [again, boni] = results(await storeExtractions([article(SANDARE_TWO), article(BONI)], null));
    expect(again).toMatchObject({ created: false, source: { id: before.source.id }, incidents: [{ id: before.incidents[0]!.id, attached: true }] });
    expect(boni!.created).toBe(true);
    expect(await counts()).toMatchObject({ sources: 2, audits: 2 });
  });

  it("makes two articles of one batch reporting the same incident one incident with two sources, keeping both fatality claims", async () => {
    const [two, five] = results(await storeExtractions([article(SANDARE_TWO), article(SANDARE_FIVE)], null));
    expect(two!.incidents).toHaveLength(1);
    expect(five!.incidents).toEqual([{ id: two!.incidents[0]!.id, attached: true, summary: expect.any(String) }]);
    expect(two!.incidents[0]!.attached).toBe(false);
    expect(await counts()).toMatchObject({ sources: 2, incidents: 1, links: 2 });
    const claims = await query<{ source_id: number; fatalities: number | null }>(`SELECT source_id, fatalities FROM incident_source ORDER BY source_id`);
    expect(claims).toEqual([
      { source_id: two!.source.id, fatalities: 2 },
      { source_id: five!.source.id, fatalities: 5 },
    ]);
    // Each source keeps its own evidence on the shared incident.
    const evidence = await query<{ source_id: number }>(`SELECT DISTINCT source_id FROM evidence ORDER BY source_id`);
    expect(evidence.map((row) => row.source_id)).toEqual([two!.source.id, five!.source.id]);
    // The incident was inserted with its actors' names, and the rollups count it once.
    const [incident] = await query<{ actor_names: string }>(`SELECT actor_names FROM incident`);
    expect(incident!.actor_names).not.toBe("");
    const [rollup] = await query<{ incidents: number }>(`SELECT sum(incidents)::int AS incidents FROM incident_rollup`);
    expect(rollup!.incidents).toBe(1);
  });

  it("leaves no partial rows of a failing item and still stores the others", async () => {
    const bad = article(BONI);
    bad.extraction.incidents[0]!.geoPrecision = 70000 as 1; // out of the column's range: the database refuses it
    const outcomes = await storeExtractions([article(SANDARE_TWO), bad, article(SANDARE_FIVE)], null);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(await counts()).toMatchObject({ sources: 2, incidents: 1, links: 2, audits: 2 });
    expect(await query(`SELECT id FROM source WHERE content_hash = $1`, [contentHash(bad.text)])).toEqual([]);
    expect(await query(`SELECT id FROM incident WHERE location = 'Boni'`)).toEqual([]);
    const orphans = await query(`SELECT id FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_source l WHERE l.incident_id = i.id)`);
    expect(orphans).toEqual([]);
  });

  it("stores exactly what storing the items one by one stores, and returns the same results", async () => {
    const corpus = buildArticles(40).map((entry, index) => ({ ...entry, text: `${entry.text}\n\nRéf. ${index}` }));
    const items = [
      ...corpus.slice(0, 20).map((entry, index) => prepareIngest({ ...entry, url: index % 3 === 0 ? `https://example.org/a/${index}` : undefined })),
      article(SANDARE_TWO),
      article(SANDARE_FIVE),
      article(corpus[4]!.text.replace(/\n/g, "\n\n"), { publishedAt: corpus[4]!.publishedAt }), // the same text as an earlier item
      article(BONI, { url: "https://example.org/a/3" }), // the URL of an earlier item
      prepareIngest({ text: UNDATED }), // undated incidents, stored under today's date
      prepareIngest({ text: `${UNDATED} Bis.` }),
      ...corpus.slice(20).map((entry) => prepareIngest(entry)),
    ];
    const user = null;

    const batched = results(await storeExtractions(items, user));
    const batchedRows = await snapshot();

    await resetDatabase();
    const oneByOne: IngestResult[] = [];
    for (const item of items) oneByOne.push(await storeExtraction(item.text, item.extraction, item.meta, user));
    const oneByOneRows = await snapshot();

    expect(batched).toEqual(oneByOne);
    expect(batchedRows).toEqual(oneByOneRows);
    // The comparison is not vacuous: the batch deduplicated sources and incidents against itself.
    expect(batched.filter((result) => !result.created)).toHaveLength(2);
    expect(batched.flatMap((result) => (result.created ? result.incidents : [])).filter((incident) => incident.attached).length).toBeGreaterThan(10);
    expect(batchedRows.roles.length).toBeGreaterThan(0);
  });

  it("ends as present, not an error, when concurrent batches store the same sources", async () => {
    const texts = [SANDARE_TWO, SANDARE_FIVE, BONI, UNDATED, `${BONI} Deuxième dépêche.`];
    const [left, right] = await Promise.all([
      storeExtractions([texts[0]!, texts[1]!, texts[2]!, texts[3]!].map((text) => article(text)), null),
      storeExtractions([texts[3]!, texts[2]!, texts[1]!, texts[4]!].map((text) => article(text)), null),
    ]);
    const all = results([...left!, ...right!]);
    expect(await counts()).toMatchObject({ sources: 5, audits: 5 });
    // Every text was created exactly once; its other occurrence came back as present, with the same source.
    for (const text of texts) {
      const hash = contentHash(text);
      const mine = all.filter((result) => result.source.contentHash === hash);
      expect(mine.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(mine.map((result) => result.source.id)).size).toBe(1);
    }
    // The same incident from both batches is one row.
    const sandare = await query(`SELECT id FROM incident WHERE location = 'Sandaré' AND event_date = '2025-05-17'`);
    expect(sandare).toHaveLength(1);
  });
});
