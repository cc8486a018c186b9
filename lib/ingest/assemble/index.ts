/**
 * Groups what the other steps found into incidents, in named steps: collect the article's facts
 * (facts.ts), find candidate events per sentence (candidates.ts), merge them into drafts across sentences
 * (merge.ts), then finalise each draft into a coded incident with its actors' roles (finalize.ts,
 * roles.ts). Each field keeps the sentence it came from.
 */
import { collectFacts } from "./facts";
import { strongPlace } from "./candidates";
import { buildDrafts } from "./merge";
import { dropOverviews, finalize } from "./finalize";
import { carryAttribution } from "./attribution";
import { foldHeadline } from "./headline";
import { articleArea } from "./place";
import { countryByCode } from "../gazetteer";
import type { ArticleFacts, AssembleOptions, Draft, ExtractedIncident } from "./types";

export type { AssembleOptions, Evidence, ExtractedIncident, IncidentActorOut } from "./types";

/** Incidents of an article, in the order the article first reports them. */
export function assembleIncidents(text: string, options: AssembleOptions): ExtractedIncident[] {
  const facts = collectFacts(text, options);
  const { drafts, anaphorasByDraft } = buildDrafts(facts);
  let incidents: ExtractedIncident[] = [];
  const told = drafts.filter((d) => !toldInPluperfect(d, facts));
  const hasNews = told.some((d) => d.family === "violence");
  for (const draft of drafts) {
    if (hasNews && !told.includes(draft)) continue;
    // A troop movement with neither a date nor a place of its own is commentary, not a development.
    const onlyDeployment = draft.candidates.every((c) => c.triggers.every((t) => t.rule.id === "deployment"));
    if (onlyDeployment && !draft.candidates.some((c) => c.ownDate || strongPlace(c))) continue;
    incidents.push(...finalize(draft, facts, anaphorasByDraft.get(draft) ?? []));
  }
  // ACLED codes no event without an actor1: a development the text ties to nobody (a tour, a decree, a
  // meeting of unnamed people) is commentary.
  incidents = incidents.filter((i) => i.eventType !== "Strategic developments" || i.actors.length > 0);
  const kept = dropBackground(mergeRetold(dropOverviews(foldHeadline(incidents, facts))), options.publishedAt ?? null);
  carryAttribution(kept, facts);
  regionFromArticle(kept, facts);
  return kept;
}

// "Le 17 mars, un drone avait détruit...", "cette attaque avait coûté la vie à un soldat": French news tells
// what happened before its story in the pluperfect. Not after "que" or "selon", where the pluperfect only
// follows the tense of a report ("l'armée a indiqué que des hommes armés avaient attaqué").
const PLUPERFECT = /\b(?:avait|avaient)\s+(?:(?:deja|aussi|egalement|ete)\s+){0,2}(?!(?:une?|des|les|le|la|du|lieu|deux|trois|plusieurs|pas|jamais|ete)\b)\p{L}+(?:e|ee|es|ees|i|is|u|us|t|ts)\b/u;
const REPORTED = /\b(?:que|qu'|selon|d'apres)\b/;

/** Whether every sentence of a draft tells its event in the pluperfect, outside reported speech. */
function toldInPluperfect(draft: Draft, facts: ArticleFacts): boolean {
  return draft.candidates.every((c) => {
    const t = c.triggers[0]!;
    const sentence = facts.folded.slice(c.sentence.start, c.sentence.end);
    const at = t.start - c.sentence.start;
    const around = sentence.slice(Math.max(0, at - 40), at + (t.end - t.start) + 40);
    const verb = around.search(PLUPERFECT);
    return verb >= 0 && !REPORTED.test(sentence.slice(0, Math.max(0, at - 40) + verb));
  });
}

/**
 * An incident placed only in its country takes the region the whole article is about, when every place
 * the article names there lies in one region (ACLED leaves admin1 empty only when even the region is
 * unknown). Done last, so that such an incident still counts as a country-level summary above.
 */
function regionFromArticle(incidents: ExtractedIncident[], facts: ArticleFacts): void {
  const code = facts.countryRanking[0];
  const country = code ? countryByCode(code) : undefined;
  if (!country) return;
  let area: ReturnType<typeof articleArea> | undefined;
  for (const i of incidents) {
    // A national development (an agreement, a withdrawal) has no region of its own.
    if (i.location !== null || i.admin1 !== null || i.country !== country.name || i.eventType === "Strategic developments") continue;
    area ??= articleArea(facts, code!);
    i.admin1 = area.admin1;
    i.admin1Reform = area.admin1Reform;
  }
}

/**
 * A headline or a later paragraph that tells the same violent event again (same type, place and day)
 * adds evidence to the first telling instead of a second incident; the higher stated toll wins.
 */
export function mergeRetold(incidents: ExtractedIncident[]): ExtractedIncident[] {
  const kept: ExtractedIncident[] = [];
  for (const incident of incidents) {
    const same =
      incident.eventType !== "Strategic developments" &&
      kept.find(
        (k) =>
          k.eventType === incident.eventType &&
          k.country === incident.country &&
          sameDay(k, incident) &&
          (sameScene(k, incident) || sameScene(incident, k)),
      );
    if (!same) {
      kept.push(incident);
      continue;
    }
    // The telling that fixes the day dates the event.
    if (same.datePrecision !== "day" && incident.datePrecision === "day") {
      same.eventDate = incident.eventDate;
      same.endDate = incident.endDate;
      same.datePrecision = incident.datePrecision;
    }
    const named = same.actors.some((x) => x.type === 2 || x.type === 3);
    for (const a of incident.actors) {
      if (named && a.name === "Unidentified Armed Group") continue;
      if (!same.actors.some((x) => x.name === a.name)) same.actors.push({ ...a, role: same.actors.length === 0 ? "actor1" : same.actors.length === 1 ? "actor2" : "associated" });
    }
    if (incident.fatalities !== null && (same.fatalities === null || incident.fatalities > same.fatalities)) same.fatalities = incident.fatalities;
    same.evidence.push(...incident.evidence.filter((e) => !same.evidence.some((x) => x.field === e.field && x.start === e.start)));
  }
  return kept;
}

/** The same day, or a week or month told loosely that holds the other's day. */
function sameDay(a: ExtractedIncident, b: ExtractedIncident): boolean {
  if (a.eventDate === b.eventDate) return true;
  if (!a.eventDate || !b.eventDate) return false;
  // A week is told from either end ("cette semaine" is dated by the publication day), a month from its first.
  const days = (x: ExtractedIncident, y: ExtractedIncident) => Math.abs(Date.parse(x.eventDate!) - Date.parse(y.eventDate!)) / 86_400_000;
  const holds = (loose: ExtractedIncident, day: ExtractedIncident) =>
    loose.datePrecision !== "day" &&
    day.datePrecision === "day" &&
    (loose.datePrecision === "week" ? days(loose, day) <= 6 : day.eventDate! >= loose.eventDate! && day.eventDate! <= periodEnd(loose.eventDate!, loose.datePrecision));
  return holds(a, b) || holds(b, a);
}

/**
 * Whether `b` tells the place of `a`: the same place, or only the district or region `a` lies in ("un
 * élu de la région de Koutiala" retelling the attack on a village of that district).
 */
function sameScene(a: ExtractedIncident, b: ExtractedIncident): boolean {
  // Two tellings placed in no locality, only the same region or country ("in central Mali"), are one event.
  if (a.location === null && b.location === null) return a.admin1 === b.admin1;
  const place = a.location ?? a.admin1;
  if (place === null) return false;
  if (place === (b.location ?? b.admin1)) return true;
  // Only an unlisted village is retold this way: a known one is named again by its own name.
  return a.latitude === null && b.location !== null && b.latitude !== null && (b.location === a.admin2 || b.location === a.admin1);
}

// News reports what just happened: an event the text dates months before publication is a recap told for
// context ("en 2019 déjà", "l'attaque de mars dernier"), not a new incident.
const BACKGROUND_DAYS = 90;

/** Drops violent events dated more than three months before publication, when the publication date is known. */
export function dropBackground(incidents: ExtractedIncident[], publishedAt: string | null): ExtractedIncident[] {
  if (!publishedAt) return incidents;
  const limit = new Date(`${publishedAt}T12:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() - BACKGROUND_DAYS);
  const cutoff = limit.toISOString().slice(0, 10);
  return incidents.filter((i) => {
    // Developments (agreements, withdrawals, patrols since a month) are dated by their start and stay.
    if (!i.eventDate || i.eventType === "Strategic developments") return true;
    // A period keeps its incident when it reaches into the last three months ("depuis mai", "en 2025").
    const last = i.endDate ?? periodEnd(i.eventDate, i.datePrecision);
    return last >= cutoff;
  });
}

function periodEnd(start: string, precision: ExtractedIncident["datePrecision"]): string {
  const [y, m] = start.split("-").map(Number) as [number, number];
  if (precision === "year") return `${y}-12-31`;
  if (precision === "month") return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (precision === "week") {
    const d = new Date(`${start}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }
  return start;
}
