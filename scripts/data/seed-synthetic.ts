/**
 * `npm run seed:synthetic -- --count N [--seed S]`: adds N synthetic but realistic incidents, for demos
 * and the benchmark. Realistic means shaped like ACLED's Sahel data, because the shape is what decides
 * query plans: Mali ~55% of incidents, JNIM in ~19%, strong growth over the years, places and actors from
 * the shipped gazetteer and dictionary, ACLED event types in plausible proportions, fatalities sometimes
 * unknown, French and English summaries with accents.
 *
 * Speed: rows are generated in Node and streamed into `COPY ... FROM STDIN` (no per-row round trips), in
 * event-date order, as reports arrive in real life; actor_names is filled on the row and incident_actor
 * links are copied alongside. The whole load is one transaction holding a lock on incident, so ids can be
 * assigned up front; a failed seed leaves nothing behind.
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { PLACES, type PlaceEntry } from "../../lib/ingest/gazetteer";
import type { EventType } from "../../lib/incidents/taxonomy";
import type { IncidentRow } from "../../lib/incidents/types";
import type { ActorRoleName } from "../../lib/incidents/taxonomy";
import { reportFailures } from "../lib/cli";

reportFailures("npm run seed:synthetic");

export type SeedOptions = { count: number; seed?: number; endDate?: Date; log?: (line: string) => void };

/** Deterministic PRNG (mulberry32), so a benchmark seeded twice gets the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = [T, number][];
function picker<T>(items: Weighted<T>): (rand: () => number) => T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  const cumulative = items.map(([, weight]) => (running += weight) / total);
  return (rand) => {
    const u = rand();
    const index = cumulative.findIndex((bound) => u < bound);
    return items[index === -1 ? items.length - 1 : index]![0];
  };
}

const COUNTRY_WEIGHTS: Weighted<string> = [
  ["ML", 55], ["BF", 20], ["NE", 12], ["SN", 4], ["MR", 3], ["DZ", 1], ["CI", 1], ["GN", 1], ["NG", 1], ["TD", 1], ["BJ", 0.5], ["TG", 0.5],
];

/** Regions weighted as conflict is spread: central and northern Mali, the Liptako-Gourma, Tillabéri. */
const ADMIN1_WEIGHTS: Record<string, Weighted<string>> = {
  ML: [["Mopti", 28], ["Segou", 14], ["Timbuktu", 12], ["Gao", 12], ["Menaka", 9], ["Kidal", 5], ["Kayes", 4], ["Koulikoro", 5], ["Sikasso", 6], ["Bamako", 4], ["Taoudeni", 1]],
  BF: [["Sahel", 30], ["Est", 18], ["Nord", 12], ["Centre-Nord", 14], ["Boucle du Mouhoun", 10], ["Centre-Est", 6], ["Cascades", 3], ["Hauts-Bassins", 4], ["Centre", 3]],
  NE: [["Tillaberi", 55], ["Tahoua", 12], ["Diffa", 15], ["Maradi", 5], ["Niamey", 5], ["Dosso", 4], ["Agadez", 2], ["Zinder", 2]],
};

const EVENT_WEIGHTS: Weighted<EventType> = [
  ["Battles", 34], ["Violence against civilians", 26], ["Explosions/Remote violence", 14], ["Strategic developments", 13], ["Protests", 10], ["Riots", 3],
];
const SUB_WEIGHTS: Record<EventType, Weighted<string>> = {
  Battles: [["Armed clash", 88], ["Government regains territory", 6], ["Non-state actor overtakes territory", 6]],
  "Violence against civilians": [["Attack", 78], ["Abduction/forced disappearance", 20], ["Sexual violence", 2]],
  "Explosions/Remote violence": [["Remote explosive/landmine/IED", 45], ["Air/drone strike", 35], ["Shelling/artillery/missile attack", 15], ["Suicide bomb", 4], ["Grenade", 1]],
  Protests: [["Peaceful protest", 85], ["Protest with intervention", 12], ["Excessive force against protesters", 3]],
  Riots: [["Violent demonstration", 60], ["Mob violence", 40]],
  "Strategic developments": [["Looting/property destruction", 30], ["Arrests", 20], ["Change to group/activity", 15], ["Headquarters or base established", 8], ["Agreement", 7], ["Disrupted weapons use", 8], ["Non-violent transfer of territory", 4], ["Other", 8]],
};

const ARMED_GROUPS: Record<string, Weighted<string>> = {
  ML: [["JNIM", 22], ["Islamic State Sahel", 14], ["Unidentified Armed Group", 18], ["FLA: Azawad Liberation Front", 4], ["Dozo Communal Militia", 7], ["Dan Na Ambassagou", 5], ["CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad", 3], ["GATIA: Imghad Tuareg and Allies Self-Defense Group", 2], ["MSA: Movement for the Salvation of Azawad", 1]],
  BF: [["JNIM", 22], ["Islamic State Sahel", 15], ["Ansaroul Islam", 10], ["Unidentified Armed Group", 15], ["VDP: Volunteers for the Defense of the Homeland", 10], ["Koglweogo", 5]],
  NE: [["Islamic State Sahel", 40], ["JNIM", 12], ["Islamic State West Africa Province", 15], ["Boko Haram - Jamaatu Ahli", 10], ["Unidentified Armed Group", 15]],
  other: [["Unidentified Armed Group", 60], ["JNIM", 15], ["AQIM: Al Qaeda in the Islamic Maghreb", 5], ["Islamic State West Africa Province", 10]],
};
const STATE: Record<string, string> = {
  ML: "Military Forces of Mali", BF: "Military Forces of Burkina Faso", NE: "Military Forces of Niger", SN: "Military Forces of Senegal", MR: "Military Forces of Mauritania",
};
const ASSOCIATES: Record<string, Weighted<string>> = {
  ML: [["Wagner Group", 55], ["Africa Corps", 35], ["Dozo Communal Militia", 10]],
  BF: [["VDP: Volunteers for the Defense of the Homeland", 100]],
};

const FR_TEMPLATES = [
  (a: string, b: string, place: string, dead: string) => `Des hommes armés attribués à ${a} ont attaqué ${place} ; ${dead}. ${b ? "L'armée a riposté et poursuivi les assaillants." : ""} Selon des sources locales, la population a fui vers les localités voisines.`,
  (a: string, b: string, place: string, dead: string) => `Accrochage entre ${a} et ${b || "des éléments non identifiés"} près de ${place}, ${dead}. Les élus de la commune évoquent une situation sécuritaire très dégradée, marquée par des enlèvements répétés.`,
  (a: string, _b: string, place: string, dead: string) => `Un engin explosif improvisé a visé un convoi sur l'axe menant à ${place} ; ${dead}. L'attaque est attribuée à ${a} par plusieurs témoins joints par téléphone.`,
  (a: string, _b: string, place: string) => `Manifestation à ${place} contre l'insécurité et les coupures d'électricité ; les protestataires dénoncent l'inaction des autorités. ${a} n'a pas été cité.`,
];
const EN_TEMPLATES = [
  (a: string, b: string, place: string, dead: string) => `Suspected ${a} militants attacked ${place}; ${dead}. ${b ? `${b} responded and pursued the assailants.` : ""} Residents reported that livestock was stolen and shops were burnt.`,
  (a: string, b: string, place: string, dead: string) => `Clashes between ${a} and ${b || "unidentified gunmen"} near ${place}, ${dead}. Local officials say the area has seen repeated abductions since the start of the year.`,
  (a: string, _b: string, place: string, dead: string) => `An improvised explosive device hit a vehicle on the road to ${place}; ${dead}. Witnesses attributed the attack to ${a}.`,
];

/** A table row's fields, with the actors still as names and roles (links are written separately). */
export type SyntheticIncident = Pick<
  IncidentRow,
  | "id" | "eventDate" | "datePrecision" | "eventType" | "subEventType" | "summary" | "country" | "admin1" | "admin1Reform"
  | "admin2" | "location" | "latitude" | "longitude" | "geoPrecision" | "fatalities" | "status"
> & { actors: { name: string; role: ActorRoleName }[] };

/** A generator of incidents with increasing dates (growth over time: ~6x more events in the last year than the first). */
export function createGenerator(options: { count: number; seed?: number; endDate?: Date; firstId?: number }) {
  const rand = seededRandom(options.seed ?? 42);
  const end = options.endDate ?? new Date();
  const endDay = Math.floor(end.getTime() / 86_400_000);
  const startDay = Math.floor(Date.UTC(2016, 0, 1) / 86_400_000);
  const span = endDay - startDay;
  // Sorted event days with a density rising linearly from 1 to 6 over the period (inverse CDF sampling).
  const days = new Int32Array(options.count);
  for (let index = 0; index < options.count; index++) {
    const u = rand();
    const t = (-1 + Math.sqrt(1 + 35 * u)) / 5; // density ∝ 1 + 5t on [0, 1]
    days[index] = startDay + Math.floor(t * span);
  }
  days.sort();

  const localities = new Map<string, PlaceEntry[]>();
  const admin1s = new Map<string, PlaceEntry[]>();
  for (const place of PLACES) {
    if (place.kind === "locality") {
      const key = `${place.countryCode}:${place.admin1}`;
      localities.set(key, [...(localities.get(key) ?? []), place]);
    }
    if (place.kind === "admin1" && !place.admin1Reform) admin1s.set(place.countryCode, [...(admin1s.get(place.countryCode) ?? []), place]);
  }
  const countryName = new Map(PLACES.filter((place) => place.kind === "country").map((place) => [place.countryCode, place.name]));
  const pickCountry = picker(COUNTRY_WEIGHTS);
  const pickAdmin1 = Object.fromEntries(Object.entries(ADMIN1_WEIGHTS).map(([code, weights]) => [code, picker(weights)]));
  const pickEvent = picker(EVENT_WEIGHTS);
  const pickSub = Object.fromEntries(Object.entries(SUB_WEIGHTS).map(([type, weights]) => [type, picker(weights)])) as Record<EventType, (r: () => number) => string>;
  const pickGroup = Object.fromEntries(Object.entries(ARMED_GROUPS).map(([code, weights]) => [code, picker(weights)]));
  const pickAssociate = Object.fromEntries(Object.entries(ASSOCIATES).map(([code, weights]) => [code, picker(weights)]));
  const pickPrecision = picker<number>([[1, 62], [2, 24], [3, 14]]);
  const pickStatus = picker<IncidentRow["status"]>([["unverified", 68], ["verified", 27], ["rejected", 5]]);
  const pickDatePrecision = picker([["day", 86], ["week", 10], ["month", 4]]);
  const firstId = options.firstId ?? 1;

  return function* generate(): Generator<SyntheticIncident> {
    for (let index = 0; index < options.count; index++) {
      const code = pickCountry(rand);
      const country = countryName.get(code) ?? code;
      const regions = admin1s.get(code) ?? [];
      const admin1Name = pickAdmin1[code]?.(rand) ?? regions[Math.floor(rand() * regions.length)]?.name ?? null;
      const region = regions.find((place) => place.name === admin1Name);
      const towns = admin1Name ? (localities.get(`${code}:${admin1Name}`) ?? []) : [];
      let geoPrecision = pickPrecision(rand);
      const town = towns.length && geoPrecision < 3 ? towns[Math.floor(rand() * towns.length)]! : undefined;
      if (!town) geoPrecision = 3;
      const jitter = geoPrecision === 2 ? 0.15 : 0;
      const latitude = town ? town.latitude + (rand() - 0.5) * jitter : (region?.latitude ?? null);
      const longitude = town ? town.longitude + (rand() - 0.5) * jitter : (region?.longitude ?? null);

      const eventType = pickEvent(rand);
      const subEventType = pickSub[eventType](rand);
      const group = (pickGroup[code] ?? pickGroup.other!)(rand);
      const state = STATE[code];
      const actors: SyntheticIncident["actors"] = [];
      if (eventType === "Protests") actors.push({ name: "Protesters", role: "actor1" });
      else if (eventType === "Riots") actors.push({ name: "Rioters", role: "actor1" });
      else if (eventType === "Violence against civilians") {
        actors.push({ name: rand() < 0.15 && state ? state : group, role: "actor1" }, { name: "Civilians", role: "actor2" });
      } else if (eventType === "Battles") {
        actors.push({ name: group, role: "actor1" });
        if (state) actors.push({ name: state, role: "actor2" });
        const associate = pickAssociate[code];
        if (associate && rand() < 0.25) actors.push({ name: associate(rand), role: "associated" });
      } else if (subEventType === "Air/drone strike" && state) {
        actors.push({ name: state, role: "actor1" }, { name: group, role: "actor2" });
      } else {
        actors.push({ name: group, role: "actor1" });
      }
      // A few state-on-state operations where the armed group is the target (keeps JNIM near 19% overall).
      if (eventType === "Strategic developments" && rand() < 0.3 && state) actors.splice(0, actors.length, { name: state, role: "actor1" });

      const killed = eventType === "Protests" || eventType === "Strategic developments" ? 0 : Math.floor(-Math.log(1 - rand()) * (eventType === "Battles" ? 7 : 3));
      const fatalities = rand() < 0.12 ? null : killed;
      const dead = fatalities === null ? "bilan inconnu" : fatalities === 0 ? "aucune victime signalée" : `${fatalities} morts`;
      const deadEn = fatalities === null ? "casualties unknown" : fatalities === 0 ? "no casualties reported" : `${fatalities} killed`;
      const placeName = town?.name ?? admin1Name ?? country;
      const french = rand() < 0.6;
      const templates = french ? FR_TEMPLATES : EN_TEMPLATES;
      const template = templates[Math.floor(rand() * templates.length)]!;
      const summary = template(actors[0]!.name, actors[1]?.name ?? "", placeName, french ? dead : deadEn).trim();
      const day = days[index]!;
      yield {
        id: firstId + index,
        eventDate: new Date(day * 86_400_000).toISOString().slice(0, 10),
        datePrecision: pickDatePrecision(rand),
        eventType,
        subEventType,
        summary,
        country,
        admin1: admin1Name,
        admin1Reform: town?.admin1Reform ?? null,
        admin2: town?.admin2 ?? null,
        location: town?.name ?? null,
        latitude: latitude === null ? null : Math.round(latitude * 10_000) / 10_000,
        longitude: longitude === null ? null : Math.round(longitude * 10_000) / 10_000,
        geoPrecision,
        fatalities,
        status: pickStatus(rand),
        actors,
      };
    }
  };
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
}

const ROLE_ORDER = { actor1: 0, actor2: 1, associated: 2 } as const;

/** Seeds `count` incidents into the database at `url`; the reference data (places, actors) must be loaded. */
export async function seedSynthetic(url: string, options: SeedOptions): Promise<{ inserted: number; links: number; ms: number }> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const actorRows = (await client.query<{ id: number; name: string }>("SELECT id, name FROM actor")).rows;
    const actorId = new Map(actorRows.map((row) => [row.name, row.id]));
    if (!actorId.has("JNIM")) throw new Error("the actor dictionary is not loaded: run `npm run db:seed-reference` first");

    await client.query("BEGIN");
    await client.query("LOCK TABLE incident IN EXCLUSIVE MODE");
    const firstId = Number((await client.query<{ next: string }>("SELECT coalesce(max(id), 0) + 1 AS next FROM incident")).rows[0]!.next);
    const generate = createGenerator({ count: options.count, seed: options.seed, endDate: options.endDate, firstId });
    // Links kept compactly (3 ints each) until the incidents are in: 1M incidents have ~1.7M links.
    const linkIncident = new Int32Array(options.count * 3);
    const linkActor = new Int32Array(options.count * 3);
    const linkRole = new Uint8Array(options.count * 3);
    const ROLES = ["actor1", "actor2", "associated"] as const;
    let linkCount = 0;
    const now = new Date().toISOString();

    const incidentLines = Readable.from(
      (function* () {
        let batch: string[] = [];
        for (const incident of generate()) {
          const ordered = [...incident.actors].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
          const names = [...new Set(ordered.map((actor) => actor.name))];
          for (const actor of incident.actors) {
            const id = actorId.get(actor.name);
            if (id !== undefined) {
              linkIncident[linkCount] = incident.id;
              linkActor[linkCount] = id;
              linkRole[linkCount] = ROLE_ORDER[actor.role];
              linkCount++;
            }
          }
          batch.push(
            [
              incident.id, incident.eventDate, incident.datePrecision, incident.eventType, incident.subEventType, incident.summary, incident.country,
              incident.admin1, incident.admin1Reform, incident.admin2, incident.location, incident.latitude, incident.longitude,
              incident.geoPrecision, incident.fatalities, incident.status, names.join("; "), now, now,
            ]
              .map(csvField)
              .join(",") + "\n",
          );
          if (batch.length === 2000) {
            yield batch.join("");
            batch = [];
            if (incident.id % 100_000 === 0) log(`  ${incident.id - firstId + 1} incidents generated`);
          }
        }
        if (batch.length) yield batch.join("");
      })(),
      { objectMode: false },
    );
    await pipeline(
      incidentLines,
      client.query(
        copyFrom(`COPY incident (id, event_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2,
          location, latitude, longitude, geo_precision, fatalities, status, actor_names, created_at, updated_at) FROM STDIN WITH (FORMAT csv)`),
      ),
    );
    log(`  incidents copied (${Math.round(performance.now() - started)} ms); copying ${linkCount} actor links`);
    await pipeline(
      Readable.from(
        (function* () {
          for (let index = 0; index < linkCount; index += 5000) {
            let chunk = "";
            for (let link = index; link < Math.min(linkCount, index + 5000); link++) {
              chunk += `${linkIncident[link]},${linkActor[link]},${ROLES[linkRole[link]!]}\n`;
            }
            yield chunk;
          }
        })(),
      ),
      client.query(copyFrom("COPY incident_actor (incident_id, actor_id, role) FROM STDIN WITH (FORMAT csv)")),
    );
    await client.query("SELECT setval(pg_get_serial_sequence('incident', 'id'), (SELECT max(id) FROM incident))");
    await client.query("COMMIT");
    // Fresh statistics and visibility map: the planner's estimates (used for totals) and index-only scans need them.
    await client.query("VACUUM ANALYZE incident");
    await client.query("VACUUM ANALYZE incident_actor");
    return { inserted: options.count, links: linkCount, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function parseCount(argv: string[], fallback: number): number {
  const index = argv.indexOf("--count");
  const raw = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith("--count="))?.slice(8);
  if (raw === undefined) return fallback;
  const count = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number (got ${raw})`);
  return count;
}

async function main() {
  const { existsSync } = await import("node:fs");
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { provideDatabase } = await import("../../lib/db/database");
  const { migrate } = await import("../../lib/db/migrate");
  const { loadReferenceData } = await import("../../lib/reference/load");
  const { prisma } = await import("../../lib/db/client");
  const count = parseCount(process.argv.slice(2), 10_000);
  const seedIndex = process.argv.indexOf("--seed");
  const db = await provideDatabase((line) => console.log(line));
  try {
    await migrate(db.url);
    await loadReferenceData();
    await prisma.$disconnect();
    const result = await seedSynthetic(db.url, { count, seed: seedIndex >= 0 ? Number(process.argv[seedIndex + 1]) : undefined, log: console.log });
    console.log(`seeded ${result.inserted} incidents and ${result.links} actor links in ${(result.ms / 1000).toFixed(1)} s`);
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) await main();
