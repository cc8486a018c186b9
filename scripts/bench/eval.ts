/**
 * Scores the extractor on a labelled set: `npx tsx scripts/bench/eval.ts [dir] [--texts <dir>] [--verbose]`, default
 * tests/fixtures/eval-dev-1 (<name>.json + <name>.txt; see scripts/lib/eval-score.ts for how). With --texts
 * the .txt files are read from that folder, as for the real-text set whose press texts stay outside the
 * repository; missing texts are listed and counted, never skipped silently. Prints a table, recall per
 * failure class when the gold labels classes, then one JSON line with the figures; --verbose also prints
 * each mismatch. It also prints figures per article, the way short event notes are measured: the share of
 * articles with an incident that yield at least one, and whether the best predicted incident of each has
 * the right country, admin1, date, event type and actor1. --no-title scores the set as if no headline came
 * with the texts (event notes have none, and a headline names the country and the kind of event).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extractArticle, type ExtractedIncident } from "../../lib/ingest/pipeline";
import { nameKey } from "../../lib/ingest/normalize";
import { scoreSet, type Field } from "../lib/eval-score";
import { loadEvalSet, type GoldIncident } from "../lib/eval-set";

const args = process.argv.slice(2);
const textsAt = args.indexOf("--texts");
const textsArg = textsAt >= 0 ? args[textsAt + 1] : undefined;
if (textsAt >= 0 && (!textsArg || textsArg.startsWith("--"))) throw new Error("--texts needs a folder");
const dirArg = args.find((a, i) => !a.startsWith("--") && (textsAt < 0 || i !== textsAt + 1));
const dir = dirArg ? resolve(dirArg) : join(import.meta.dirname, "../../tests/fixtures/eval-dev-1");
const noTitle = args.includes("--no-title");
const textsDir = textsArg ? resolve(textsArg) : dir;

/** With --no-title, a copy of the gold without headlines, so every figure below is taken without them. */
function goldWithoutTitles(from: string): string {
  const copy = mkdtempSync(join(tmpdir(), "vigie-eval-"));
  for (const f of readdirSync(from).filter((n) => n.endsWith(".json"))) {
    const gold = JSON.parse(readFileSync(join(from, f), "utf8")) as Record<string, unknown>;
    writeFileSync(join(copy, f), JSON.stringify({ ...gold, title: null }));
  }
  return copy;
}
const goldDir = noTitle ? goldWithoutTitles(dir) : dir;
const { articles, report, tallies, matched, log, byClass, silent, missing } = scoreSet(goldDir, {
  verbose: args.includes("--verbose"),
  textsDir,
});
for (const line of log) console.log(line);
const share = (a: number, b: number) => (b === 0 ? 1 : a / b).toFixed(3);
console.log(`\n${dir}\nfield          precision  recall      f1   (tp/predicted/labelled)   on matched`);
for (const [field, r] of Object.entries(report) as ["incidents" | Field, (typeof report)["incidents"]][]) {
  const t = tallies[field];
  // A field no article of the set labels (the first set has no sub-types or roles) has no score.
  const unscored = t.predicted === 0 && t.gold === 0;
  const cell = (x: number, width: number) => (unscored ? "n/a" : x.toFixed(3)).padStart(width);
  const m = field === "incidents" || field === "actors" ? null : matched[field];
  const onMatched = m && m.labelled > 0 ? `${share(m.right, m.labelled)} (${m.right}/${m.labelled})` : "";
  console.log(`${field.padEnd(14)} ${cell(r.precision, 9)}  ${cell(r.recall, 6)}  ${cell(r.f1, 6)}   ${`(${t.tp}/${t.predicted}/${t.gold})`.padEnd(18)}  ${onMatched}`);
}
if (byClass.size > 0) {
  console.log("\nclass  incidents  paired (recall)  at the labelled place (recall)");
  for (const [c, t] of [...byClass].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(c).padStart(5)}  ${String(t.gold).padStart(9)}  ${String(t.found).padStart(6)} (${share(t.found, t.gold)})  ${String(t.atPlace).padStart(21)} (${share(t.atPlace, t.gold)})`);
  }
}
if (silent.length > 0) console.log(`\narticles with no labelled incident: ${silent.length}, of which silent: ${silent.filter((n) => n === 0).length}`);
if (missing.length > 0) console.log(`\nMISSING TEXT for ${missing.length} of ${missing.length + articles} articles (not scored): ${missing.join(", ")}`);

// Per article, as event notes are measured: did it yield anything, and is its best incident right? The best
// predicted incident is the one agreeing with some labelled incident of the article on the most of the five
// fields; a field whose label is null on that incident is left out of that field's share.
const NOTE_FIELDS = ["country", "admin1", "eventDate", "eventType", "actor1"] as const;
type NoteField = (typeof NOTE_FIELDS)[number];
const fieldOf = (x: ExtractedIncident | GoldIncident, f: NoteField): string | null => {
  if (f !== "actor1") return x[f] ?? null;
  const a = (x.actors as (string | { name: string; role: string })[]).find((y) => typeof y !== "string" && y.role === "actor1");
  return a && typeof a !== "string" ? a.name : null;
};
const agree = (p: ExtractedIncident, g: GoldIncident, f: NoteField) => {
  const [a, b] = [fieldOf(p, f), fieldOf(g, f)];
  return a !== null && b !== null && nameKey(a) === nameKey(b);
};
const perNote = { withIncidents: 0, atLeastOne: 0 };
const bestRight = Object.fromEntries(NOTE_FIELDS.map((f) => [f, { right: 0, labelled: 0 }])) as Record<NoteField, { right: number; labelled: number }>;
for (const { gold, text } of loadEvalSet(goldDir, textsDir).articles) {
  if (gold.incidents.length === 0) continue;
  perNote.withIncidents++;
  const predicted = extractArticle({ text, title: gold.title ?? undefined, publishedAt: gold.publishedAt, language: gold.language }).incidents;
  if (predicted.length > 0) perNote.atLeastOne++;
  let best: { g: GoldIncident; p: ExtractedIncident | null; n: number } = { g: gold.incidents[0]!, p: null, n: -1 };
  for (const g of gold.incidents) {
    for (const p of predicted) {
      const n = NOTE_FIELDS.filter((f) => agree(p, g, f)).length;
      if (n > best.n) best = { g, p, n };
    }
  }
  for (const f of NOTE_FIELDS) {
    if (fieldOf(best.g, f) === null) continue;
    bestRight[f].labelled++;
    if (best.p && agree(best.p, best.g, f)) bestRight[f].right++;
  }
}
const noteFigures = {
  notesWithIncidents: perNote.withIncidents,
  atLeastOneIncident: Number(share(perNote.atLeastOne, perNote.withIncidents)),
  // A field no article labels has no share (a development set without roles has no actor1).
  best: Object.fromEntries(NOTE_FIELDS.map((f) => [f, bestRight[f].labelled === 0 ? null : Number(share(bestRight[f].right, bestRight[f].labelled))])),
};
console.log(`\nper article${noTitle ? " (no headline)" : ""}: at least one incident ${noteFigures.atLeastOneIncident.toFixed(3)} (${perNote.atLeastOne}/${perNote.withIncidents})`);
console.log(`best incident  ${NOTE_FIELDS.map((f) => `${f} ${noteFigures.best[f]?.toFixed(3) ?? "n/a"} (${bestRight[f].right}/${bestRight[f].labelled})`).join("  ")}`);
if (noTitle) rmSync(goldDir, { recursive: true, force: true });
const onMatched = Object.fromEntries(Object.entries(matched).filter(([, m]) => m.labelled > 0).map(([f, m]) => [f, Number(share(m.right, m.labelled))]));
console.log(JSON.stringify({ articles, missingTexts: missing.length, ...report, onMatched, perArticle: noteFigures }));
