/**
 * Scores the extractor on a labelled set: `npx tsx scripts/eval.ts [dir] [--verbose] [--json]`, default
 * tests/fixtures/eval-dev-1 (<name>.txt + <name>.json; see scripts/lib/eval-score.ts for how). Prints a
 * table, then one JSON line with the figures; --verbose also prints each mismatch.
 */
import { join, resolve } from "node:path";
import { scoreSet, type Field } from "./lib/eval-score";

const args = process.argv.slice(2);
const dirArg = args.find((a) => !a.startsWith("--"));
const dir = dirArg ? resolve(dirArg) : join(import.meta.dirname, "../tests/fixtures/eval-dev-1");
const { articles, report, tallies, log } = scoreSet(dir, { verbose: args.includes("--verbose") });
for (const line of log) console.log(line);
console.log(`\n${dir}\nfield          precision  recall      f1   (tp/predicted/labelled)`);
for (const [field, r] of Object.entries(report) as ["incidents" | Field, (typeof report)["incidents"]][]) {
  const t = tallies[field];
  // A field no article of the set labels (the first set has no sub-types or roles) has no score.
  const unscored = t.predicted === 0 && t.gold === 0;
  const cell = (x: number, width: number) => (unscored ? "n/a" : x.toFixed(3)).padStart(width);
  console.log(`${field.padEnd(14)} ${cell(r.precision, 9)}  ${cell(r.recall, 6)}  ${cell(r.f1, 6)}   (${t.tp}/${t.predicted}/${t.gold})`);
}
console.log(JSON.stringify({ articles, ...report }));
