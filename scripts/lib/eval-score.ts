/**
 * Scoring of the extractor on a labelled set (<name>.txt + <name>.json). Predicted incidents are paired
 * with labelled ones (same type and place first, then date), and each field gets precision (right among
 * those predicted) and recall (right among those labelled); unpaired incidents count against both. A field
 * is scored on an article only when its labels carry it (the first set has no sub-types, roles or
 * geo-precision), and an article labelled with no incidents counts every predicted field as a false
 * positive. Shared by `npm run eval` and the regression floors of the unit tests.
 */
import { extractArticle, type ExtractedIncident } from "../../lib/ingest/pipeline";
import { lookupPlace } from "../../lib/ingest/gazetteer";
import { nameKey } from "../../lib/ingest/normalize";
import { loadEvalSet, type GoldActor, type GoldArticle, type GoldIncident } from "./eval-set";

export const FIELDS = ["eventDate", "eventType", "subEventType", "country", "admin1", "location", "geoPrecision", "actors", "actor1", "actor2", "fatalities"] as const;
export type Field = (typeof FIELDS)[number];

export interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** A field on paired incidents only: right among the pairs whose label carries it ("on matched"). */
export interface Matched {
  right: number;
  labelled: number;
}

export interface SetScore {
  articles: number;
  /** Per field and "incidents": the figures and the counts behind them. */
  report: Record<"incidents" | Field, Score>;
  tallies: Record<"incidents" | Field, Tally>;
  /** Per field, how often a paired incident has it right: accuracy apart from finding the incident at all. */
  matched: Record<Field, Matched>;
  /** One line per article, and with `verbose` one per mismatch. */
  log: string[];
  /** Recall per failure class labelled on gold incidents: paired at all, and paired at the labelled place. */
  byClass: Map<number, { gold: number; found: number; atPlace: number }>;
  /** Incidents predicted on each article labelled with none. */
  silent: number[];
  /** Articles whose gold exists but whose text was not found (not scored). */
  missing: string[];
}

const same = (a: unknown, b: unknown) => (typeof a === "string" && typeof b === "string" ? nameKey(a) === nameKey(b) : a === b);
// Gold spells a place as its article does ("Boulkessy"), the extractor gives the gazetteer's name for it
// ("Boulkessi"): the same place when the gazetteer knows the labelled spelling as that place.
const samePlace = (predicted: unknown, gold: unknown) =>
  same(predicted, gold) ||
  (typeof predicted === "string" && typeof gold === "string" && lookupPlace(gold, undefined, { geonames: true }).some((e) => nameKey(e.name) === nameKey(predicted)));
const sameValue = (field: Field) => (field === "location" ? samePlace : same);
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
  return (same(p.eventType, g.eventType) ? 4 : 0) + (samePlace(p.location, g.location) ? 3 : 0) + (same(p.eventDate, g.eventDate) ? 2 : 0) + (same(p.country, g.country) ? 1 : 0);
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

const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(3)));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : Number(((2 * p * r) / (p + r)).toFixed(3)));

/** Extracts every article of a folder and scores it against its labels. */
export function scoreSet(dir: string, options: { verbose?: boolean; textsDir?: string } = {}): SetScore {
  const verbose = options.verbose ?? false;
  const log: string[] = [];
  const byClass: SetScore["byClass"] = new Map();
  const silent: number[] = [];
  const tallyClasses = (classes: number[] | undefined, found: boolean, atPlace: boolean) => {
    for (const c of classes ?? []) {
      const t = byClass.get(c) ?? { gold: 0, found: 0, atPlace: 0 };
      t.gold++;
      if (found) t.found++;
      if (atPlace) t.atPlace++;
      byClass.set(c, t);
    }
  };
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, predicted: 0, gold: 0 }])) as Record<Field, Tally>;
  const incidentTally: Tally = { tp: 0, predicted: 0, gold: 0 };
  const matched = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, labelled: 0 }])) as Record<Field, Matched>;

  const count = (field: Field, predictedValue: unknown, goldValue: unknown, where: string) => {
    const t = tally[field];
    const hasP = predictedValue !== null && predictedValue !== undefined;
    const hasG = goldValue !== null && goldValue !== undefined;
    if (hasP) t.predicted++;
    if (hasG) t.gold++;
    const right = hasG && sameValue(field)(predictedValue, goldValue);
    if (right) t.tp++;
    if (verbose && where && (hasP || hasG) && !right) log.push(`    ${where} ${field}: predicted ${JSON.stringify(predictedValue)}, labelled ${JSON.stringify(goldValue)}`);
  };

  const set = loadEvalSet(dir, options.textsDir ?? dir);
  for (const { id: file, gold, text, textChanged } of set.articles) {
    if (textChanged) log.push(`${file}: the text differs from the one the gold was coded on`);
    const result = extractArticle({ text, title: gold.title ?? undefined, publishedAt: gold.publishedAt, language: gold.language });
    const pairs = pairUp(result.incidents, gold.incidents);
    incidentTally.predicted += result.incidents.length;
    incidentTally.gold += gold.incidents.length;
    incidentTally.tp += pairs.length;
    log.push(`${file}: ${result.incidents.length} predicted, ${gold.incidents.length} labelled, ${pairs.length} paired`);
    const pairedP = new Set(pairs.map(([i]) => i));
    const pairedG = new Set(pairs.map(([, j]) => j));
    const pairOf = new Map(pairs.map(([i, j]) => [j, i]));
    gold.incidents.forEach((g, j) => {
      const i = pairOf.get(j);
      tallyClasses(g.classes, i !== undefined, i !== undefined && samePlace(result.incidents[i]!.location ?? null, g.location));
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
            log.push(`    ${where} actors: predicted ${JSON.stringify(p.actors.map((a) => `${a.name} (${a.role})`))}, labelled ${JSON.stringify(g.actors)}`);
          }
        } else if ((field === "subEventType" && g.subEventType === undefined) || (field === "geoPrecision" && g.geoPrecision === undefined)) {
          continue;
        } else {
          const [pv, gv] = [valueOf(field, p, false), valueOf(field, g, true)];
          count(field, pv, gv, where);
          if (gv !== null && gv !== undefined) {
            matched[field].labelled++;
            if (sameValue(field)(pv, gv)) matched[field].right++;
          }
        }
      }
    }
    result.incidents.forEach((p, i) => {
      if (pairedP.has(i)) return;
      if (verbose) log.push(`    unlabelled: ${p.eventDate} ${p.eventType}/${p.subEventType} at ${p.location ?? p.country} — ${p.summary.slice(0, 90)}`);
      for (const field of scored) {
        if (field === "actors") tally.actors.predicted += p.actors.length;
        else count(field, valueOf(field, p, false), null, "");
      }
    });
    gold.incidents.forEach((g, j) => {
      if (pairedG.has(j)) return;
      if (verbose) log.push(`    missed #${j + 1}: ${g.eventDate} ${g.eventType} at ${g.location}`);
      for (const field of scored) {
        if (field === "actors") tally.actors.gold += g.actors.length;
        else if ((field === "subEventType" && g.subEventType === undefined) || (field === "geoPrecision" && g.geoPrecision === undefined)) continue;
        else count(field, null, valueOf(field, g, true), "");
      }
    });
  }

  const tallies = { incidents: incidentTally, ...tally } as Record<"incidents" | Field, Tally>;
  const report = {} as Record<"incidents" | Field, Score>;
  for (const [name, t] of Object.entries(tallies) as ["incidents" | Field, Tally][]) {
    const precision = ratio(t.tp, t.predicted);
    const recall = ratio(t.tp, t.gold);
    report[name] = { precision, recall, f1: f1(precision, recall) };
  }
  return { articles: set.articles.length, report, tallies, matched, log, byClass, silent, missing: set.missing };
}
