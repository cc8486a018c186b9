/**
 * Extraction throughput on one core: ~3 KB articles built from the evaluation set and the Bamako fixture,
 * each with its own publication date, extracted one after another. Prints progress lines, then one JSON
 * line: { articles, bytes, seconds, cpuSeconds, articlesPerSecond (wall clock), articlesPerCpuSecond (one core's
 * worth, meaningful when the machine is shared), loadAverage, target, ok }.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { extractArticle } from "../lib/ingest/pipeline";

const TARGET = 200;
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const root = join(import.meta.dirname, "..");

function corpusParagraphs(): string[] {
  const texts: string[] = [];
  const evalDir = join(root, "tests/fixtures/eval");
  if (existsSync(evalDir)) {
    for (const file of readdirSync(evalDir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(evalDir, file), "utf8"));
  }
  const fixture = join(root, "../shared/fixtures/abamako-2025-05-19-mali-senegal.txt");
  if (existsSync(fixture)) texts.push(readFileSync(fixture, "utf8"));
  return texts.flatMap((t) => t.split(/\n\s*\n/)).map((p) => p.trim()).filter((p) => p.length > 80);
}

/** Deterministic ~3 KB articles: consecutive paragraphs from the corpus, rotated per article. */
function buildArticles(paragraphs: string[], count: number): { text: string; publishedAt: string }[] {
  const articles: { text: string; publishedAt: string }[] = [];
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let j = 0; text.length < 3000; j++) text += `${paragraphs[(i * 7 + j) % paragraphs.length]}\n\n`;
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 500) * 86400000).toISOString().slice(0, 10);
    articles.push({ text: text.slice(0, 3200), publishedAt: day });
  }
  return articles;
}

const paragraphs = corpusParagraphs();
if (paragraphs.length === 0) {
  console.error("bench-extract: no corpus found (tests/fixtures/eval/*.txt)");
  process.exit(1);
}
const articles = buildArticles(paragraphs, ARTICLES);
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
