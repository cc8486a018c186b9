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
import type { AssembleOptions, ExtractedIncident } from "./types";

export type { AssembleOptions, Evidence, ExtractedIncident, IncidentActorOut } from "./types";

/** Incidents of an article, in the order the article first reports them. */
export function assembleIncidents(text: string, options: AssembleOptions): ExtractedIncident[] {
  const facts = collectFacts(text, options);
  const { drafts, anaphorasByDraft } = buildDrafts(facts);
  let incidents: ExtractedIncident[] = [];
  for (const draft of drafts) {
    // A troop movement with neither a date nor a place of its own is commentary, not a development.
    const onlyDeployment = draft.candidates.every((c) => c.triggers.every((t) => t.rule.id === "deployment"));
    if (onlyDeployment && !draft.candidates.some((c) => c.ownDate || strongPlace(c))) continue;
    incidents.push(...finalize(draft, facts, anaphorasByDraft.get(draft) ?? []));
  }
  return dropBackground(dropOverviews(incidents), options.publishedAt ?? null);
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
