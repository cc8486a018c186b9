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
  return dropOverviews(incidents);
}
