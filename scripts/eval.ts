/**
 * Scores the extractor on a labelled set: `npx tsx scripts/eval.ts [dir] [--texts <dir>] [--verbose]`, default
 * tests/fixtures/eval (<name>.json + <name>.txt; with --texts the .txt files are read from that folder, as
 * for the real-text set whose texts stay outside the repository; missing texts are listed and counted). Predicted incidents are paired with labelled ones (same
 * type and place first, then date), and each field gets precision (right among those predicted) and
 * recall (right among those labelled); unpaired incidents count against both. A field is scored on an
 * article only when its labels carry it (the first set has no sub-types, roles or geo-precision), and an
 * article labelled with no incidents counts every predicted field as a false positive. Prints a table,
 * then one JSON line with the figures; --verbose also prints each mismatch.
 */
import { join, resolve } from "node:path";
import { extractArticle, type ExtractedIncident } from "../lib/ingest/pipeline";
import { nameKey } from "../lib/ingest/normalize";
import { loadEvalSet, type GoldActor, type GoldIncident, type GoldArticle } from "./eval-set";

const FIELDS = ["eventDate", "eventType", "subEventType", "country", "admin1", "location", "geoPrecision", "actors", "actor1", "actor2", "fatalities"] as const;
type Field = (typeof FIELDS)[number];

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const textsAt = args.indexOf("--texts");
const textsArg = textsAt >= 0 ? args[textsAt + 1] : undefined;
if (textsAt >= 0 && (!textsArg || textsArg.startsWith("--"))) throw new Error("--texts needs a folder");
const dirArg = args.find((a, i) => !a.startsWith("--") && (textsAt < 0 || i !== textsAt + 1));
const dir = dirArg ? resolve(dirArg) : join(import.meta.dirname, "../tests/fixtures/eval");
const set = loadEvalSet(dir, textsArg ? resolve(textsArg) : dir);

const same = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? nameKey(a) === nameKey(b) : a === b;

const actorName = (a: GoldActor) => (typeof a === "string" ? a : a.name);
const goldRole = (g: GoldIncident, role: "actor1" | "actor2") =>
  g.actors.find((a): a is Exclude<GoldActor, string> => typeof a !== "string" && a.role === role)?.name ?? null;
const predictedRole = (p: ExtractedIncident, role: "actor1" | "actor2") => p.actors.find((a) => a.role === role)?.name ?? null;

/** Whether an article's labels carry a field at all. */
function labels(field: Field, gold: GoldArticle): boolean {
  if (gold.incidents.length === 0) return true;
  if (field === "subEventType") return gold.incidents.some((g) => g.subEventType !== undefined);
  if (field === "geoPrecision") return gold.incidents.some((g) => g.geoPrecision !== undefined);
  if (field === "actor1" || field === "actor2") return gold.incidents.some((g) => g.actors.some((a) => typeof a !== "string"));
  return true;
}

function valueOf(field: Exclude<Field, "actors">, x: ExtractedIncident | GoldIncident, isGold: boolean): unknown {
  if (field === "actor1" || field === "actor2") {
    return isGold ? goldRole(x as GoldIncident, field) : predictedRole(x as ExtractedIncident, field);
  }
  return (x as unknown as Record<string, unknown>)[field] ?? null;
}

function pairScore(p: ExtractedIncident, g: GoldIncident): number {
  return (same(p.eventType, g.eventType) ? 4 : 0) + (same(p.location, g.location) ? 3 : 0) + (same(p.eventDate, g.eventDate) ? 2 : 0) + (same(p.country, g.country) ? 1 : 0);
}

/** Greedy pairing, best-matching pairs first; a pair needs at least a shared type or place. */
function pairUp(predicted: ExtractedIncident[], gold: GoldIncident[]): [number, number][] {
  const options: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => options.push([pairScore(p, g), i, j])));
  options.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [score, i, j] of options) {
    if (score < 3 || usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/**
 * Recall per failure class of the real-text set (classes labelled on gold incidents): paired at all, and
 * paired at the labelled place, since a pair may rest on the event type alone.
 */
const byClass = new Map<number, { gold: number; found: number; atPlace: number }>();
function tallyClasses(classes: number[] | undefined, found: boolean, atPlace: boolean): void {
  for (const c of classes ?? []) {
    const t = byClass.get(c) ?? { gold: 0, found: 0, atPlace: 0 };
    t.gold++;
    if (found) t.found++;
    if (atPlace) t.atPlace++;
    byClass.set(c, t);
  }
}
/** Incidents predicted on each article labelled with none. */
const silent: number[] = [];

const tally = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, predicted: 0, gold: 0 }])) as Record<Field, { tp: number; predicted: number; gold: number }>;
const incidentTally = { tp: 0, predicted: 0, gold: 0 };

function count(field: Field, predictedValue: unknown, goldValue: unknown, where: string): void {
  const t = tally[field];
  const hasP = predictedValue !== null && predictedValue !== undefined;
  const hasG = goldValue !== null && goldValue !== undefined;
  if (hasP) t.predicted++;
  if (hasG) t.gold++;
  const right = hasG && same(predictedValue, goldValue);
  if (right) t.tp++;
  if (verbose && where && (hasP || hasG) && !right) console.log(`    ${where} ${field}: predicted ${JSON.stringify(predictedValue)}, labelled ${JSON.stringify(goldValue)}`);
}

for (const { id: file, gold, text, textChanged } of set.articles) {
  if (textChanged) console.log(`${file}: the text differs from the one the gold was coded on`);
  const result = extractArticle({ text, title: gold.title, publishedAt: gold.publishedAt, language: gold.language });
  const pairs = pairUp(result.incidents, gold.incidents);
  incidentTally.predicted += result.incidents.length;
  incidentTally.gold += gold.incidents.length;
  incidentTally.tp += pairs.length;
  console.log(`${file}: ${result.incidents.length} predicted, ${gold.incidents.length} labelled, ${pairs.length} paired`);
  const pairedP = new Set(pairs.map(([i]) => i));
  const pairedG = new Set(pairs.map(([, j]) => j));
  const pairOf = new Map(pairs.map(([i, j]) => [j, i]));
  gold.incidents.forEach((g, j) => {
    const i = pairOf.get(j);
    tallyClasses(g.classes, i !== undefined, i !== undefined && same(result.incidents[i]!.location ?? null, g.location));
  });
  if (gold.incidents.length === 0) silent.push(result.incidents.length);
  const scored = FIELDS.filter((f) => labels(f, gold));
  for (const [i, j] of pairs) {
    const p = result.incidents[i]!;
    const g = gold.incidents[j]!;
    const where = `#${j + 1}`;
    for (const field of scored) {
      if (field === "actors") {
        const pNames = new Set(p.actors.map((a) => nameKey(a.name)));
        const gNames = new Set(g.actors.map((a) => nameKey(actorName(a))));
        tally.actors.predicted += pNames.size;
        tally.actors.gold += gNames.size;
        for (const n of pNames) if (gNames.has(n)) tally.actors.tp++;
        if (verbose && ([...pNames].some((n) => !gNames.has(n)) || [...gNames].some((n) => !pNames.has(n)))) {
          console.log(`    ${where} actors: predicted ${JSON.stringify(p.actors.map((a) => `${a.name} (${a.role})`))}, labelled ${JSON.stringify(g.actors)}`);
        }
      } else if (field === "subEventType" && g.subEventType === undefined) {
        continue;
      } else if (field === "geoPrecision" && g.geoPrecision === undefined) {
        continue;
      } else {
        count(field, valueOf(field, p, false), valueOf(field, g, true), where);
      }
    }
  }
  result.incidents.forEach((p, i) => {
    if (pairedP.has(i)) return;
    if (verbose) console.log(`    unlabelled: ${p.eventDate} ${p.eventType}/${p.subEventType} at ${p.location ?? p.country} — ${p.summary.slice(0, 90)}`);
    for (const field of scored) {
      if (field === "actors") tally.actors.predicted += p.actors.length;
      else count(field, valueOf(field, p, false), null, "");
    }
  });
  gold.incidents.forEach((g, j) => {
    if (pairedG.has(j)) return;
    if (verbose) console.log(`    missed #${j + 1}: ${g.eventDate} ${g.eventType} at ${g.location}`);
    for (const field of scored) {
      if (field === "actors") tally.actors.gold += g.actors.length;
      else if ((field === "subEventType" && g.subEventType === undefined) || (field === "geoPrecision" && g.geoPrecision === undefined)) continue;
      else count(field, null, valueOf(field, g, true), "");
    }
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(3)));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : Number(((2 * p * r) / (p + r)).toFixed(3)));
const report: Record<string, { precision: number; recall: number; f1: number }> = {};
const add = (name: string, t: { tp: number; predicted: number; gold: number }) => {
  const precision = ratio(t.tp, t.predicted);
  const recall = ratio(t.tp, t.gold);
  report[name] = { precision, recall, f1: f1(precision, recall) };
};
add("incidents", incidentTally);
for (const field of FIELDS) add(field, tally[field]);
console.log(`\n${dir}\nfield          precision  recall      f1   (tp/predicted/labelled)`);
for (const [field, r] of Object.entries(report)) {
  const t = field === "incidents" ? incidentTally : tally[field as Field];
  // A field no article of the set labels (the first set has no sub-types or roles) has no score.
  const unscored = t.predicted === 0 && t.gold === 0;
  const cell = (x: number, width: number) => (unscored ? "n/a" : x.toFixed(3)).padStart(width);
  console.log(`${field.padEnd(14)} ${cell(r.precision, 9)}  ${cell(r.recall, 6)}  ${cell(r.f1, 6)}   (${t.tp}/${t.predicted}/${t.gold})`);
}
if (byClass.size > 0) {
  console.log("\nclass  incidents  paired (recall)  at the labelled place (recall)");
  for (const [c, t] of [...byClass].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(c).padStart(5)}  ${String(t.gold).padStart(9)}  ${String(t.found).padStart(6)} (${ratio(t.found, t.gold).toFixed(3)})  ${String(t.atPlace).padStart(21)} (${ratio(t.atPlace, t.gold).toFixed(3)})`);
  }
}
if (silent.length > 0) console.log(`\narticles with no labelled incident: ${silent.length}, of which silent: ${silent.filter((n) => n === 0).length}`);
if (set.missing.length > 0) {
  console.log(`\nMISSING TEXT for ${set.missing.length} of ${set.missing.length + set.articles.length} articles (not scored): ${set.missing.join(", ")}`);
}
console.log(JSON.stringify({ articles: set.articles.length, missingTexts: set.missing.length, ...report }));
