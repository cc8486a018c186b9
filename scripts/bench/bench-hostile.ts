/**
 * Hostile text must cost linear time: each family of scripts/lib/hostile-text.ts goes through the ingest
 * path the API runs (prepareIngest for text and HTML, prepareFeed for feeds) at 100 KB, 1 MB and the body
 * limit, and the CPU time per megabyte is printed for each size (one core's worth, meaningful on a shared
 * machine; the fastest of three runs below 1 MB). Linear means about the same ms/MB at every size; `growth` is the ratio between the largest
 * and the smallest size. Ends with one JSON line: { sizes, budgetMsPerMB, maxGrowth, families, worstMsPerMB,
 * worstGrowth, ok }; exits 1 when a family is over the budget per megabyte or grows faster than linearly.
 * BENCH_HOSTILE_SIZES=102400,1048576 picks other sizes (bytes); BENCH_HOSTILE_ONLY=<text> runs the
 * families whose name contains it.
 */
import { loadavg } from "node:os";
import { AppError } from "../../lib/errors/app-error";
import { MAX_INGEST_BYTES, prepareFeed, prepareIngest } from "../../lib/ingest/ingest";
import { HOSTILE_FAMILIES, type HostileFamily } from "../lib/hostile-text";

/**
 * CPU milliseconds per megabyte that no family may exceed. Dense articles cost 1,500-2,500 here and a feed
 * of short items up to 5,000 on a busy machine; the square-cost patterns this replaces cost 5,000 to
 * 260,000 already at 100 KB, and ten times more per megabyte at 1 MB.
 */
const BUDGET_MS_PER_MB = 8000;
/** Largest ms/MB over smallest ms/MB: a quadratic step would multiply it by the ratio of the sizes (50). */
const MAX_GROWTH = 3;
const MB = 1024 * 1024;

const sizes = (process.env.BENCH_HOSTILE_SIZES ?? `${100 * 1024},${MB},${MAX_INGEST_BYTES}`).split(",").map(Number);
const only = process.env.BENCH_HOSTILE_ONLY;
const families = HOSTILE_FAMILIES.filter((f) => !only || f.name.includes(only));

/** Runs the input through the ingest path; a clear refusal (AppError, e.g. "looks like a binary file") is an answer too. */
function ingest(family: HostileFamily, input: string): string {
  try {
    if (family.kind === "feed") return `${prepareFeed(input).length} items`;
    const prepared = prepareIngest(family.kind === "html" ? { html: input, publishedAt: "2024-06-01" } : { text: input, publishedAt: "2024-06-01" });
    return `${prepared.extraction.incidents.length} incidents`;
  } catch (error) {
    if (error instanceof AppError) return `refused: ${error.message.slice(0, 40)}`;
    throw error;
  }
}

function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const label = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB ? 1 : 0)} MB` : `${Math.round(bytes / 1024)} KB`);
const results: { name: string; kind: string; outcome: string; cpuMs: number[]; msPerMB: number[]; growth: number }[] = [];

console.log(`budget ${BUDGET_MS_PER_MB} CPU ms per MB, growth at most x${MAX_GROWTH} from ${label(sizes[0]!)} to ${label(sizes[sizes.length - 1]!)}`);
for (const family of families) {
  ingest(family, family.make(sizes[0]!)); // warm-up: JIT and regex compilation
  const times: number[] = [];
  let outcome = "";
  for (const size of sizes) {
    const input = family.make(size);
    // Inputs under 1 MB run three times and keep the fastest, so a collection or a recompilation does not
    // count as the cost of the input.
    const runs = Array.from({ length: size < MB ? 3 : 1 }, () => cpuMs(() => (outcome = ingest(family, input))));
    times.push(Math.min(...runs));
  }
  const msPerMB = times.map((ms, i) => Math.round((ms * MB) / sizes[i]!));
  const growth = Number((msPerMB[msPerMB.length - 1]! / Math.max(1, msPerMB[0]!)).toFixed(2));
  results.push({ name: family.name, kind: family.kind, outcome, cpuMs: times.map((t) => Math.round(t)), msPerMB, growth });
  const cells = sizes.map((size, i) => `${label(size)} ${Math.round(times[i]!)} ms (${msPerMB[i]} ms/MB)`).join(" | ");
  console.log(`${family.name.padEnd(26)} ${cells} | growth x${growth} | ${outcome}`);
}

const worstMsPerMB = Math.max(...results.flatMap((r) => r.msPerMB));
const worstGrowth = Math.max(...results.map((r) => r.growth));
const ok = worstMsPerMB <= BUDGET_MS_PER_MB && worstGrowth <= MAX_GROWTH;
const [load1] = loadavg();
console.log(
  JSON.stringify({
    sizes,
    budgetMsPerMB: BUDGET_MS_PER_MB,
    maxGrowth: MAX_GROWTH,
    families: results,
    worstMsPerMB,
    worstGrowth,
    loadAverage: Number(load1!.toFixed(2)),
    ok,
  }),
);
if (!ok) process.exitCode = 1;
