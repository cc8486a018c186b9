/**
 * Feeds the learned gazetteer (learned_place) to the extractor. Ingest calls refreshLearnedGazetteer()
 * before extracting: at most every LEARNED_REFRESH_MS it asks the database whether the learned places
 * changed (one tiny query), and reloads them only when they did. A resolve in this process marks the
 * list stale at once, so the next article already uses the new name.
 */
import { prisma } from "@/lib/db/client";
import { COUNTRIES, type PlaceEntry } from "@/lib/ingest/gazetteer";
import { setLearnedPlaces } from "@/lib/ingest/learned-gazetteer";
import { nameKey } from "@/lib/ingest/normalize";

const LEARNED_REFRESH_MS = 30_000;

let checkedAt = 0;
let stamp: string | null = null;
let inFlight: Promise<void> | undefined;

const countryCodeByName = new Map(COUNTRIES.map((country) => [country.name, country.code]));

export function countryCodeOf(country: string): string | undefined {
  return countryCodeByName.get(country);
}

/** Forget the last check: the next ingest reloads (called after a resolve or an import). */
export function invalidateLearnedGazetteer(): void {
  checkedAt = 0;
}

type LearnedRow = { id: number; name: string; alternateNames: string[]; country: string; admin1: string | null; admin2: string | null; latitude: number; longitude: number };

export function learnedEntry(row: LearnedRow): PlaceEntry | null {
  const countryCode = countryCodeOf(row.country);
  if (!countryCode) return null;
  return {
    id: `learned.${row.id}`,
    kind: "locality",
    name: row.name,
    countryCode,
    country: row.country,
    admin1: row.admin1,
    admin1Reform: null,
    admin2: row.admin2,
    latitude: row.latitude,
    longitude: row.longitude,
    aliases: row.alternateNames.filter((alias) => nameKey(alias) !== ""),
    needsQualifier: false,
    origin: "learned",
  };
}

async function reload(): Promise<void> {
  const [{ count, latest }] = await prisma.$queryRaw<{ count: number; latest: string | null }[]>`
    SELECT count(*)::int AS count, max(updated_at)::text AS latest FROM learned_place`;
  const next = `${count}:${latest}`;
  checkedAt = Date.now();
  if (next === stamp) return;
  const rows = await prisma.learnedPlace.findMany({
    select: { id: true, name: true, alternateNames: true, country: true, admin1: true, admin2: true, latitude: true, longitude: true },
    orderBy: { id: "asc" },
  });
  setLearnedPlaces(rows.flatMap((row) => learnedEntry(row) ?? []));
  stamp = next;
}

export async function refreshLearnedGazetteer(): Promise<void> {
  if (Date.now() - checkedAt < LEARNED_REFRESH_MS) return;
  inFlight ??= reload().finally(() => (inFlight = undefined));
  await inFlight;
}
