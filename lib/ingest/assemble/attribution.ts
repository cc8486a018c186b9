/**
 * Carrying a named perpetrator across the article. Press copy tells an attack with "des hommes armés" in
 * one sentence and who did it in another, often paragraphs away: "L'attaque a été revendiquée par le
 * JNIM", "attributed to ISWAP", "des présumés jihadistes de l'EIGS". Such an attribution names the
 * perpetrator of the article's violence; an incident that knew only an unidentified armed group takes it.
 */
import { actorByCanonicalName, type ActorEntry } from "../actors";
import { spanIndexAt } from "../spans";
import { type ArticleFacts, type ExtractedIncident, evidenceOf, sentenceAt } from "./types";

// A claim or a blame names the author of the event just told ("L'attaque a été revendiquée par le JNIM",
// "ISWAP claimed responsibility"); members of a group ("des présumés jihadistes de l'EIGS", "militants
// linked to JNIM") name the author only of what their own sentence tells, or of the event just before
// when their sentence tells none.
const CLAIM_BEFORE = /\b(?:revendiqu\w*|attribu\w*|imput\w*|accus\w*|blam\w*|claimed by|responsibility|se reclamant|reclamant)\b[^.;:!?]{0,24}$/;
const MEMBER_BEFORE =
  /\b(?:presum\w*|suppose\w*|soupconn\w*|suspected|alleged|elements|combattants|membres|jihadistes|djihadistes|islamistes|terroristes|insurges|hommes|militants|fighters|members|jihadists|insurgents|gunmen|lies?|liees?|linked|affilie\w*|affiliated|loyal\w*)\b[^.;:!?]{0,24}$/;
// "Le JNIM a revendiqué l'attaque", "ISWAP claimed responsibility".
const CLAIM_AFTER = /^[^.;:!?]{0,30}?\b(?:a revendique|ont revendique|revendique|claimed|claims|has claimed|said it (?:had )?carried out|took responsibility)\b/;
// "Aucun groupe n'a revendiqué", "the JNIM denied": no attribution.
const NEGATION = /\b(?:n'a pas|n'ont pas|pas encore|aucun|no group|not|denied|dementi|nie)\b/;

/** A named armed group the article makes the author of violence, where it says so. */
export interface Attribution {
  actor: ActorEntry;
  start: number;
  sentenceIndex: number;
  /** A claim or blame (refers back to the event just told), rather than membership. */
  claim: boolean;
  /** Its sentence tells violence of its own: membership named there qualifies that violence only. */
  ownEvent: boolean;
}

/** The attributions of an article, in text order. */
export function findAttributions(facts: Pick<ArticleFacts, "folded" | "actors" | "sentences" | "triggers">): Attribution[] {
  const out: Attribution[] = [];
  for (const m of facts.actors) {
    if (m.actor.special || ![2, 3, 4].includes(m.actor.type) || m.actor.name.startsWith("VDP")) continue;
    const sentenceIndex = spanIndexAt(facts.sentences, m.start);
    const sentence = facts.sentences[sentenceIndex];
    if (!sentence) continue;
    const before = facts.folded.slice(Math.max(sentence.start, m.start - 80), m.start);
    const after = facts.folded.slice(m.end, Math.min(sentence.end, m.end + 60));
    const claim = CLAIM_BEFORE.test(before) || CLAIM_AFTER.test(after);
    if (!claim && !MEMBER_BEFORE.test(before)) continue;
    if (NEGATION.test(facts.folded.slice(sentence.start, sentence.end))) continue;
    const ownEvent = facts.triggers.some((t) => t.start >= sentence.start && t.end <= sentence.end && t.rule.kind !== "strategic" && !t.anaphoric);
    out.push({ actor: m.actor, start: m.start, sentenceIndex, claim, ownEvent });
  }
  return out;
}

const UNIDENTIFIED = "Unidentified Armed Group";
const ROLE_ORDER = { actor1: 0, actor2: 1, associated: 2 } as const;
const ARMED_EVENTS = new Set(["Battles", "Violence against civilians", "Explosions/Remote violence"]);

/**
 * Incidents whose only perpetrator is an unidentified armed group take the group an attribution names: a
 * claim goes to the incidents told last before it (or to the first told, when it opens the article, as
 * in a headline); membership to those told in its own or a neighbouring sentence.
 */
export function carryAttribution(incidents: ExtractedIncident[], facts: ArticleFacts): void {
  const attributions = findAttributions(facts);
  if (attributions.length === 0) return;
  const armed = incidents
    .filter((i) => ARMED_EVENTS.has(i.eventType))
    .map((incident) => {
      const told = incident.evidence.find((e) => e.field === "eventType")?.start ?? 0;
      return { incident, told: spanIndexAt(facts.sentences, told) };
    });
  if (armed.length === 0) return;
  const first = Math.min(...armed.map((a) => a.told));
  for (const a of attributions) {
    const earlier = armed.filter((x) => x.told <= a.sentenceIndex).map((x) => x.told);
    const targets = a.claim
      ? armed.filter((x) => x.told === (earlier.length > 0 ? Math.max(...earlier) : first))
      : armed.filter((x) => x.told === a.sentenceIndex || (x.told === a.sentenceIndex - 1 && !a.ownEvent) || (earlier.length === 0 && x.told === first));
    for (const t of targets) name(t.incident, a, facts);
  }
}

function name(incident: ExtractedIncident, attribution: Attribution, facts: ArticleFacts): void {
  // A group claimed or blamed for the event initiated it, though the sentence made it the target.
  const named = incident.actors.findIndex((a) => a.name === attribution.actor.name);
  if (attribution.claim && named >= 0) {
    const first = incident.actors.findIndex((a) => a.role === "actor1");
    if (first >= 0 && first !== named) {
      const role = incident.actors[named]!.role;
      incident.actors[first] = { ...incident.actors[first]!, role };
      incident.actors[named] = { ...incident.actors[named]!, role: "actor1" };
      incident.actors.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    }
    return;
  }
  const slot = incident.actors.findIndex((a) => a.name === UNIDENTIFIED);
  if (slot < 0 || incident.actors.some((a) => [2, 4].includes(a.type))) return;
  const actor = actorByCanonicalName(attribution.actor.name) ?? attribution.actor;
  const role = incident.actors[slot]!.role;
  const already = incident.actors.findIndex((a) => a.name === actor.name);
  if (already >= 0) {
    // Named already, though not as the perpetrator: it takes the unidentified group's role.
    incident.actors[already] = { ...incident.actors[already]!, role };
    incident.actors.splice(slot, 1);
  } else {
    incident.actors[slot] = { name: actor.name, role, type: actor.type };
  }
  const sentence = sentenceAt(facts, attribution.start);
  if (sentence && !incident.evidence.some((e) => e.field === "actors" && e.start === sentence.start)) incident.evidence.push(evidenceOf("actors", sentence));
}
