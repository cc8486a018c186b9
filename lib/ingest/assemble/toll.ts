/**
 * The death toll of an incident from the tolls of its sentences. ACLED counts every death of an event,
 * on both sides: the soldiers killed and the assailants "neutralised" add up, even when told in separate
 * sentences. Several figures for the same side are reports of one toll (the highest counts); a total
 * with its breakdown ("12 morts dont 5 soldats") is one figure; a toll claimed by the attackers counts
 * only when no one else gives one.
 */
import type { FatalityMention } from "../fatalities";

export interface SentenceToll {
  /** The sentence's toll (its groups added, or its total when it breaks one down). */
  count: number;
  mentions: FatalityMention[];
  /** Folded text of the sentence. */
  folded: string;
  /** Folded text of the whole article, where the mentions' offsets point. */
  article: string;
}

const CLAIM = /\b(revendiqu\w*|claim(?:ed|s|ing)?|propagande|propaganda|the group said|said it had killed|selon (?:le|les) (?:jnim|gsim|eigs|groupe|jihadistes|assaillants))\b/;
const BREAKDOWN = /\b(dont|parmi (eux|lesquels|elles)|including|among them|of whom)\b/;
// Deaths on the armed groups' side: the assailants, or those the forces "neutralised".
const ATTACKERS = /\b(assaillants?|terroristes?|jihadistes?|djihadistes?|islamistes?|insurges?|rebelles?|combattants?|militants?|attackers?|assailants?|gunmen|fighters|terrorists?|jihadists?|insurgents?|bandits?|hibou|neutralis\w*|hors d'etat de nuire)\b/;

// Dead counted without saying who they were: they may be the armed men another sentence counts.
const UNNAMED_DEAD = /^[^,;]*\b(?:personnes|people|persons|individus|victimes|victims|morts|dead|bodies|corps|deces|deaths)\b/;

/** Whether a death count is of the armed group's side. */
export function attackerSide(mention: FatalityMention, article: string): boolean {
  const after = article.slice(mention.end, mention.end + 25);
  // "tués par des combattants": the agent of the killing is not among the dead.
  const own = (t: string) => t.slice(0, t.search(/[,.;]|\b(?:par|by)\b|$/));
  return ATTACKERS.test(own(article.slice(mention.start, mention.end)) + own(after));
}

/** The incident's toll and the mentions it rests on; null when no sentence gives one. */
export function incidentToll(tolls: SentenceToll[]): { count: number | null; used: SentenceToll[] } {
  const independent = tolls.filter((t) => !CLAIM.test(t.folded));
  const used = independent.length > 0 ? independent : tolls;
  if (used.length === 0) return { count: null, used };
  let total = 0;
  let victims = 0;
  let attackers = 0;
  let victimsUnnamed = true;
  for (const t of used) {
    if (BREAKDOWN.test(t.folded) || t.mentions.length === 0) {
      total = Math.max(total, t.count);
      continue;
    }
    const side = (a: boolean) => t.mentions.filter((m) => attackerSide(m, t.article) === a).reduce((sum, m) => sum + m.count, 0);
    const theirs = t.mentions.filter((m) => !attackerSide(m, t.article));
    if (theirs.some((m) => !UNNAMED_DEAD.test(t.article.slice(m.start, m.end)))) victimsUnnamed = false;
    victims = Math.max(victims, side(false));
    attackers = Math.max(attackers, side(true));
  }
  // The same figure for "people" killed and armed men neutralised is one toll told twice ("une vingtaine de
  // personnes tuées" by a strike that "neutralised about twenty armed men"); named groups of one size add up.
  const sides = victims === attackers && victimsUnnamed ? victims : victims + attackers;
  return { count: Math.max(total, sides), used };
}
