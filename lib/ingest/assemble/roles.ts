/**
 * Step 4, actor roles: which actors an incident keeps (generic "l'armée" resolved to the country's forces,
 * ACLED's conventions where the text names nobody), and who is actor1 (the side that acted), actor2 (the
 * side that underwent it) and associated.
 */
import { stateActor, actorByCanonicalName, type ActorEntry, type ActorMention } from "../actors";
import type { EventType, SubEventType } from "../../incidents/taxonomy";
import { type IncidentActorOut, type Candidate, type Draft, type ArticleFacts, within, sentenceAt } from "./types";

export type RoleHint = "agent" | "patient" | null;

export interface ResolvedActor {
  actor: ActorEntry;
  mention: ActorMention | null;
  hint: RoleHint;
}

export const PASSIVE_BEFORE = /\b(?:a ete|ont ete|avait ete|avaient ete|ete|est|sont|etaient|etait|was|were|been|being|is|are|se sont|s'est|se fait)\s+(?:\p{L}+\s+)?$/u;
const DID_BEFORE = /\b(?:apres avoir|after (?:\p{L}+ing))\s+(?:attaque|pille|incendie|tue|enleve|attack|kill|loot|burn|storm|raid|abduct|kidnapp)\p{L}*\b[^.;]{0,60},\s*(?:les |des |the |l')?$/u;
export const REPELLED = /\b(?:repousse\w*|reagi (?:\S+ )?(?:face|a)|repelled|responded to|repulsed|fought off|fend(?:ed)? off|dejoue\w*|foiled|thwarted|push(?:ed|es)? back|beat back|riposte\w*|forced? (?:\S+ ){1,8}?to retreat|contraint (?:\S+ ){1,8}?(?:a|au) (?:repli|la retraite|la fuite)|mis en deroute|mis en fuite)\b/;
// "Cinq soldats sont morts dans une attaque", "five soldiers died in an attack": those who died underwent it.
const DIED_BETWEEN = /\b(?:died|were killed|have been killed|lost their lives|perished|sont morts?|ont peri|ont perdu la vie|ont trouve la mort|sont decedes|sont tombes)\b/;
// "des attaques attribuées au JNIM", "an attack blamed on ISWAP": the group named after is the attacker.
const AGENT_AFTER = /\b(?:par|by|attribuee?s?|imputee?s?|blamed on|claimed by)\b/;
export const NOUN_TRIGGER = /^(?:attaques?|attentats?|assauts?|offensives?|incursions?|raids?|embuscades?|affrontements?|combats?|attacks?|assaults?|ambush(?:es)?|clashes|offensive)$/;

/**
 * Who did it and to whom, from the sentence around an actor's mention: the subject of an active verb or
 * the agent after "par"/"by" acts; the object of an active verb, the subject of a passive one and what
 * follows "contre"/"against" undergoes. Null when the sentence does not say.
 */
export function roleHint(facts: ArticleFacts, mention: ActorMention): RoleHint {
  if (mention.actor.special === "civilians") return "patient";
  const sentence = sentenceAt(facts, mention.start);
  if (!sentence) return null;
  // "Après avoir attaqué la localité, les hommes armés ont...": the subject did what the clause before says.
  if (DID_BEFORE.test(facts.folded.slice(Math.max(sentence.start, mention.start - 90), mention.start))) return "agent";
  const triggers = within(facts.triggers, sentence.start, sentence.end).filter((t) => t.rule.kind !== "strategic" || t.rule.id === "arrest");
  if (triggers.length === 0) return null;
  const nearest = [...triggers].sort((a, b) => Math.min(Math.abs(a.start - mention.end), Math.abs(mention.start - a.end)) - Math.min(Math.abs(b.start - mention.end), Math.abs(mention.start - b.end)))[0]!;
  const f = facts.folded;
  const passive = PASSIVE_BEFORE.test(f.slice(Math.max(sentence.start, nearest.start - 30), nearest.start));
  if (mention.end <= nearest.start) {
    const gap = f.slice(mention.end, nearest.start);
    if (/\b(contre|against|visant|targeting)\b/.test(f.slice(Math.max(sentence.start, mention.start - 25), mention.start))) return "patient";
    if (passive || DIED_BETWEEN.test(gap)) return "patient";
    // "Les FAMa ont repoussé une attaque": the side that repelled it defended; the attackers acted (ACLED).
    if (REPELLED.test(f.slice(mention.end, nearest.end + 2))) return "patient";
    // Only the subject acts: the first actor named before the verb, not an object between them.
    // "Wagner et les FAMa ont tué...": actors joined by "et" share the subject.
    const before = facts.actors.filter((a) => a.start >= sentence.start && a.end <= mention.start && a.actor.special !== "civilians");
    const coordinated = (a: ActorMention, b: ActorMention) => /^\s*(?:,|et|and)\s+(?:les |la |le |l'|des |the )?$/.test(f.slice(a.end, b.start));
    let subject = mention;
    for (let i = before.length - 1; i >= 0 && coordinated(before[i]!, subject); i--) subject = before[i]!;
    if (before.some((a) => a.end <= subject.start)) return null;
    return gap.length <= 120 ? "agent" : null;
  }
  const gap = f.slice(nearest.end, mention.start);
  if (gap.length > 90) return null;
  if (AGENT_AFTER.test(gap) && !/\b(contre|against|visant|targeting)\b/.test(gap.slice(gap.search(AGENT_AFTER)))) return "agent";
  if (/\b(contre|against|visant|targeting|on|sur)\b/.test(gap)) return "patient";
  if (NOUN_TRIGGER.test(f.slice(nearest.start, nearest.end)) && /^\s*(?:(?:d[eu']|des|of)\s*(?:la |l')?)?$/.test(gap)) {
    // "l'attaque du JNIM", "une attaque terroriste" name the attacker; "l'attaque du poste de l'armée" the target.
    return [2, 3, 4].includes(mention.actor.type) ? "agent" : "patient";
  }
  return passive ? null : "patient";
}

export function resolveActors(draft: Draft, facts: ArticleFacts, countryCode: string | null, ranking: string[], eventType: EventType): ResolvedActor[] {
  const countryMentions: ActorMention[] =
    eventType === "Strategic developments"
      ? draft.candidates.flatMap((c) =>
          c.countryActors.flatMap((p) => {
            const government = stateActor("government", p.place.countryCode);
            return government ? [{ actor: government, start: p.start, end: p.end }] : [];
          }),
        )
      : [];
  const named = [...draft.candidates.flatMap((c) => c.actors), ...draft.followers.flatMap((f) => f.actors)];
  const mentions = [
    ...named,
    // A country named as the subject of a development stands for its government, unless its own forces are named.
    ...countryMentions.filter((m) => !named.some((n) => n.actor.country === m.actor.country)),
  ].sort((a, b) => a.start - b.start);
  const resolved: ResolvedActor[] = [];
  const add = (actor: ActorEntry | undefined, mention: ActorMention | null) => {
    if (actor && !resolved.some((r) => r.actor.name === actor.name)) resolved.push({ actor, mention, hint: mention ? roleHint(facts, mention) : null });
  };
  const topTwo = ranking.slice(0, 2);
  for (const mention of mentions) {
    const special = mention.actor.special;
    if (special === "contextMilitary" || special === "contextPolice") {
      const kind = special === "contextMilitary" ? "military" : "police";
      if (countryCode && !mentions.some((m) => m.actor.country === countryCode && m.actor.type === 1 && !m.actor.special)) {
        add(stateActor(kind, countryCode), mention);
      }
    } else if (special === "contextGovernment") {
      // "le gouvernement" without a country: the government of where it happens.
      if (countryCode) add(stateActor("government", countryCode), mention);
    } else if (special === "bothMilitary" || special === "bothGovernment") {
      for (const code of topTwo) add(stateActor(special === "bothMilitary" ? "military" : "government", code), mention);
    } else if (special === "unidentified") {
      // "jihadistes" is the named group when one is given; a militia they fight is not that group.
      const named = mentions.some((m) => !m.actor.special && m.actor.type === 2);
      if (!named) add(mention.actor, mention);
    } else if (special === "civilians") {
      if (eventType === "Violence against civilians" || eventType === "Explosions/Remote violence") add(mention.actor, mention);
    } else if (special === "protesters" || special === "rioters") {
      if (eventType === "Protests" || eventType === "Riots") add(mention.actor, mention);
    } else {
      add(mention.actor, mention);
    }
  }
  if (eventType === "Violence against civilians" && !resolved.some((r) => r.actor.type === 7)) {
    add(actorByCanonicalName("Civilians"), null);
  }
  return resolved;
}

/**
 * ACLED's conventions where the text leaves an actor out: a protest has its protesters; an air or drone
 * strike in the Sahel is the state's (the armed groups' drones are named as such when used); a bomb or
 * mine with no author named is an unidentified armed group's, and so is an attack on a military post. Protests keep only the crowd and the forces
 * that intervened.
 */
export function adjustActors(actors: ResolvedActor[], eventType: EventType, subEventType: SubEventType, countryCode: string | null, militaryTarget: boolean): void {
  const push = (actor: ActorEntry | undefined, hint: RoleHint, first = false) => {
    if (!actor || actors.some((a) => a.actor.name === actor.name)) return;
    if (first) actors.unshift({ actor, mention: null, hint });
    else actors.push({ actor, mention: null, hint });
  };
  if (eventType === "Protests" || eventType === "Riots") {
    const intervention = subEventType === "Protest with intervention" || subEventType === "Excessive force against protesters" || eventType === "Riots";
    for (let i = actors.length - 1; i >= 0; i--) {
      const a = actors[i]!.actor;
      const crowd = a.special === "protesters" || a.special === "rioters";
      const forces = a.type === 1 && !a.name.startsWith("Government");
      if (!crowd && !(intervention && forces)) actors.splice(i, 1);
    }
    push(actorByCanonicalName(eventType === "Riots" ? "Rioters" : "Protesters"), "agent", true);
    if (subEventType === "Excessive force against protesters") {
      actors.sort((a, b) => Number(a.actor.type !== 1) - Number(b.actor.type !== 1));
      for (const a of actors) a.hint = a.actor.type === 1 ? "agent" : "patient";
    } else {
      for (const a of actors) a.hint = a.actor.special === "protesters" || a.actor.special === "rioters" ? "agent" : "patient";
    }
    return;
  }
  if (subEventType === "Armed clash" && militaryTarget && countryCode) {
    // "une attaque a visé un détachement militaire": an unnamed group attacked. The army is left to be
    // named by the text (the Sandaré acceptance case codes only the attackers).
    if (!actors.some((a) => [2, 3, 4].includes(a.actor.type) && !stateSide(a.actor))) push(actorByCanonicalName("Unidentified Armed Group"), "agent", true);
  }
  if (subEventType === "Armed clash" && !actors.some((a) => [2, 3, 4].includes(a.actor.type) && !stateSide(a.actor))) {
    // A fight has two sides: an opponent the text does not name is an unidentified armed group.
    push(actorByCanonicalName("Unidentified Armed Group"), null);
  }
  // Civilians never initiate violence against civilians: when the text names no perpetrator, ACLED codes an
  // unidentified armed group ("des civils ont été tués à X").
  if (eventType === "Violence against civilians" && !actors.some((a) => a.actor.type !== 7)) {
    push(actorByCanonicalName("Unidentified Armed Group"), "agent", true);
  }
  if (subEventType === "Air/drone strike" && countryCode && !actors.some((a) => a.actor.type === 1 && a.hint !== "patient")) {
    push(stateActor("military", countryCode), "agent", true);
  }
  if (subEventType === "Remote explosive/landmine/IED" && !actors.some((a) => [2, 3].includes(a.actor.type))) {
    push(actorByCanonicalName("Unidentified Armed Group"), "agent", true);
    for (const a of actors) if (a.actor.type === 1 && a.hint === null) a.hint = "patient";
  }
}

/** actor1 acts, actor2 undergoes, the rest are associated; by mention order where the text says nothing. */
export function assignRoles(actors: ResolvedActor[], eventType: EventType): IncidentActorOut[] {
  const pool =
    eventType === "Violence against civilians"
      ? [...actors.filter((a) => a.actor.type !== 7), ...actors.filter((a) => a.actor.type === 7)]
      : actors;
  const victims = eventType === "Violence against civilians";
  const isPatient = (a: ResolvedActor) => a.hint === "patient" || (victims && a.actor.type === 7);
  const agents = pool.filter((a) => a.hint === "agent" && !isPatient(a));
  // National forces acting with their foreign allies lead; the allies are associated (ACLED).
  const national = agents.find((a) => a.actor.type === 1 && agents.some((b) => b !== a && b.actor.type === 8));
  const first = national ?? agents[0] ?? pool.find((a) => a.hint === null && !isPatient(a)) ?? pool[0];
  const rest = pool.filter((a) => a !== first);
  // The opponent: named as undergoing the event, else the first actor of another side (not an ally).
  const second =
    rest.find((a) => isPatient(a)) ??
    rest.find((a) => a.hint === null && !(first && sameSide(first.actor, a.actor))) ??
    rest.find((a) => a.hint !== "agent");
  const out: IncidentActorOut[] = [];
  if (first) out.push({ name: first.actor.name, role: "actor1", type: first.actor.type });
  if (second) out.push({ name: second.actor.name, role: "actor2", type: second.actor.type });
  for (const a of pool) if (a !== first && a !== second) out.push({ name: a.actor.name, role: "associated", type: a.actor.type });
  return out;
}

/** State forces and their auxiliaries or foreign partners fight on one side. */
export function sameSide(a: ActorEntry, b: ActorEntry): boolean {
  return stateSide(a) && stateSide(b);
}

/** State forces, their auxiliaries (VDP) and foreign partners. */
export function stateSide(x: ActorEntry): boolean {
  return x.type === 1 || x.type === 8 || x.name.startsWith("VDP");
}

export const TARGETED_MILITARY =
  /\b(?:(?:poste|camp|detachement|convoi|patrouille|base|position|garnison|caserne|brigade|checkpoint|positions)(?: militaires?| de l'armee| de la gendarmerie)?[^.;:]{0,40}?\b(?:a ete|ont ete|was|were|has been|have been)\s+(?:la cible|vise|visee|visees|vises|attaque|attaquee|attaques|attaquees|pris pour cible|prise pour cible|prise? dans une embuscade|tombee? dans une embuscade|attacked|targeted|ambushed|overrun)|(?:attaque|attaques|assaut|attack|attacks|assault|raid) (?:contre|on|against) (?:un|une|le|la|l'|les|des|a|an|the) ?(?:poste|camp|detachement|convoi|patrouille|base|position|garnison|caserne|military|army|outpost|convoy|patrol|checkpoint|barracks))/;

/** The event's first sentence says a military post, camp or convoy was the target. */
export function militaryTargeted(facts: ArticleFacts, candidate: Candidate): boolean {
  return TARGETED_MILITARY.test(facts.folded.slice(candidate.sentence.start, candidate.sentence.end));
}
