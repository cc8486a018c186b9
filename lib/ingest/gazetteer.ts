/**
 * The shipped gazetteer and the place finder. Two sources (see data/LICENSES.md): the curated
 * gazetteer.json (countries, admin1, districts, ~190 localities with French and English names) and
 * geonames-localities.json (GeoNames populated places of the Sahel and its borders, built by
 * scripts/data/build-gazetteer.ts). Curated data wins: a GeoNames place named like a curated one is ignored.
 * Each place keeps its own country, so border towns are never misplaced (Kidira in Senegal, Diboli in
 * Mali), and Mali's places carry both the usual region and the 2023-reform one.
 *
 * GeoNames brings thousands of small names that a text may use for something else (a namesake village in
 * the next country, "Même", a surname). So a GeoNames place is taken only when the text also puts its
 * country in play (names it, its adjective, or a curated place in it), never as part of a hyphenated name
 * ("Kourou-Peul"), and, for names that are also common words or people's names, only after "village de",
 * "town of" and the like.
 */
import raw from "./data/gazetteer.json";
import geonamesRaw from "./data/geonames-localities.json";
import { learnedPlaces, learnedPlacesVersion } from "./learned-gazetteer";
import { createPhraseIndex, type PhraseIndex, type PhraseMatch } from "./phrase-index";
import { foldKeepLength, nameKey, tokenize, type Token } from "./normalize";

export type PlaceKind = "country" | "admin1" | "admin2" | "locality";

export interface PlaceEntry {
  id: string;
  kind: PlaceKind;
  name: string;
  countryCode: string;
  country: string;
  admin1: string | null;
  admin1Reform: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  aliases: string[];
  /**
   * Names that are also common words ("Sahel", "Est", "Même"): matched only after "région de", "cercle
   * de" (regions and districts) or "village de", "town of" (localities) and the like.
   */
  needsQualifier: boolean;
  /**
   * Where the entry comes from: GeoNames entries need their country in play in the text (see the header);
   * learned ones (placed by an analyst, lib/ingest/learned-gazetteer.ts) are trusted like curated ones.
   */
  origin: "curated" | "geonames" | "learned";
  /** A GeoNames district seat (a Nigerien department's capital): trusted like a curated town. */
  seat?: boolean;
}

export interface CountryInfo {
  code: string;
  name: string;
  nameFr: string;
  latitude: number;
  longitude: number;
  /** Adjectives of nationality, French and English ("malien", "Malian"). */
  demonyms: string[];
}

export interface PlaceMention {
  place: PlaceEntry;
  /** Other entries with the same name (a town and its region), best first. */
  alternatives: PlaceEntry[];
  start: number;
  end: number;
  /** "near X", "à 20 km de X": ACLED geo-precision 2. */
  near: boolean;
  /** "X, à 30 km de Y", "X km north of Y": Y only measures where X lies. */
  landmark?: boolean;
}

type RawCountry = [string, string, string, number, number, string[], string[]];
type RawAdmin1 = [string, string, number, number, string[], number];
type RawLocality = [string, string, string, string, number, number, string[], string | null];
/** country, name, admin1, admin2 (null when GeoNames does not say), latitude, longitude, aliases, reform, 1 qualified / 2 district seat. */
type GeoNamesLocality = [string, string, string, string | null, number, number, string[], string | null, number];

const data = raw as unknown as {
  countries: RawCountry[];
  admin1: RawAdmin1[];
  maliReformRegions: [string, string][];
  localities: RawLocality[];
};

const geonames = geonamesRaw as unknown as {
  /** country, curated locality name, spellings GeoNames adds to it. */
  curatedAliases: [string, string, string[]][];
  localities: GeoNamesLocality[];
};

export const COUNTRIES: CountryInfo[] = data.countries.map(([code, name, nameFr, latitude, longitude, , demonyms]) => ({
  code, name, nameFr, latitude, longitude, demonyms,
}));

const countryByCodeMap = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): CountryInfo | undefined {
  return countryByCodeMap.get(code);
}

/** The accented spelling when the data gives one ("Sandaré" rather than "Sandare"). */
function displayName(name: string, aliases: string[]): string {
  return aliases.find((a) => nameKey(a) === nameKey(name) && a !== name && /[^\x00-\x7f]/.test(a)) ?? name;
}

function buildCuratedEntries(): PlaceEntry[] {
  const entries: PlaceEntry[] = [];
  const origin = "curated" as const;
  for (const [code, name, nameFr, latitude, longitude, aliases] of data.countries) {
    entries.push({
      id: `${code}`, kind: "country", name, countryCode: code, country: name, admin1: null, admin1Reform: null,
      admin2: null, latitude, longitude, aliases: [nameFr, ...aliases], needsQualifier: false, origin,
    });
  }
  for (const [code, name, latitude, longitude, aliases, qualified] of data.admin1) {
    entries.push({
      id: `${code}.${nameKey(name)}`, kind: "admin1", name, countryCode: code, country: countryByCode(code)!.name,
      admin1: name, admin1Reform: null, admin2: null, latitude, longitude, aliases, needsQualifier: qualified === 1, origin,
    });
  }
  const localities = data.localities;
  for (const [reform, former] of data.maliReformRegions) {
    const capital = localities.find((l) => l[0] === "ML" && nameKey(l[1]) === nameKey(reform));
    entries.push({
      id: `ML.reform.${nameKey(reform)}`, kind: "admin1", name: reform, countryCode: "ML", country: "Mali",
      admin1: former, admin1Reform: reform, admin2: null, latitude: capital?.[4] ?? 0, longitude: capital?.[5] ?? 0,
      aliases: capital ? capital[6] : [], needsQualifier: true, origin,
    });
  }
  const extraAliases = new Map(geonames.curatedAliases.map(([code, name, aliases]) => [`${code}:${nameKey(name)}`, aliases]));
  const admin2Seen = new Set<string>();
  for (const [code, name, admin1, admin2, latitude, longitude, aliases, reform] of localities) {
    const country = countryByCode(code)!.name;
    entries.push({
      id: `${code}.${nameKey(admin1)}.${nameKey(admin2)}.${nameKey(name)}`, kind: "locality", name: displayName(name, aliases),
      countryCode: code, country, admin1, admin1Reform: reform, admin2, latitude, longitude,
      aliases: [name, ...aliases, ...(extraAliases.get(`${code}:${nameKey(name)}`) ?? [])], needsQualifier: false, origin,
    });
    const admin2Key = `${code}.${nameKey(admin1)}.${nameKey(admin2)}`;
    if (admin2Seen.has(admin2Key)) continue;
    admin2Seen.add(admin2Key);
    const seat = localities.find((l) => l[0] === code && nameKey(l[1]) === nameKey(admin2));
    const [lat, lon] = seat ? [seat[4], seat[5]] : [latitude, longitude];
    entries.push({
      id: `${admin2Key}`, kind: "admin2", name: admin2, countryCode: code, country, admin1, admin1Reform: reform,
      admin2, latitude: lat, longitude: lon, aliases: seat ? seat[6] : [],
      // A district named after a town is the town unless the text says "cercle de", "province du"...
      needsQualifier: Boolean(seat) || ["gourma", "bam", "comoe"].includes(nameKey(admin2)), origin,
    });
  }
  return entries;
}

/**
 * GeoNames places, less any whose name a curated place already has (in any country: "Gao" is Mali's, not
 * Burkina's village). A district GeoNames names and the curated data lacks is added, qualified only.
 */
function buildGeoNamesEntries(curated: PlaceEntry[]): PlaceEntry[] {
  const curatedKeys = new Set(curated.flatMap((p) => [p.name, ...p.aliases].map(nameKey)));
  const admin2Known = new Set(curated.filter((p) => p.kind === "admin2").map((p) => `${p.countryCode}.${nameKey(p.admin1!)}.${nameKey(p.admin2!)}`));
  const entries: PlaceEntry[] = [];
  const origin = "geonames" as const;
  const rows = geonames.localities.filter(([code, name, , , , , aliases]) => countryByCode(code) && ![name, ...aliases].some((n) => curatedKeys.has(nameKey(n))));
  const byName = new Map(rows.map((row) => [`${row[0]}:${nameKey(row[1])}`, row]));
  for (const [code, name, admin1, admin2, latitude, longitude, aliases, reform, qualified] of rows) {
    const country = countryByCode(code)!.name;
    const admin2Key = `${code}.${nameKey(admin1)}.${nameKey(admin2 ?? "")}`;
    entries.push({
      id: `${admin2Key}.${nameKey(name)}`, kind: "locality", name, countryCode: code, country, admin1, admin1Reform: reform, admin2,
      latitude, longitude, aliases, needsQualifier: qualified === 1, origin, seat: qualified === 2,
    });
    if (!admin2 || admin2Known.has(admin2Key)) continue;
    admin2Known.add(admin2Key);
    const seat = byName.get(`${code}:${nameKey(admin2)}`);
    entries.push({
      id: admin2Key, kind: "admin2", name: admin2, countryCode: code, country, admin1, admin1Reform: reform, admin2,
      latitude: seat?.[4] ?? latitude, longitude: seat?.[5] ?? longitude, aliases: [], needsQualifier: true, origin,
    });
  }
  return entries;
}

const CURATED = buildCuratedEntries();
export const PLACES: readonly PlaceEntry[] = [...CURATED, ...buildGeoNamesEntries(CURATED)];

const KIND_RANK: Record<PlaceKind, number> = { locality: 0, admin2: 1, admin1: 2, country: 3 };

// ---- learned places: the shipped entries plus those analysts taught, rebuilt when the learned list changes.
type Indexes = { placeIndex: PhraseIndex<PlaceEntry>; keyIndex: Map<string, PlaceEntry[]> };
let indexes: Indexes | undefined;
let indexedVersion = -1;

function buildIndexes(places: readonly PlaceEntry[]): Indexes {
  const placeIndex = createPhraseIndex<PlaceEntry>();
  const keyIndex = new Map<string, PlaceEntry[]>();
  for (const place of places) {
    for (const alias of new Set([place.name, ...place.aliases])) {
      placeIndex.add(alias, place);
      const key = nameKey(alias);
      keyIndex.set(key, [...(keyIndex.get(key) ?? []), place]);
    }
  }
  return { placeIndex, keyIndex };
}

function currentIndexes(): Indexes {
  if (!indexes || indexedVersion !== learnedPlacesVersion()) {
    indexedVersion = learnedPlacesVersion();
    indexes = buildIndexes([...PLACES, ...learnedPlaces()]);
  }
  return indexes;
}
// ---- end of learned places

/** Curated, learned and district-seat entries stand on their own; other GeoNames entries need their country in play. */
function trusted(p: PlaceEntry): boolean {
  return p.origin !== "geonames" || p.seat === true;
}

/**
 * Places known by this name (any spelling, accents and case ignored), optionally of one kind. Curated
 * places only unless `geonames` is set: the extractor asks this to tell a village it cannot place from one
 * it knows, and a GeoNames namesake elsewhere must not hide the village the text names.
 */
export function lookupPlace(name: string, kind?: PlaceKind, options: { geonames?: boolean } = {}): PlaceEntry[] {
  const found = (currentIndexes().keyIndex.get(nameKey(name)) ?? []).filter((p) => options.geonames || trusted(p));
  return kind ? found.filter((p) => p.kind === kind) : found;
}

const ADMIN1_BEFORE = /\b(regions?|wilayas?|provinces? administratives?|etats?|states?|region administrative)(\s+\p{L}+)?\s+(de la|de l'|des|du|de|d'|of)\s*$/u;
const ADMIN1_AFTER = /^\s*(region|regions|wilaya)\b/;
const ADMIN2_BEFORE = /\b(cercles?|prefectures?|departements?|provinces?|moughataas?|districts?)\s+(de la|de l'|des|du|de|d'|of)\s*$/u;
const ADMIN2_AFTER = /^\s*(cercle|province|department|district|moughataa)\b/;
const LOCALITY_BEFORE = /\b(villages?|localites?|hameaux?|hameau|bourgades?|communes?(?: rurales?| urbaines?)?|villes?|towns?|hamlets?|locality|localities)\s+(de la |de l'|des |du |de |d'|of )?$/u;
const LOCALITY_AFTER = /^\s*(village|town)\b/;
const NEAR_BEFORE = /\b(entre|between|(?:sur )?l'axe|axe|(?:dans )?la zone d[eu']|(?:dans )?le secteur d[eu']|pres d[eu']|non loin d[eu']|a proximite d[eu']|aux environs d[eu']|dans les environs d[eu']|aux alentours d[eu']|a la peripherie d[eu']|a \d+\s*km (\p{L}+ )*d[eu']|near|outside|close to|on the outskirts of|(\d+|a few) ?(km|kilometres|kilometers|miles) (\p{L}+ )*(of|from))\s*(la |l')?(localite |ville |commune |village )?(d[eu'] |of )?$/u;
// "entre Djibo et Bourzanga": the second town of a pair is as near as the first.
const PAIR_BEFORE = /\b(?:entre|between) [\p{L}' -]{2,40}? (?:et|and)\s*(?:la |l')?$/u;
const LANDMARK_BEFORE = /\b(?:a )?(?:\d+|une? (?:\p{L}+aine|dizaine|centaine)(?: d[e'])?) ?(?:km|kilometres?|kilometers?|miles)(?: (?:[\p{L}-]+ ){0,3})?(?:d[eu']|of|from)\s*(?:la |l'|the )?(?:ville |localite |commune |town |city |capital |capitale )?(?:d[eu'] |of )?$/u;
const RIVER_BEFORE = /\b(fleuve|riviere|river|delta (interieur )?du|boucle du|bassin du)\s*$/;

function qualifierOf(foldedBefore: string, foldedAfter: string): PlaceKind | undefined {
  if (ADMIN2_BEFORE.test(foldedBefore) || ADMIN2_AFTER.test(foldedAfter)) return "admin2";
  if (ADMIN1_BEFORE.test(foldedBefore) || ADMIN1_AFTER.test(foldedAfter)) return "admin1";
  if (LOCALITY_BEFORE.test(foldedBefore) || LOCALITY_AFTER.test(foldedAfter)) return "locality";
  return undefined;
}

function rankCandidates(values: PlaceEntry[], qualifier: PlaceKind | undefined): PlaceEntry[] {
  const administrative = qualifier === "admin1" || qualifier === "admin2";
  return values
    .filter((p) => !p.needsQualifier || (qualifier !== undefined && (p.kind === qualifier || (administrative && p.kind === "admin1"))))
    .sort((a, b) => {
      const qa = a.kind === qualifier ? 0 : 1;
      const qb = b.kind === qualifier ? 0 : 1;
      if (qa !== qb) return qa - qb;
      // A reform region answers "région de Nioro" only when no older region of that name exists.
      const ra = a.admin1Reform && a.kind === "admin1" ? 1 : 0;
      const rb = b.admin1Reform && b.kind === "admin1" ? 1 : 0;
      if (ra !== rb) return ra - rb;
      return KIND_RANK[a.kind] - KIND_RANK[b.kind];
    });
}

/** "Kourou-Peul", "Peul-Kourou": the name continues past the match, so the text names another place. */
function insideHyphenatedName(folded: string, start: number, end: number): boolean {
  if (folded[end] !== "-" && folded[start - 1] !== "-") return false;
  const letter = (i: number) => /\p{L}/u.test(folded[i] ?? "");
  return (folded[end] === "-" && letter(end + 1)) || (folded[start - 1] === "-" && letter(start - 2));
}

const AXIS_BEFORE = /\b(?:axes?|troncons?|routes?|corridors?|entre|between|road|highway|liaison)\s+(?:[\p{L}']+\s+){0,2}$/u;

/**
 * "l'axe Gao-Ansongo", "Mopti-Sévaré": a hyphen joining two known places names both, while "Kaédi-Peulh"
 * names a third place that only starts like a known one.
 */
function joinsTwoPlaces(folded: string, start: number, end: number): boolean {
  if (AXIS_BEFORE.test(folded.slice(Math.max(0, start - 40), start))) return true;
  const other = folded[end] === "-" ? /^-([\p{L}']+)/u.exec(folded.slice(end, end + 40))?.[1] : /([\p{L}']+)-$/u.exec(folded.slice(Math.max(0, start - 40), start))?.[1];
  return !!other && (currentIndexes().keyIndex.get(nameKey(other))?.length ?? 0) > 0;
}

/**
 * How strongly the text puts each country in play, from curated places and nationality adjectives only
 * (a GeoNames name cannot vouch for itself).
 */
function countriesInPlay(text: string, folded: string, tokens: Token[], mentions: PlaceMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (code: string) => counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const mention of mentions) if (mention.place.origin !== "geonames") bump(mention.place.countryCode);
  for (const match of demonymIndex.find(text, folded, tokens)) for (const code of match.values) bump(code);
  return counts;
}

const BURKINABE = /\bburkinab\w*/;
const isSahelBelt = (m: PlaceMention) => m.place.kind === "admin1" && m.place.countryCode === "BF" && nameKey(m.place.name) === "sahel";

/** Place names in a text, with offsets; the folded text and tokens may be passed to avoid recomputing them. */
export function findPlaces(text: string, folded = foldKeepLength(text), tokens: Token[] = tokenize(folded)): PlaceMention[] {
  let mentions: PlaceMention[] = [];
  let geonamesSeen = false;
  for (const match of currentIndexes().placeIndex.find(text, folded, tokens) as PhraseMatch<PlaceEntry>[]) {
    const before = folded.slice(Math.max(0, match.start - 60), match.start);
    const after = folded.slice(match.end, match.end + 20);
    if (RIVER_BEFORE.test(before)) continue;
    let values = match.values;
    // Whole names only: a known name inside a longer hyphenated one is another place (left to the assembler
    // as an unlisted one), unless the hyphen joins two places of a road ("l'axe Gao-Ansongo").
    if (insideHyphenatedName(folded, match.start, match.end)) {
      if (!joinsTwoPlaces(folded, match.start, match.end)) continue;
      values = values.filter((p) => p.origin !== "geonames");
    }
    if (values.some((p) => !trusted(p))) geonamesSeen = true;
    const ranked = rankCandidates(values, qualifierOf(before, after));
    if (ranked.length === 0) continue;
    mentions.push({ place: ranked[0]!, alternatives: ranked.slice(1), start: match.start, end: match.end, near: NEAR_BEFORE.test(before) || (/\b(?:entre|between) /.test(before) && PAIR_BEFORE.test(before)),
      landmark: /km|kilomet|miles/.test(before) && LANDMARK_BEFORE.test(before),
    });
  }
  // "the restive Sahel region" names the whole belt; it is Burkina Faso's region only in a text about Burkina.
  if (mentions.some(isSahelBelt) && !mentions.some((m) => m.place.countryCode === "BF" && !isSahelBelt(m)) && !BURKINABE.test(folded)) {
    mentions = mentions.filter((m) => !isSahelBelt(m));
  }
  if (!geonamesSeen) return mentions;
  const inPlay = countriesInPlay(text, folded, tokens, mentions);
  const weight = (p: PlaceEntry) => (trusted(p) ? Number.MAX_SAFE_INTEGER : (inPlay.get(p.countryCode) ?? 0));
  return mentions.flatMap((mention) => {
    const all = [mention.place, ...mention.alternatives];
    if (all.every(trusted)) return [mention];
    // Curated first (in rank order); namesakes in several countries: the one whose country the text speaks of most.
    const kept = all.filter((p) => weight(p) > 0).sort((a, b) => weight(b) - weight(a));
    return kept.length > 0 ? [{ ...mention, place: kept[0]!, alternatives: kept.slice(1) }] : [];
  });
}

const demonymIndex = createPhraseIndex<string>();
for (const country of COUNTRIES) for (const demonym of country.demonyms) demonymIndex.add(demonym, country.code);

/** How often each country is named or referred to by its adjective ("malien"): the article's focus. */
export function countCountryMentions(
  text: string,
  places: PlaceMention[] = findPlaces(text),
  folded = foldKeepLength(text),
  tokens: Token[] = tokenize(folded),
): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (code: string) => counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const mention of places) bump(mention.place.countryCode);
  for (const match of demonymIndex.find(text, folded, tokens)) for (const code of match.values) bump(code);
  return counts;
}
