/**
 * Ingestion throughput into PostgreSQL: N distinct ~3 KB articles (default 10,000) through the same path
 * as the API (extraction, dedup, one transaction per source), a few at a time as concurrent requests
 * would. Uses a fresh database on DATABASE_URL's server (or the embedded one) and drops it afterwards.
 * Last line: one JSON object with the figures.
 */
import { provideDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { createScratchDatabase } from "../lib/db/scratch";
import { buildArticles } from "./lib/bench-corpus";

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_SECONDS = 60;

const server = await provideDatabase((line) => console.error(line));
const scratch = await createScratchDatabase(server.url, "vigie_bench_ingest");
process.env.DATABASE_URL = scratch.url;
try {
  await migrate(scratch.url);
  const { prepareIngest } = await import("../lib/ingest/ingest");
  const { storeExtraction } = await import("../lib/ingest/store");
  const { prisma } = await import("../lib/db/client");
  const articles = buildArticles(COUNT).map((article, index) => ({ ...article, text: `${article.text}\n\nRéf. ${index}` }));
  let next = 0;
  let incidents = 0;
  let attached = 0;
  const started = performance.now();
  async function worker() {
    while (next < articles.length) {
      const article = articles[next++]!;
      const prepared = prepareIngest(article);
      const result = await storeExtraction(prepared.text, prepared.extraction, prepared.meta, null);
      incidents += result.incidents.length;
      attached += result.incidents.filter((incident) => incident.attached).length;
      if (next % 1000 === 0) console.error(`${next} articles`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const [{ sources }] = await prisma.$queryRaw<{ sources: bigint }[]>`SELECT count(*) AS sources FROM source`;
  await prisma.$disconnect();
  console.log(
    JSON.stringify({
      articles: COUNT,
      sourcesStored: Number(sources),
      incidents,
      attachedToExisting: attached,
      concurrency: CONCURRENCY,
      seconds: Number(seconds.toFixed(2)),
      articlesPerSecond: Math.round(COUNT / seconds),
      targetSeconds: TARGET_SECONDS,
      // The target is 10,000 articles in a minute: judged by rate, so a shorter run is judged the same way.
      ok: COUNT / seconds >= 10_000 / TARGET_SECONDS && Number(sources) === COUNT,
    }),
  );
} finally {
  await scratch.drop();
  await server.stop();
}
