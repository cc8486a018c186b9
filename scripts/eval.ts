/**
 * Scores the extractor on a labelled set: `npx tsx scripts/eval.ts [dir] [--texts <dir>] [--verbose]`, default
 * tests/fixtures/eval-dev-1 (<name>.json + <name>.txt; see scripts/lib/eval-score.ts for how). With --texts
 * the .txt files are read from that folder, as for the real-text set whose press texts stay outside the
 * repository; missing texts are listed and counted, never skipped silently. Prints a table, recall per
 * failure class when the gold labels classes, then one JSON line with the figures; --verbose also prints
 * each mismatch.
 */
import { join, resolve } from "node:path";
import { scoreSet, type Field } from "./lib/eval-score";

const args = process.argv.slice(2);
const textsAt = args.indexOf("--texts");
const textsArg = textsAt >= 0 ? args[textsAt + 1] : undefined;
if (textsAt >= 0 && (!textsArg || textsArg.startsWith("--"))) throw new Error("--texts needs a folder");
const dirArg = args.find((a, i) => !a.startsWith("--") && (textsAt < 0 || i !== textsAt + 1));
const dir = dirArg ? resolve(dirArg) : join(import.meta.dirname, "../tests/fixtures/eval-dev-1");
const { articles, report, tallies, log, byClass, silent, missing } = scoreSet(dir, {
  verbose: args.includes("--verbose"),
  textsDir: textsArg ? resolve(textsArg) : undefined,
});
for (const line of log) console.log(line);
console.log(`\n${dir}\nfield          precision  recall      f1   (tp/predicted/labelled)`);
for (const [field, r] of Object.entries(report) as ["incidents" | Field, (typeof report)["incidents"]][]) {
  const t = tallies[field];
  // A field no article of the set labels (the first set has no sub-types or roles) has no score.
  const unscored = t.predicted === 0 && t.gold === 0;
  const cell = (x: number, width: number) => (unscored ? "n/a" : x.toFixed(3)).padStart(width);
  console.log(`${field.padEnd(14)} ${cell(r.precision, 9)}  ${cell(r.recall, 6)}  ${cell(r.f1, 6)}   (${t.tp}/${t.predicted}/${t.gold})`);
}
const share = (a: number, b: number) => (b === 0 ? 1 : a / b).toFixed(3);
if (byClass.size > 0) {
  console.log("\nclass  incidents  paired (recall)  at the labelled place (recall)");
  for (const [c, t] of [...byClass].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(c).padStart(5)}  ${String(t.gold).padStart(9)}  ${String(t.found).padStart(6)} (${share(t.found, t.gold)})  ${String(t.atPlace).padStart(21)} (${share(t.atPlace, t.gold)})`);
  }
}
if (silent.length > 0) console.log(`\narticles with no labelled incident: ${silent.length}, of which silent: ${silent.filter((n) => n === 0).length}`);
if (missing.length > 0) console.log(`\nMISSING TEXT for ${missing.length} of ${missing.length + articles} articles (not scored): ${missing.join(", ")}`);
console.log(JSON.stringify({ articles, missingTexts: missing.length, ...report }));
