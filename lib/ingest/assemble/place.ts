/**
 * Where an incident happened. A place the gazetteer knows gives its coordinates; a place it lacks ("le
 * village de X", "à X", "X (Koro, Mopti)") still gives the incident its location, with no coordinates
 * and the administrative areas the sentence, else the article, puts it in: an event is never dropped for
 * want of coordinates, and an analyst places it later. Contract: an unplaced incident has a non-null
 * `location` and null `latitude`/`longitude`.
 *
 * Geo-precision of an unplaced locality (ACLED's 2 is "a part of a region", 3 "only a larger region"): 2
 * when the text puts it in a known region or district, the village being a part of that region more
 * precise than the region itself; 3 when only its country is known. Placing it later makes it 1.
 */
import { lookupPlace, type PlaceEntry, type PlaceMention } from "../gazetteer";
import type { Sentence } from "../sentences";
import { type ArticleFacts, type ExtractedIncident, type NamedPlace, sentenceAt } from "./types";

const KIND_RANK: Record<PlaceEntry["kind"], number> = { locality: 0, admin2: 1, admin1: 2, country: 3 };

// A place name as written: capitalised words, hyphenated or joined by "du", "de", "el" ("Nioro du Sahel").
const NAME = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?: (?:du |de |de la |el |d')?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*){0,2}`;
const CUE =
  String.raw`(?:[Pp]ostes?(?: militaires?| avanc[ée]s?)?|[Cc]amps?(?: militaires?)?|[Gg]arnisons?|[Vv]illages?|[Ll]ocalit[ée]s?|[Hh]ameaux?|[Cc]ommunes? rurales?|[Cc]ommunes?|[Bb]ourgades?|[Vv]illes?|[Zz]one|[Ss]ecteur|[Dd]istrict|[Pp]r[èe]s|[Nn]on loin|[Àà] proximit[ée]|[Aa]ux environs|[Hh]amlets?|[Tt]owns?|[Ll]ocality|[Aa]rea|[Nn]ear|[Oo]utside)`;
// "le village peul de X": an adjective of people or position may stand between the cue and "de".
const CUE_ADJECTIVE = String.raw`(?:(?:peule?s?|peulhs?|dogons?|bambaras?|touaregs?|songha[iï]s?|mossis?|voisine?s?|natale?s?|frontali[eè]re?s?|proches?)\s+)?`;
// The people or militia of a place ("les VDP de Tansila", "residents of X"): the place only after "de"/"of",
// so a title-case headline ("Residents Flee Attack") names none.
const PEOPLE_CUE = String.raw`(?:[Hh]abitants|[Pp]opulations?|[Vv]illageois|VDP|[Ii]nhabitants|[Rr]esidents|[Vv]illagers)`;
const CUED_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:${CUE}\s+${CUE_ADJECTIVE}(?:de la |de l'|des |du |de |d'|d’|of (?:the )?)?|${PEOPLE_CUE}\s+(?:de la |de l'|des |du |de |d'|d’|of (?:the )?))(${NAME})`,
  "gu",
);
// "à X": French locative before a capitalised name the gazetteer lacks; a person after a verb of speech is no place.
// French capitals often drop the accent: "A Kobou, le poste..." opens a sentence with its scene.
const AT_NAME = new RegExp(String.raw`(?<![\p{L}])(?:[àÀ] (${NAME})|A (${NAME})(?=,))`, "gu");
// "Kobou, un village de la région de Mopti", "Kobou, a town 30 km from Djibo": the apposition says X is a place.
// "Kobou, localité située à 40 km de Djibo": the cue without its article, when "situé" or "located" follows.
const APPOSED_NAME = new RegExp(
  String.raw`(?<![\p{L}'’-])(${NAME}),\s+(?:(?:un|une|a|an)\s+(?:(?:petit|petite|small|remote|grand|gros|large)\s+)?(?:villages?|localit[ée]|hameau|commune|bourgade|ville|town|hamlet|locality|settlement)(?![\p{L}])|(?:villages?|localit[ée]|hameau|bourgade|town|hamlet|locality|settlement)\s+(?:situ[ée]e?|located|lying)\b)`,
  "gu",
);
// "ont attaqué Kobou", "l'attaque de Kobou", "raided Kobou": the place an attack is aimed at is its scene.
// "l'attaque du Mouvement" names the attacker, so only "de", "contre", "sur" lead to a place; and the name
// must end its noun phrase ("attacked Koranic students" names no place).
const ATTACKED_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:attaqu[ée]e?s?|assailli|pris d'assaut|envahi|investi|attaques? (?:de|d'|contre|sur)|assauts? (?:de|d'|contre|sur)|massacres? (?:de|d')|tueries? (?:de|d')|attacked|raided|stormed|overran|attacks? on|raids? on|assaults? on|massacres? (?:in|at|of))\s*(?:(?:le |la |les |l'|l’|the )?(?:village |localit[ée] |town |hamlet )?(?:de |d'|d’|of )?)?(${NAME})(?=\s*(?:[,.;:!?)«»"]|$)|\s+(?:in|near|on|at|and|killing|leaving|village|town|army|military|camp|base|post|outpost|checkpoint|dans|pr[èe]s|[àa]|au|et|tuant|faisant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|situ\p{L}*|located)\b)`,
  "gu",
);
// Peoples and adjectives of nations, capitalised in English and sometimes in French: never a place.
const NOT_A_PLACE_NAME = /^(?:Attacks?|Attaques?|Army|Arm[ée]e|\p{L}+(?:ians?|iens?|iennes?|ais|aises?|ese|ois|oises?)|French|Burkinab[eè]s?|Dogons?|Peul\w*|Fulani|Touaregs?|Tuaregs?|Arabs?|Bambaras?|Songha\w*|Mossis?|Islamic|Islamist\w*|Jihadist\w*|Djihadist\w*)\b/u;
// "Kobou village", "Kobou town": English puts the cue after the name.
const NAME_THEN_CUE = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME})\s+(?:village|town|hamlet|locality|settlement)\b`, "gu");
// "in X", "at X": the English locative, read like "à X" (around violence only).
const IN_NAME = new RegExp(String.raw`(?<![\p{L}])(?:in|at) (${NAME})`, "gu");
const MONTH_NAME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Janvier|Février|Fevrier|Mars|Avril|Mai|Juin|Juillet|Août|Aout|Septembre|Octobre|Novembre|Décembre|Decembre)\b/;
const SPEECH_BEFORE = /\b(?:declare|indique|confie|dit|explique|annonce|rapporte|precise|affirme|selon|hommage|appel|envoye|adresse|succede|rendu|reprochent|demande)\w*\s+$/;
const NOT_PLACES = new Set(["reuters", "afp", "rfi", "ap", "bbc", "jeune afrique", "l'afp", "dieu", "allah", "twitter", "facebook", "whatsapp", "telegram", "youtube", "tiktok"]);
// Read back from each "(": the name just before it (starting at a word's start) and what the parenthesis holds.
const NAME_BEFORE_PAREN = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME})\s*$`, "u");
const PAREN_BODY = /^\(([^()\n]{2,80})\)/;
// Capitalised function words a name match may start with ("À Toroli", "Le village").
const LEADING_WORDS = /^(?:(?:À|A|Au|Aux|Le|La|Les|L'|Dans|Près|En|In|At|On|Near|The|Des|De|Du|D')\s+)+/u;

const DIRECTION = /^(?:(?:le |the )?(?:centre|center|nord|sud|est|ouest|north|south|east|west)(?:[- ](?:est|ouest|east|west))?(?: du pays| of the country)?)$/i;

/** The known entry of a parenthesised area ("Koro", "cercle de Koro", "région de Mopti"), most specific first. */
function areaEntries(part: string): PlaceEntry[] {
  const kind = /^(?:la |le )?(?:r[ée]gion|wilaya)\b/i.test(part.trim()) ? "admin1" : /^(?:le |la )?(?:cercle|pr[ée]fecture|d[ée]partement)\b/i.test(part.trim()) ? "admin2" : null;
  const name = part.trim().replace(/^(?:la |le )?(?:région|region|cercle|province|préfecture|département|commune|district|wilaya)\s+(?:de la |de l'|du |de |d'|of )?/i, "");
  const entries = lookupPlace(name, undefined, { geonames: true }).filter((p) => p.kind !== "locality" || lookupPlace(p.name, "admin2").length > 0 || p.origin === "curated");
  // "région de Mopti" is the region, not the cercle of the same name.
  const ofKind = kind ? entries.filter((p) => p.kind === kind) : [];
  return ofKind.length > 0 ? ofKind : entries;
}

/**
 * "X (Koro, Mopti)", "X (cercle de Koro)", "X (Mali)": the parenthesis gives the district and region of X.
 * Returns the mentions inside such parentheses (context, never the incident's place) and each X with the
 * area that qualifies it; X keeps its gazetteer entry when one agrees with the area.
 */
export function parentheticalPlaces(text: string, places: PlaceMention[]): { context: PlaceMention[]; named: NamedPlace[]; placed: Map<PlaceMention, PlaceEntry> } {
  const context: PlaceMention[] = [];
  const named: NamedPlace[] = [];
  const placed = new Map<PlaceMention, PlaceEntry>();
  if (!text.includes("(")) return { context, named, placed };
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    const body = PAREN_BODY.exec(text.slice(open, open + 84));
    if (!body) continue;
    const windowStart = Math.max(0, open - 80);
    const before = NAME_BEFORE_PAREN.exec(text.slice(windowStart, open));
    if (!before) continue;
    const inner = body[1]!;
    // "(région de Mopti, centre)": a direction says where in the country, it is no region's name.
    const parts = inner.split(/[,;/]| - /).map((p) => p.trim()).filter((p) => p && !DIRECTION.test(p));
    if (parts.length === 0 || parts.length > 3) continue;
    const entries = parts.map(areaEntries);
    if (entries.some((e) => e.length === 0)) continue;
    // The area: the first part read as a district (or a town that is one), checked against the region after it.
    const region = parts.length > 1 ? entries[entries.length - 1]! : [];
    const first = entries[0]!.sort((a, b) => rankArea(a) - rankArea(b));
    const area =
      first.find((e) => region.length === 0 || region.some((r) => r.kind === "country" ? r.countryCode === e.countryCode : sameArea(r, e))) ?? first[0]!;
    const lead = LEADING_WORDS.exec(before[1]!)?.[0] ?? "";
    const name = before[1]!.slice(lead.length);
    if (!name) continue;
    const nameStart = windowStart + before.index + lead.length;
    const innerStart = open;
    const innerEnd = open + body[0].length;
    for (const p of places) if (p.start >= innerStart && p.end <= innerEnd) context.push(p);
    const known = places.find((p) => p.end === nameStart + name.length && p.start >= nameStart);
    const entriesOfKnown = known ? [known.place, ...known.alternatives].filter((e) => sameArea(area, e) || sameArea(e, area)) : [];
    const agreeing = entriesOfKnown.find((e) => e.kind === "locality") ?? entriesOfKnown[0];
    if (known && agreeing) placed.set(known, agreeing);
    else {
      const start = known?.start ?? nameStart;
      named.push({ name: text.slice(start, nameStart + name.length), start, end: nameStart + name.length, context: area });
      if (known) context.push(known);
    }
  }
  return { context, named, placed };
}

function rankArea(p: PlaceEntry): number {
  return p.kind === "admin2" ? 0 : p.kind === "locality" ? 1 : p.kind === "admin1" ? 2 : 3;
}

/** Whether `inner` lies in `outer` (same country, and same region or district where `outer` has one). */
function sameArea(outer: PlaceEntry, inner: PlaceEntry): boolean {
  if (outer.countryCode !== inner.countryCode) return false;
  if (outer.kind === "country") return true;
  const region = (p: PlaceEntry) => [p.admin1, p.admin1Reform].filter(Boolean);
  if (!region(outer).some((r) => region(inner).includes(r))) return false;
  return outer.kind === "admin1" || !outer.admin2 || outer.admin2 === inner.admin2 || inner.kind === "admin1";
}

const AREA_BEFORE = /\b(?:cercle|commune|province|region|departement|prefecture)\s+(?:de |du |d')$/;

/**
 * A locality the sentence names that the gazetteer lacks: after "le village de", "la localité de",
 * "près de", "in the town of"..., after "à", or qualified by a parenthesis. Null when every place named
 * is known.
 */
export function findUnknownPlace(
  facts: Pick<ArticleFacts, "text" | "folded" | "places" | "actors" | "named">,
  start: number,
  end: number,
  violent: boolean,
): NamedPlace | null {
  const { text, folded } = facts;
  // "X (Koro, Mopti)" names an unlisted X; a known district before its region ("Cercle de Koro (Mopti)") is
  // no unlisted place.
  const named = facts.named.find((n) => n.start >= start && n.end <= end && !AREA_BEFORE.test(folded.slice(Math.max(0, n.start - 30), n.start)));
  if (named) return named;
  const slice = text.slice(start, end);
  const usable = (name: string, nameStart: number) =>
    // A known place inside the name ("On Tuesday Boni") makes it no unlisted one.
    !facts.places.some((p) => p.start < nameStart + name.length && p.end > nameStart) &&
    !facts.actors.some((a) => a.start < nameStart + name.length && nameStart < a.end) &&
    !NOT_PLACES.has(name.toLowerCase()) &&
    lookupPlace(name).length === 0 &&
    !MONTH_NAME.test(name) &&
    !NOT_A_PLACE_NAME.test(name) &&
    !/^(?:Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|Le|La|Les|Un|Une|A|An)\b/.test(name);
  // A bare "à X" is read as a place only around violence: "a transmis à X" in a visit names a person.
  // The rarer forms are tried only when their cue word is in the sentence at all (a cheap look first).
  const foldedSlice = folded.slice(start, end);
  const postposed = /\b(?:village|town|hamlet|locality|settlement)\b/.test(foldedSlice);
  const english = / (?:in|at) \S/.test(foldedSlice);
  const apposed = /, (?:(?:une?|an?) |(?:villages?|localite|hameau|bourgade|town|hamlet|locality|settlement) (?:situee?|located|lying)\b)/.test(foldedSlice);
  const patterns = [CUED_NAME, ...(apposed ? [APPOSED_NAME] : []), ...(postposed ? [NAME_THEN_CUE] : []), ...(violent ? [ATTACKED_NAME, AT_NAME, ...(english ? [IN_NAME] : [])] : [])];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      const raw = m[1] ?? m[2]!;
      const name = raw.replace(/[’']$/, "");
      const nameStart = start + m.index + m[0].length - raw.length;
      if ((pattern === AT_NAME || pattern === IN_NAME) && SPEECH_BEFORE.test(folded.slice(Math.max(start, nameStart - 40), nameStart - 2))) continue;
      if (usable(name, nameStart)) return { name, start: nameStart, end: nameStart + name.length, context: null, cued: pattern !== AT_NAME && pattern !== IN_NAME };
    }
  }
  return null;
}

/** The area around an unlisted locality: its parenthesis, else the sentence's most specific known place, else the article's. */
export function contextOf(unknown: NamedPlace, facts: ArticleFacts, sentence: Sentence | undefined): { country: string | null; admin1: string | null; admin1Reform: string | null; admin2: string | null } {
  const fromEntry = (p: PlaceEntry) => ({
    country: p.countryCode,
    admin1: p.admin1,
    admin1Reform: p.admin1Reform,
    admin2: p.kind === "admin2" || p.kind === "locality" ? p.admin2 : null,
  });
  if (unknown.context) return fromEntry(unknown.context);
  if (sentence) {
    const around = facts.places
      .filter((p) => p.start >= sentence.start && p.end <= sentence.end && p.place.kind !== "country" && !facts.contextPlaces.has(p))
      // "(about 60 km from Niamey)": a town that measures the distance does not contain the village.
      .sort((a, b) => Number(!!a.landmark) - Number(!!b.landmark) || KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] || Math.abs(a.start - unknown.start) - Math.abs(b.start - unknown.start))[0];
    if (around) return fromEntry(around.place);
  }
  return articleArea(facts, facts.countryRanking[0] ?? null);
}

/** The article's region and district when every place it names in the country agrees on them. */
export function articleArea(facts: ArticleFacts, country: string | null): { country: string | null; admin1: string | null; admin1Reform: string | null; admin2: string | null } {
  // A town a distance is measured from lies outside the area of the events.
  const areas = facts.places.filter((p) => p.place.kind !== "country" && !p.landmark && p.start >= (facts.sentences[0]?.start ?? 0)).map((p) => p.place);
  const inCountry = areas.filter((p) => p.countryCode === country);
  const one = (values: (string | null)[]) => (values.length > 0 && values.every((v) => v && v === values[0]) ? values[0]! : null);
  const admin1 = one(inCountry.map((p) => p.admin1));
  return {
    country,
    admin1,
    admin1Reform: admin1 ? one(inCountry.map((p) => p.admin1Reform)) : null,
    admin2: admin1 ? one(inCountry.map((p) => (p.kind === "admin2" || p.kind === "locality" ? p.admin2 : null))) : null,
  };
}

/**
 * A name shared by places of several countries ("Sokolo" in Mali and in Côte d'Ivoire): the country the
 * sentence names wins, then the one the article speaks of most.
 */
export function rankByCountry(places: PlaceMention[], sentences: Sentence[], ranking: string[]): PlaceMention[] {
  return places.map((m) => {
    const same = [m.place, ...m.alternatives].filter((e) => e.kind === m.place.kind);
    if (new Set(same.map((e) => e.countryCode)).size < 2) return m;
    const sentence = sentences.find((s) => m.start >= s.start && m.start < s.end);
    const named = new Set(places.filter((p) => p.place.kind === "country" && sentence && p.start >= sentence.start && p.end <= sentence.end).map((p) => p.place.countryCode));
    const rank = (code: string) => (named.has(code) ? -1 : ranking.includes(code) ? ranking.indexOf(code) : ranking.length);
    const best = [...same].sort((a, b) => rank(a.countryCode) - rank(b.countryCode))[0]!;
    return best === m.place ? m : { ...m, place: best, alternatives: [m.place, ...m.alternatives].filter((e) => e !== best) };
  });
}

/** Where one incident is placed: a known place, an unlisted locality, or only a country. */
export interface Spot {
  mention?: PlaceMention;
  entry?: PlaceEntry;
  unknown?: NamedPlace;
  sentence?: Sentence;
}

// "Kayes, Nioro et Diboli", "de Boni et de Douentza", "à Kayes et à Diéma".
const LIST_GAP = /^\s*(?:,\s*(?:et\s+|and\s+)?|et\s+|and\s+)(?:de |d'|du |a |in |at )?$/;
// "les camps de Boni et de Douentza" lists targets; "la route de Boni, Douentza" does not.
const LIST_BEFORE = /\b(?:entre|between|axes?|troncons?|route|reliant|from)\s+(?:de |d'|du )?$/;

/**
 * "des attaques simultanées contre Kayes, Nioro du Sahel, Sandaré et Diboli": the localities a violent
 * sentence lists, one incident each (ACLED codes a coordinated attack once per locality). Fewer than two:
 * no list. A list after "entre" or "axe" names a road, not targets.
 */
export function listedSpots(facts: ArticleFacts, sentence: Sentence): Spot[] {
  const spots: { start: number; end: number; spot: Spot }[] = [];
  for (const p of facts.places) {
    if (p.start < sentence.start || p.end > sentence.end || facts.contextPlaces.has(p)) continue;
    if (p.place.kind === "locality" || p.place.kind === "admin2") spots.push({ start: p.start, end: p.end, spot: { mention: p, entry: p.place, sentence } });
  }
  for (const n of facts.named) if (n.start >= sentence.start && n.end <= sentence.end) spots.push({ start: n.start, end: n.end, spot: { unknown: n, sentence } });
  for (const n of namedInPluralCue(facts, sentence)) {
    if (!spots.some((x) => x.start < n.end && n.start < x.end)) spots.push({ start: n.start, end: n.end, spot: { unknown: n, sentence } });
  }
  spots.sort((a, b) => a.start - b.start);
  let best: typeof spots = [];
  let run: typeof spots = [];
  spots.forEach((s, k) => {
    const last = run[run.length - 1];
    const next = spots[k + 1];
    // "à Diboli, Kayes": the district or region after a place situates it, unless the list goes on after it
    // ("Diboli, Kayes et Nioro").
    const listGoesOn = !!next && LIST_GAP.test(facts.folded.slice(s.end, next.start));
    if (last && !listGoesOn && situates(s.spot, last.spot) && /^\s*,\s*$/.test(facts.folded.slice(last.end, s.start))) return;
    if (last && LIST_GAP.test(facts.folded.slice(last.end, s.start))) run.push(s);
    else run = [s];
    if (run.length > best.length) best = [...run];
  });
  if (best.length < 2) return severalAttacks(facts, sentence, spots);
  if (LIST_BEFORE.test(facts.folded.slice(Math.max(sentence.start, best[0]!.start - 20), best[0]!.start))) return [];
  return best.map((s) => s.spot);
}

// "Deux attaques simultanées contre le camp de Boulkessy et contre une position à Mondoro": as many events
// as places attacked, however far apart the sentence names them.
const SEVERAL_ATTACKS = /\b(?:(?:deux|trois|quatre|cinq|two|three|four|five|\d+) (?:attaques|attacks|assauts|assaults|raids|embuscades|ambushes)|(?:attaques|assauts|embuscades) (?:simultanees|coordonnees|concomitantes|complexes et simultanees)|(?:simultaneous|coordinated|twin) (?:attacks|assaults|raids|ambushes))\b/;
// The place is the scene: "à X", "in X", "at X", "le camp de X".
const SCENE_OF_LIST = /\b(?:contre|sur|on|against|attaques?|attacks?|assauts?)\b[^,;.]{0,45}?(?:\b(?:a|au|in|at)|\b(?:camp|poste|base|position|village|localite|town) (?:militaire )?(?:de|d'|of))\s*$/;
const AFTER_ATTACKS = /\b(?:apres|after|suite a|following)\s+$/;

function severalAttacks(facts: ArticleFacts, sentence: Sentence, spots: { start: number; end: number; spot: Spot }[]): Spot[] {
  const folded = facts.folded.slice(sentence.start, sentence.end);
  const several = SEVERAL_ATTACKS.exec(folded);
  // "Après deux attaques à Boni, l'armée a renforcé...": earlier attacks frame another event.
  if (!several || AFTER_ATTACKS.test(folded.slice(Math.max(0, several.index - 20), several.index))) return [];
  // Each place must be where an attack went, each "contre X", "attaque de X", "attaques ... à X".
  const scenes = spots.filter((s) => !s.spot.mention?.landmark && !s.spot.mention?.near && SCENE_OF_LIST.test(facts.folded.slice(Math.max(sentence.start, s.start - 60), s.start)));
  const names = new Set(scenes.map((s) => s.spot.entry?.name ?? s.spot.unknown?.name));
  return scenes.length >= 2 && names.size === scenes.length ? scenes.map((s) => s.spot) : [];
}

const PLURAL_CUE = /\b(?:villages|localites|hameaux|campements|zones|secteurs|localities|hamlets|areas)\b/;
// "les villages de X, Y et Z", "les deux villages attaqués X et Y", "les villages X et Y", "dans 4 villages : X,
// Y, Z", "trois villages ont été attaqués jeudi dans le Yatenga : X, Y et Z".
const PLURAL_CUED_LIST = new RegExp(
  String.raw`(?<![\p{L}])(?:[Vv]illages|[Ll]ocalit[ée]s|[Hh]ameaux|[Cc]ampements|[Zz]ones|[Ss]ecteurs|[Ll]ocalities|[Hh]amlets|[Aa]reas)\s+${CUE_ADJECTIVE}(?:(?:attaqu[ée]s|touch[ée]s|vis[ée]s|cibl[ée]s|concern[ée]s|suivante?s|attacked|targeted|affected|hit)\s+)?(?:[^.;:\n]{0,80}?:\s*)?(?:de |d'|d’|of |du |des )?(${NAME}(?:(?:\s*,\s*|\s+et\s+|\s+and\s+)(?:de |d'|d’|du |des |of )?${NAME}){1,8})`,
  "gu",
);
const LIST_SEPARATOR = new RegExp(String.raw`(?:\s*,\s*|\s+et\s+|\s+and\s+)(?:de |d'|d’|du |des |of )?`, "gu");

/** "dans les localités d'Intazayene, de Woursanat et de Bakorat": the unlisted places a plural cue lists. */
function namedInPluralCue(facts: ArticleFacts, sentence: Sentence): NamedPlace[] {
  if (!PLURAL_CUE.test(facts.folded.slice(sentence.start, sentence.end))) return [];
  const out: NamedPlace[] = [];
  const slice = facts.text.slice(sentence.start, sentence.end);
  PLURAL_CUED_LIST.lastIndex = 0;
  for (let m = PLURAL_CUED_LIST.exec(slice); m; m = PLURAL_CUED_LIST.exec(slice)) {
    const listStart = sentence.start + m.index + m[0].length - m[1]!.length;
    let at = 0;
    const list = m[1]!;
    LIST_SEPARATOR.lastIndex = 0;
    const parts: { name: string; offset: number }[] = [];
    for (let sep = LIST_SEPARATOR.exec(list); sep; sep = LIST_SEPARATOR.exec(list)) {
      parts.push({ name: list.slice(at, sep.index), offset: at });
      at = sep.index + sep[0].length;
    }
    parts.push({ name: list.slice(at), offset: at });
    for (const part of parts) {
      const name = part.name.trim();
      const start = listStart + part.offset;
      if (!name || NOT_PLACES.has(name.toLowerCase()) || MONTH_NAME.test(name) || lookupPlace(name).length > 0) continue;
      if (facts.actors.some((a) => a.start < start + name.length && start < a.end)) continue;
      out.push({ name, start, end: start + name.length, context: null, cued: true });
    }
  }
  return out;
}

/** Whether a known spot names the district or region another spot lies in. */
function situates(area: Spot, place: Spot): boolean {
  const inner = place.entry ?? place.unknown?.context ?? null;
  const name = area.mention?.place.name;
  if (!name || !area.mention) return false;
  const names = [area.mention.place, ...area.mention.alternatives].filter((e) => e.kind !== "locality" || e.name === name);
  if (!inner) return names.some((e) => e.kind === "admin1" || e.kind === "admin2");
  return names.some((e) => (e.kind === "admin2" && inner.admin2 === e.admin2 && inner.name !== e.name) || (e.kind === "admin1" && inner.admin1 === e.admin1 && inner.name !== e.name));
}

/** The place fields of an incident, with its country as a code. */
export type Placement = Pick<ExtractedIncident, "admin1" | "admin1Reform" | "admin2" | "location" | "latitude" | "longitude" | "geoPrecision"> & {
  countryCode: string | null;
};

const OFF_TOWN = /\b(?:km|kilometres?|kilometers?|miles) (?:de la ville|de la localite|du village|de la commune|from the town|from the city|outside the town|of the town)\b/;

/** The place fields of an incident at a spot; the country alone when the spot names no place. */
export function placementOf(spot: Spot, facts: ArticleFacts, fallbackCountry: string | null): Placement {
  if (spot.unknown) {
    const ctx = contextOf(spot.unknown, facts, sentenceAt(facts, spot.unknown.start));
    return {
      countryCode: ctx.country ?? fallbackCountry,
      admin1: ctx.admin1,
      admin1Reform: ctx.admin1Reform,
      admin2: ctx.admin2,
      location: spot.unknown.name,
      latitude: null,
      longitude: null,
      geoPrecision: ctx.admin1 || ctx.admin2 ? 2 : 3,
    };
  }
  const place = spot.entry;
  if (!place) {
    return { countryCode: fallbackCountry, admin1: null, admin1Reform: null, admin2: null, location: null, latitude: null, longitude: null, geoPrecision: 3 };
  }
  const out: Placement = {
    countryCode: place.countryCode,
    admin1: place.admin1,
    admin1Reform: place.admin1Reform,
    admin2: place.kind === "admin2" || place.kind === "locality" ? place.admin2 : null,
    location: null,
    latitude: place.latitude,
    longitude: place.longitude,
    geoPrecision: 3,
  };
  if (place.kind === "locality") {
    out.location = place.name;
    // "à une quinzaine de kilomètres de la ville": near the town named, not in it.
    const s = spot.sentence;
    out.geoPrecision = spot.mention?.near || spot.mention?.landmark || (s && OFF_TOWN.test(facts.folded.slice(s.start, s.end))) ? 2 : 1;
  } else if (place.kind === "admin2") {
    out.location = place.name;
    out.geoPrecision = 2;
  } else if (place.kind === "admin1") {
    out.location = place.admin1Reform ?? place.name;
  }
  return out;
}
