/**
 * The actor dictionary (data/actors.json plus aliases generated from nationality adjectives: "armée
 * malienne", "Senegalese troops", "gouvernement du Niger") and the actor finder. Generic references
 * ("jihadistes", "l'armée", "les deux pays") are returned as such and resolved by the assembler, which
 * knows the incident's country and the article's main countries.
 */
import raw from "./data/actors.json";
import { COUNTRIES, countryByCode } from "./gazetteer";
import { createPhraseIndex } from "./phrase-index";
import { foldKeepLength, nameKey, tokenize, type Token } from "./normalize";
import type { Language } from "./language";

export type ActorSpecial =
  | "unidentified"
  | "civilians"
  | "protesters"
  | "rioters"
  | "contextMilitary"
  | "contextPolice"
  | "contextGovernment"
  | "bothMilitary"
  | "bothGovernment";

export interface ActorEntry {
  name: string;
  /** ACLED inter code, 1 State forces ... 8 External/Other forces. */
  type: number;
  /** ISO code of the actor's country, when it has one. */
  country: string | null;
  aliases: string[];
  special?: ActorSpecial;
}

export interface ActorMention {
  actor: ActorEntry;
  start: number;
  end: number;
}

interface RawActor {
  name: string;
  type: number;
  country: string | null;
  aliases: string[];
  special?: ActorSpecial;
}

interface AliasTarget {
  actor: ActorEntry;
  language?: Language;
  /** "det:" aliases such as "militaires" are nouns only after a determiner or a number. */
  needsDeterminer: boolean;
}

const FR_ARTICLE: Record<string, string> = {
  ML: "du Mali", SN: "du Sénégal", MR: "de la Mauritanie", BF: "du Burkina Faso", NE: "du Niger",
  DZ: "de l'Algérie", CI: "de la Côte d'Ivoire", GN: "de la Guinée", NG: "du Nigeria", TD: "du Tchad",
};
const FR_MILITARY = ["armée", "armées", "forces armées", "soldats", "militaires", "troupes", "forces", "forces de défense et de sécurité", "FDS", "forces spéciales", "garde nationale", "aviation", "état-major"];
const FR_GOVERNMENT = ["gouvernement", "autorités", "président", "présidente", "chef de l'État", "Premier ministre", "ministre", "ministère", "junte", "diplomatie", "délégation", "État"];
const FR_POLICE = ["police", "policiers", "gendarmerie", "gendarmes", "garde nationale"];
const EN_MILITARY = ["army", "armed forces", "soldiers", "troops", "forces", "military", "security forces", "air force", "special forces"];
const EN_GOVERNMENT = ["government", "authorities", "president", "prime minister", "minister", "ministry", "junta", "delegation", "foreign minister", "defence minister", "defense minister"];
const EN_POLICE = ["police", "policemen", "gendarmerie", "gendarmes"];

const FR_ARTICLES = ["l'", "la ", "le ", "les "];

/** "armée malienne", "forces armées du Mali", "Malian troops", "army of Mali" for each country. */
function generatedStateActors(): ActorEntry[] {
  const actors: ActorEntry[] = [];
  for (const country of COUNTRIES) {
    const frAdjectives = country.demonyms.filter((d) => d === d.toLowerCase());
    const enAdjectives = country.demonyms.filter((d) => d !== d.toLowerCase());
    const of = FR_ARTICLE[country.code] ?? `du ${country.nameFr}`;
    // With their articles too: "l'armée", "the army" are aliases of the context's army, and the phrase
    // index keeps the match that starts first, so "l'armée nigérienne" needs its own entry to name Niger.
    const build = (fr: string[], en: string[]) => [
      ...fr.flatMap((role) => [...frAdjectives.map((adj) => `${role} ${adj}`), `${role} ${of}`]).flatMap((alias) => [alias, ...FR_ARTICLES.map((a) => `${a}${alias}`)]),
      ...en.flatMap((role) => [...enAdjectives.map((adj) => `en:${adj} ${role}`), `en:${role} of ${country.name}`, `en:the ${role} of ${country.name}`, `en:${country.name}'s ${role}`]),
    ];
    actors.push({ name: `Military Forces of ${country.name}`, type: 1, country: country.code, aliases: build(FR_MILITARY, EN_MILITARY) });
    actors.push({ name: `Government of ${country.name}`, type: 1, country: country.code, aliases: build(FR_GOVERNMENT, EN_GOVERNMENT) });
    actors.push({ name: `Police Forces of ${country.name}`, type: 1, country: country.code, aliases: build(FR_POLICE, EN_POLICE) });
  }
  return actors;
}

function mergeActors(curated: RawActor[], generated: ActorEntry[]): ActorEntry[] {
  const byName = new Map<string, ActorEntry>();
  for (const actor of [...generated, ...curated]) {
    const existing = byName.get(actor.name);
    if (existing) existing.aliases.push(...actor.aliases);
    else byName.set(actor.name, { ...actor, aliases: [...actor.aliases] });
  }
  return [...byName.values()];
}

export const ACTORS: readonly ActorEntry[] = mergeActors((raw as { actors: RawActor[] }).actors, generatedStateActors());

const actorByName = new Map(ACTORS.map((a) => [a.name, a]));

/** The dictionary entry of a canonical name ("Military Forces of Mali"), if any. */
export function actorByCanonicalName(name: string): ActorEntry | undefined {
  return actorByName.get(name);
}

/** The state actor of a country by kind, e.g. stateActor("military", "ML") = Military Forces of Mali. */
export function stateActor(kind: "military" | "government" | "police", countryCode: string): ActorEntry | undefined {
  const country = countryByCode(countryCode);
  if (!country) return undefined;
  const prefix = kind === "military" ? "Military Forces of" : kind === "government" ? "Government of" : "Police Forces of";
  return actorByName.get(`${prefix} ${country.name}`);
}

const index = createPhraseIndex<AliasTarget>();
const aliasKeys = new Map<string, ActorEntry[]>();
for (const actor of ACTORS) {
  for (const spec of actor.aliases) {
    const m = /^((?:en:|fr:|det:)*)(.*)$/.exec(spec)!;
    const prefix = m[1] ?? "";
    const alias = m[2]!;
    index.add(alias, {
      actor,
      language: prefix.includes("en:") ? "en" : prefix.includes("fr:") ? "fr" : undefined,
      needsDeterminer: prefix.includes("det:"),
    });
    const key = nameKey(alias);
    aliasKeys.set(key, [...(aliasKeys.get(key) ?? []), actor]);
  }
  const key = nameKey(actor.name);
  if (!actor.name.includes("{")) aliasKeys.set(key, [...(aliasKeys.get(key) ?? []), actor]);
}

/** Actors known by a name or alias (accents and case ignored). */
export function lookupActor(name: string): ActorEntry[] {
  return aliasKeys.get(nameKey(name)) ?? [];
}

const DETERMINERS =
  /^(les|des|de|d|aux|ces|nos|leurs|plusieurs|quelques|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|cent|dizaines|centaines|dizaine|vingtaine|trentaine|centaine|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozens|hundreds|scores|several|many|\d+)$/;

/** Actor names in a text with offsets; aliases of the other language are ignored. */
export function findActors(
  text: string,
  language: Language,
  folded = foldKeepLength(text),
  tokens: Token[] = tokenize(folded),
): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const match of index.find(text, folded, tokens)) {
    const previous = tokens[match.tokenStart - 1]?.text ?? "";
    const target = match.values.find(
      (t) => (!t.language || t.language === language) && (!t.needsDeterminer || DETERMINERS.test(previous)),
    );
    if (!target) continue;
    // "le JNIM, affilié à AQMI", "ISWAP, a faction of Boko Haram": a parent group that only describes the
    // named one is no second actor.
    const previousActor = mentions[mentions.length - 1];
    const descriptor =
      previousActor &&
      previousActor.actor.type === target.actor.type &&
      match.start - previousActor.end <= 60 &&
      AFFILIATION_BEFORE.test(folded.slice(previousActor.end, match.start));
    if (!descriptor) mentions.push({ actor: target.actor, start: match.start, end: match.end });
  }
  return withSpecificMilitia(withNigerForNigeria(withNationality(mentions, folded), folded));
}

const WORD_AFTER = /^\s+([\p{L}'-]+)/u;

/**
 * "les militaires français", "l'armée française": a generic force whose nationality follows is the force
 * of that name, not the army of the event's country. (Forces of the region's countries have their own
 * aliases; this reaches those named only as "<force> <nationality>", such as the French forces.)
 */
function withNationality(mentions: ActorMention[], folded: string): ActorMention[] {
  return mentions.map((m) => {
    if (m.actor.special !== "contextMilitary" && m.actor.special !== "contextPolice") return m;
    const word = WORD_AFTER.exec(folded.slice(m.end, m.end + 30));
    const named = word && lookupActor(`${folded.slice(m.start, m.end).replace(/^(?:les|la|le|l')\s*/, "")} ${word[1]}`).find((a) => !a.special);
    return named ? { actor: named, start: m.start, end: m.end + word[0].length } : m;
  });
}

const NIGER_NAMED = /\b(?:niger|niamey|nigerien\w*)\b/;
const NIGERIA_NAMED = /\bnigeria\b/;

/**
 * "the Nigerian army" in a text that names Niger and never Nigeria is Niger's army: English writers and
 * machine translation often use "Nigerian" for Niger, while a report about Nigeria names the country.
 */
function withNigerForNigeria(mentions: ActorMention[], folded: string): ActorMention[] {
  if (!mentions.some((m) => m.actor.country === "NG") || NIGERIA_NAMED.test(folded) || !NIGER_NAMED.test(folded)) return mentions;
  return mentions.map((m) => {
    if (m.actor.country !== "NG") return m;
    const niger = actorByName.get(m.actor.name.replace(/Nigeria$/, "Niger"));
    return niger ? { ...m, actor: niger } : m;
  });
}

const GENERIC_MILITIA = "Village Self-Defence Militia";

/**
 * "Koglweogo self-defence group", "the assailants were Koglweogo, self-defence groups": a generic
 * self-defence name next to a named communal militia describes it, and the text's other generic mentions
 * ("a vigilante militia was behind the massacre") are the same group. ACLED codes Koglweogo, Dozo and Dan Na
 * Ambassagou as actors of their own. Two different named militias so described leave the generic name alone.
 */
function withSpecificMilitia(mentions: ActorMention[]): ActorMention[] {
  const isSpecific = (m: ActorMention | undefined) => !!m && m.actor.type === 4 && m.actor.name !== GENERIC_MILITIA && !m.actor.special;
  const describedBy = (i: number): ActorEntry | undefined => {
    const m = mentions[i]!;
    const previous = mentions[i - 1];
    const next = mentions[i + 1];
    if (isSpecific(previous) && m.start - previous!.end <= 12) return previous!.actor;
    if (isSpecific(next) && next!.start - m.end <= 25) return next!.actor;
    return undefined;
  };
  const described = new Set<number>();
  const named = new Set<ActorEntry>();
  mentions.forEach((m, i) => {
    const actor = m.actor.name === GENERIC_MILITIA ? describedBy(i) : undefined;
    if (actor) {
      described.add(i);
      named.add(actor);
    }
  });
  if (named.size === 0) return mentions;
  const only = named.size === 1 ? [...named][0]! : undefined;
  return mentions
    .filter((_, i) => !described.has(i))
    .map((m) => (only && m.actor.name === GENERIC_MILITIA ? { ...m, actor: only } : m));
}

const AFFILIATION_BEFORE =
  /^[^.;]*\b(?:affilie|affiliee|affilies|affiliated|affiliate|lie|liee|lies|linked|proche|allie|alliee|branche|faction|emanation|filiale|loyal|rattache|rattachee|franchise|offshoot|splinter|ex-|ancien)\w*\s+(?:a |au |aux |a l'|de |du |d'|des |of |to |with |from )?(?:la |le |l'|the )?$/;
