/**
 * Resolving a queued place name: placed by coordinates, an alias of a shipped place, or rejected (not a
 * place). One transaction re-geocodes every incident stored under the name (in its country), each with a
 * new version (so an edit form opened before gets the usual conflict) and an audit row, and records the
 * decision in the learned gazetteer for the extractor.
 *
 * Set-based: one statement locks, updates and audits the incidents, however many use the name (the
 * incident_location index finds them; the rollup triggers run once per statement). A name used by
 * 10,000 incidents among 1,000,000 is `npm run bench:places`.
 */
import { z } from "zod";
import { int4Id } from "@/lib/validation/id";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError, zodMessage } from "@/lib/errors/app-error";
import { invalidateOverviewCache } from "@/lib/incidents/stats-cache";
import { nameKey } from "@/lib/ingest/normalize";
import { countryCodeOf, invalidateLearnedGazetteer } from "./learned";

const adminName = z.string().trim().min(1, "must not be empty").max(100);
const coordinatesSchema = z
  .object({
    latitude: z.number({ message: "must be a number" }).min(-90).max(90),
    longitude: z.number({ message: "must be a number" }).min(-180).max(180),
    admin1: adminName,
    admin2: adminName.nullish(),
  })
  .strict();
const aliasSchema = z.object({ placeId: int4Id("must be a place id") }).strict();
const rejectSchema = z.object({ reject: z.literal(true, { message: "must be true" }) }).strict();

export type PlaceResolution =
  | { kind: "coordinates"; latitude: number; longitude: number; admin1: string; admin2?: string | null }
  | { kind: "alias"; placeId: number }
  | { kind: "reject" };

/** The body of a resolve: which of the three it is is told by its keys, then that shape is checked strictly. */
export function parsePlaceResolution(body: unknown): PlaceResolution {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("bad_request", "Send {latitude, longitude, admin1, admin2}, {placeId} or {reject: true}");
  const schema = "reject" in body ? rejectSchema : "placeId" in body ? aliasSchema : coordinatesSchema;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
  const data = parsed.data;
  if ("reject" in data) return { kind: "reject" };
  if ("placeId" in data) return { kind: "alias", placeId: data.placeId };
  return { kind: "coordinates", ...data };
}

export type ResolvedPlaceName = {
  place: { id: number; name: string; country: string; admin1: string | null; admin2: string | null; status: string; incidentCount: number; learnedPlaceId: number | null; resolution: unknown };
  incidentsChanged: number;
};

type Target = { location: string | null; latitude: number | null; longitude: number | null; admin1: string | null; admin1Reform: string | null; admin2: string | null; geoPrecision: number };

type Tx = Prisma.TransactionClient;

async function knownAdmin1(tx: Tx, countryCode: string, admin1: string): Promise<string> {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT name FROM place WHERE kind = 'admin1' AND country_code = ${countryCode} AND admin1_reform IS NULL`;
  if (!rows.length) return admin1;
  const found = rows.find((row) => nameKey(row.name) === nameKey(admin1));
  if (!found) throw new AppError("bad_request", `admin1: "${admin1}" is not a region of this country (${rows.map((row) => row.name).join(", ")})`);
  return found.name;
}

async function reformOf(tx: Tx, countryCode: string, admin2: string | null): Promise<string | null> {
  if (!admin2) return null;
  const rows = await tx.$queryRaw<{ admin1_reform: string | null }[]>`
    SELECT admin1_reform FROM place WHERE kind = 'admin2' AND country_code = ${countryCode} AND name = ${admin2} LIMIT 1`;
  return rows[0]?.admin1_reform ?? null;
}

type ShippedPlace = { id: number; kind: string; name: string; country_code: string; latitude: number | null; longitude: number | null; admin1_reform: string | null; admin1: string | null; admin2: string | null };

/** A shipped place with the names of its region and district (read from its parents). */
export async function findShippedPlace(db: Tx, id: number): Promise<ShippedPlace | undefined> {
  const rows = await db.$queryRaw<ShippedPlace[]>`
    SELECT p.id, p.kind::text AS kind, p.name, p.country_code, p.latitude, p.longitude, p.admin1_reform,
           CASE WHEN p.kind = 'admin1' THEN p.name WHEN p1.kind = 'admin1' THEN p1.name WHEN p2.kind = 'admin1' THEN p2.name END AS admin1,
           CASE WHEN p.kind = 'admin2' THEN p.name WHEN p1.kind = 'admin2' THEN p1.name END AS admin2
      FROM place p LEFT JOIN place p1 ON p1.id = p.parent_id LEFT JOIN place p2 ON p2.id = p1.parent_id
     WHERE p.id = ${id}`;
  return rows[0];
}

const PRECISION_OF_KIND: Record<string, number> = { locality: 1, admin2: 2, admin1: 3 };

/**
 * The incidents of the name, updated and audited in one statement. `target` null (a rejected name): each
 * incident loses the name and goes to the centre of its own district, else region, else country.
 */
async function regeocode(tx: Tx, name: { id: number; name: string; country: string; spellings: string[] }, countryCode: string, target: Target | null, kind: string, user: SessionUser | null, ip: string | null): Promise<number> {
  // Each row of `next` carries the incident's old values (for the audit row) beside its new ones. The UPDATE
  // finds each incident by id, not by the physical address the CTE saw: an edit committed while the lock
  // was awaited leaves a newer row version, which only the id reaches (by address it was silently skipped).
  const fixed = target
    ? `SELECT t.*, $10::text AS location, $11::float8 AS latitude, $12::float8 AS longitude, $13::text AS admin1, $14::text AS admin1_reform,
              $15::text AS admin2, $16::smallint AS geo_precision FROM target t`
    : `SELECT t.*, NULL::text AS location, coalesce(ap.latitude, t.old_latitude) AS latitude, coalesce(ap.longitude, t.old_longitude) AS longitude,
              t.old_admin1 AS admin1, t.old_admin1_reform AS admin1_reform, t.old_admin2 AS admin2, coalesce(ap.precision, 3)::smallint AS geo_precision
         FROM target t LEFT JOIN area_point ap ON ap.admin1 IS NOT DISTINCT FROM t.old_admin1 AND ap.admin2 IS NOT DISTINCT FROM t.old_admin2`;
  const sql = `
    WITH target AS (
      SELECT id, location AS old_location, latitude AS old_latitude, longitude AS old_longitude, admin1 AS old_admin1,
             admin1_reform AS old_admin1_reform, admin2 AS old_admin2, geo_precision AS old_precision FROM incident
       WHERE country = $1 AND location = ANY($2::text[]) FOR UPDATE
    ), area_point AS (
      SELECT a.admin1, a.admin2, pt.latitude, pt.longitude, pt.precision
        FROM (SELECT DISTINCT old_admin1 AS admin1, old_admin2 AS admin2 FROM target) a
        CROSS JOIN LATERAL (
          SELECT p.latitude, p.longitude, CASE p.kind WHEN 'admin2' THEN 2 ELSE 3 END AS precision FROM place p
           WHERE p.country_code = $3 AND p.latitude IS NOT NULL
             AND ((p.kind = 'admin2' AND p.name = a.admin2) OR (p.kind = 'admin1' AND p.name = a.admin1) OR p.kind = 'country')
           ORDER BY CASE p.kind WHEN 'admin2' THEN 0 WHEN 'admin1' THEN 1 ELSE 2 END LIMIT 1) pt
    ), next AS (${fixed}
    ), changed AS (
      UPDATE incident i SET location = n.location, latitude = n.latitude, longitude = n.longitude, admin1 = n.admin1,
             admin1_reform = n.admin1_reform, admin2 = n.admin2, geo_precision = n.geo_precision, version = i.version + 1, updated_at = now()
        FROM next n
       WHERE i.id = n.id
      RETURNING i.id, i.version, n.old_location, n.old_latitude, n.old_longitude, n.old_admin1, n.old_admin2, n.old_precision,
                n.location, n.latitude, n.longitude, n.admin1, n.admin2, n.geo_precision
    ), audited AS (
      INSERT INTO audit_event (user_id, user_email, action, target_type, target_id, details, ip)
      SELECT $4::int, $5::text, 'incident.place', 'incident', c.id::text,
             jsonb_build_object('placeName', $6::int, 'name', $7::text, 'resolution', $8::text, 'version', c.version, 'changes', jsonb_build_object(
               'location', jsonb_build_object('from', c.old_location, 'to', c.location),
               'latitude', jsonb_build_object('from', c.old_latitude, 'to', c.latitude),
               'longitude', jsonb_build_object('from', c.old_longitude, 'to', c.longitude),
               'admin1', jsonb_build_object('from', c.old_admin1, 'to', c.admin1),
               'admin2', jsonb_build_object('from', c.old_admin2, 'to', c.admin2),
               'geoPrecision', jsonb_build_object('from', c.old_precision, 'to', c.geo_precision))),
             $9::text
        FROM changed c
      RETURNING 1
    )
    SELECT count(*)::int AS changed FROM audited`;
  const rows = await tx.$queryRawUnsafe<{ changed: number }[]>(
    sql,
    name.country,
    name.spellings,
    countryCode,
    user?.id ?? null,
    user?.email ?? null,
    name.id,
    name.name,
    kind,
    ip,
    ...(target ? [target.location, target.latitude, target.longitude, target.admin1, target.admin1Reform, target.admin2, target.geoPrecision] : []),
  );
  return rows[0]!.changed;
}

type QueuedName = { id: number; name: string; key: string; country: string; spellings: string[]; learned_place_id: number | null };

/** Inserts or replaces the learned entry of a name; its other spellings become alternate names. */
async function learn(tx: Tx, name: QueuedName, target: Target, source: string, placeId: number | null): Promise<number> {
  const alternates = [...new Set(name.spellings.filter((spelling) => spelling !== target.location))];
  const data = { name: target.location!, key: nameKey(target.location!), alternateNames: alternates, country: name.country, admin1: target.admin1, admin2: target.admin2, latitude: target.latitude!, longitude: target.longitude!, source, placeId };
  if (name.learned_place_id !== null) {
    const updated = await tx.learnedPlace.updateMany({ where: { id: name.learned_place_id }, data });
    if (updated.count) return name.learned_place_id;
  }
  return (await tx.learnedPlace.create({ data })).id;
}

export type ResolveOptions = { ip?: string | null; source?: string };

export async function resolvePlaceName(id: number, resolution: PlaceResolution, user: SessionUser | null, options: ResolveOptions = {}): Promise<ResolvedPlaceName> {
  const result = await prisma.$transaction(
    async (tx) => {
      const [name] = await tx.$queryRaw<QueuedName[]>`
        SELECT id, name, key, country, spellings, learned_place_id FROM place_name WHERE id = ${id} FOR UPDATE`;
      if (!name) throw new AppError("not_found", `Place name ${id} does not exist`);
      const countryCode = countryCodeOf(name.country);
      if (!countryCode) throw new AppError("bad_request", `The country of this name (${name.country}) is not in the gazetteer`);

      let target: Target | null = null;
      let status: "resolved" | "alias" | "rejected" = "rejected";
      let learnedPlaceId: number | null = null;
      if (resolution.kind === "coordinates") {
        const admin1 = await knownAdmin1(tx, countryCode, resolution.admin1);
        const admin2 = resolution.admin2 ?? null;
        target = { location: name.name, latitude: resolution.latitude, longitude: resolution.longitude, admin1, admin1Reform: await reformOf(tx, countryCode, admin2), admin2, geoPrecision: 1 };
        status = "resolved";
        learnedPlaceId = await learn(tx, name, target, options.source ?? "analyst", null);
      } else if (resolution.kind === "alias") {
        const place = await findShippedPlace(tx, resolution.placeId);
        if (!place) throw new AppError("bad_request", `placeId: place ${resolution.placeId} does not exist`);
        if (place.country_code !== countryCode) throw new AppError("bad_request", `placeId: ${place.name} is not in ${name.country}`);
        if (place.kind === "country" || place.latitude === null || place.longitude === null) throw new AppError("bad_request", `placeId: ${place.name} is a country or has no coordinates`);
        target = {
          location: place.name, latitude: place.latitude, longitude: place.longitude, admin1: place.admin1, admin1Reform: place.admin1_reform,
          admin2: place.admin2, geoPrecision: PRECISION_OF_KIND[place.kind] ?? 1,
        };
        status = "alias";
        // Learned under the name as written, pointing at the place: the extractor then finds the name.
        learnedPlaceId = await learn(tx, name, { ...target, location: name.name }, "alias", place.id);
      } else if (name.learned_place_id !== null) {
        await tx.learnedPlace.deleteMany({ where: { id: name.learned_place_id } });
      }

      const changed = await regeocode(tx, name, countryCode, target, resolution.kind, user, options.ip ?? null);
      const decided = { kind: resolution.kind, ...(target ? { location: target.location, latitude: target.latitude, longitude: target.longitude, admin1: target.admin1, admin2: target.admin2 } : {}), ...(resolution.kind === "alias" ? { placeId: resolution.placeId } : {}), by: user?.email ?? null, incidents: changed };
      // Spellings stay the name's own: an alias's incidents now carry the known place's name, which other
      // incidents share, so a later resolve of this name must not sweep those up.
      const place = await tx.placeName.update({
        where: { id },
        data: { status, resolution: decided, resolvedAt: new Date(), learnedPlaceId, ...(changed > 0 ? { incidentCount: changed } : {}) },
      });
      await recordAudit({ user, action: "place_name.resolve", targetType: "place_name", targetId: id, details: decided, ip: options.ip ?? null }, tx);
      return {
        place: { id: place.id, name: place.name, country: place.country, admin1: place.admin1, admin2: place.admin2, status: place.status, incidentCount: place.incidentCount, learnedPlaceId: place.learnedPlaceId, resolution: place.resolution },
        incidentsChanged: changed,
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  invalidateOverviewCache();
  invalidateLearnedGazetteer();
  return result;
}
