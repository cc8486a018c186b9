/**
 * "Corrections teach": when an analyst corrects the place of one incident on its edit form and ticks
 * "record for the name", the correction becomes the name's resolution, as if made on the Places page:
 * every incident stored under that name in that country moves with it, and the extractor learns it.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { nameKey } from "@/lib/ingest/normalize";
import { resolvePlaceName, type ResolvedPlaceName } from "./resolve";

export type PlaceCorrection = { name: string; country: string; latitude: number | null; longitude: number | null; admin1: string | null; admin2: string | null };

export async function recordPlaceCorrection(correction: PlaceCorrection, user: SessionUser | null, ip: string | null = null): Promise<ResolvedPlaceName> {
  const { name, country, latitude, longitude, admin1 } = correction;
  if (!name.trim() || !nameKey(name)) throw new AppError("bad_request", "location: the incident had no place name to record the correction for");
  if (latitude === null || longitude === null || !admin1) throw new AppError("bad_request", "To record the place for the name, give its latitude, longitude and region (admin1)");
  const key = nameKey(name);
  // The name may never have been queued (the extractor placed it, wrongly): it is queued now, then resolved.
  const queued = await prisma.placeName.upsert({
    where: { country_key: { country, key } },
    create: { name, key, country, admin1, admin2: correction.admin2, spellings: [name] },
    update: {},
  });
  if (!queued.spellings.includes(name)) await prisma.placeName.update({ where: { id: queued.id }, data: { spellings: { push: name } } });
  return resolvePlaceName(queued.id, { kind: "coordinates", latitude, longitude, admin1, admin2: correction.admin2 }, user, { ip, source: "correction" });
}
