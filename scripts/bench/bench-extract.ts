/**
 * Extraction throughput on one core: ~3 KB articles built from the evaluation set and the Bamako fixture,
 * each with its own publication date, extracted one after another. Prints progress lines, then one JSON
 * line: { articles, bytes, seconds, cpuSeconds, articlesPerSecond (wall clock), articlesPerCpuSecond (one core's
 * worth, meaningful when the machine is shared), loadAverage, target, ok }.
 */
import { loadavg } from "node:os";
import { extractArticle } from "../../lib/ingest/pipeline";
import { buildArticles, corpusParagraphs } from "../lib/bench-corpus";
import { reportFailures } from "../lib/cli";

reportFailures("npm run bench:extract");

const TARGET = 200;
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const articles = buildArticles(ARTICLES, corpusParagraphs());
for (const a of articles.slice(0, 50)) extractArticle(a); // warm-up: JIT and regex compilation

const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
let incidents = 0;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
for (const article of articles) incidents += extractArticle(article).incidents.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
// On a shared machine wall time includes waiting for a core; CPU time is what one core spends.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const articlesPerSecond = Math.round(articles.length / seconds);
const articlesPerCpuSecond = Math.round(articles.length / cpuSeconds);
const [load1] = loadavg();
console.log(`extracted ${articles.length} articles (${(bytes / articles.length / 1024).toFixed(1)} KB each), ${incidents} incidents`);
console.log(
  JSON.stringify({
    articles: articles.length,
    bytes,
    incidents,
    seconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    articlesPerSecond,
    articlesPerCpuSecond,
    loadAverage: Number(load1!.toFixed(2)),
    target: TARGET,
    ok: articlesPerSecond >= TARGET,
  }),
);
