/**
 * The queue of place names for the Places page and GET /api/places: names by how many incidents wait on
 * them, each with ranked candidates from the shipped and the learned gazetteer.
 *
 * Candidates: trigram similarity (pg_trgm, GIN index on the names) of the name as written and of its
 * folded form, within the name's country only, less a penalty for the distance to the hinted district
 * or region (its centre in the shipped gazetteer): a village of the same name 600 km away ranks below a
 * near-namesake in the right district. 0.1 of similarity per 100 km, at most 0.3.
 */
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError, zodMessage } from "@/lib/errors/app-error";
import { foldText } from "@/lib/text/fold";
import { countryCodeOf } from "./learned";

export const PLACE_STATUSES = ["pending", "resolved", "alias", "rejected"] as const;

export const placeListSchema = z
  .object({
    status: z.enum(PLACE_STATUSES, { message: `must be one of ${PLACE_STATUSES.join(", ")}` }).default("pending"),
    country: z.string().trim().min(1).max(100).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(100).default(25),
  })
  .strict();

export type PlaceListQuery = z.infer<typeof placeListSchema>;

export function parsePlaceListQuery(params: URLSearchParams): PlaceListQuery {
  const parsed = placeListSchema.safeParse(Object.fromEntries([...params.entries()].filter(([, value]) => value !== "")));
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
  return parsed.data;
}

export type PlaceCandidate = {
  source: "gazetteer" | "learned";
  /** Shipped place id (accept with {placeId}); learned entries are accepted by their coordinates. */
  placeId: number | null;
  learnedPlaceId: number | null;
  name: string;
  kind: string;
  admin1: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  similarity: number;
  /** From the centre of the hinted district (else region); null without a hint. */
  distanceKm: number | null;
  score: number;
};

export type PlaceNameRow = {
  id: number;
  name: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  incidentCount: number;
  status: string;
  examples: string[];
  spellings: string[];
  resolution: unknown;
  candidates: PlaceCandidate[];
};

const CANDIDATES = 5;

async function candidatesFor(names: { id: number; name: string; country: string; admin1: string | null; admin2: string | null }[]): Promise<Map<number, PlaceCandidate[]>> {
  if (!names.length) return new Map();
  const rows = await prisma.$queryRawUnsafe<(PlaceCandidate & { nameId: number })[]>(
    `SELECT n.id AS "nameId", c.*
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS n(id, name, folded, country, country_code, admin1, admin2)
       LEFT JOIN LATERAL (
         SELECT h.latitude, h.longitude FROM place h
          WHERE h.country_code = n.country_code AND h.latitude IS NOT NULL
            AND ((h.kind = 'admin2' AND h.name = n.admin2) OR (h.kind = 'admin1' AND h.name = n.admin1))
          ORDER BY CASE h.kind WHEN 'admin2' THEN 0 ELSE 1 END LIMIT 1) hint ON true
       CROSS JOIN LATERAL (
         SELECT m.*, round(m.sim::numeric, 3)::float8 AS similarity, d.km AS "distanceKm",
                round((m.sim - coalesce(least(d.km / 1000, 0.3), 0))::numeric, 3)::float8 AS score
           FROM (
             SELECT 'gazetteer' AS source, p.id AS "placeId", NULL::int AS "learnedPlaceId", p.name, p.kind::text AS kind,
                    CASE WHEN p1.kind = 'admin1' THEN p1.name WHEN p2.kind = 'admin1' THEN p2.name END AS admin1,
                    CASE WHEN p.kind = 'admin2' THEN p.name WHEN p1.kind = 'admin2' THEN p1.name END AS admin2,
                    p.latitude, p.longitude, greatest(similarity(p.name, n.name), similarity(p.name, n.folded)) AS sim
               FROM place p LEFT JOIN place p1 ON p1.id = p.parent_id LEFT JOIN place p2 ON p2.id = p1.parent_id
              WHERE (p.name % n.name OR p.name % n.folded) AND p.country_code = n.country_code
                AND p.kind IN ('locality', 'admin2') AND p.latitude IS NOT NULL
             UNION ALL
             SELECT 'learned', NULL, l.id, l.name, 'locality', l.admin1, l.admin2, l.latitude, l.longitude,
                    greatest(similarity(l.name, n.name), similarity(l.name, n.folded))
               FROM learned_place l
              WHERE (l.name % n.name OR l.name % n.folded) AND l.country = n.country
           ) m
           CROSS JOIN LATERAL (SELECT CASE WHEN hint.latitude IS NULL THEN NULL ELSE round((6371 * 2 * asin(sqrt(
                 power(sin(radians(m.latitude - hint.latitude) / 2), 2) +
                 cos(radians(hint.latitude)) * cos(radians(m.latitude)) * power(sin(radians(m.longitude - hint.longitude) / 2), 2))))::numeric, 1)::float8 END AS km) d
          ORDER BY score DESC, m.name
          LIMIT ${CANDIDATES}) c`,
    names.map((n) => n.id),
    names.map((n) => n.name),
    names.map((n) => foldText(n.name)),
    names.map((n) => n.country),
    names.map((n) => countryCodeOf(n.country) ?? ""),
    names.map((n) => n.admin1),
    names.map((n) => n.admin2),
  );
  const byName = new Map<number, PlaceCandidate[]>();
  for (const { nameId, ...candidate } of rows) byName.set(nameId, [...(byName.get(nameId) ?? []), candidate as PlaceCandidate]);
  return byName;
}

export async function listPlaceNames(query: PlaceListQuery): Promise<{ rows: PlaceNameRow[]; total: number }> {
  const where = {
    status: query.status,
    ...(query.country ? { country: query.country } : {}),
    ...(query.q ? { key: { contains: foldText(query.q) } } : {}),
  };
  const [names, total] = await Promise.all([
    prisma.placeName.findMany({
      where,
      orderBy: [{ incidentCount: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.placeName.count({ where }),
  ]);
  const candidates = await candidatesFor(names);
  return {
    rows: names.map((name) => ({
      id: name.id,
      name: name.name,
      country: name.country,
      admin1: name.admin1,
      admin2: name.admin2,
      incidentCount: name.incidentCount,
      status: name.status,
      examples: name.examples,
      spellings: name.spellings,
      resolution: name.resolution,
      candidates: candidates.get(name.id) ?? [],
    })),
    total,
  };
}

/** The regions of a country in the shipped gazetteer, for the resolve form. */
export async function listAdmin1(country: string): Promise<string[]> {
  const code = countryCodeOf(country);
  if (!code) return [];
  const rows = await prisma.place.findMany({ where: { kind: "admin1", countryCode: code, admin1Reform: null }, select: { name: true }, orderBy: { name: "asc" } });
  return rows.map((row) => row.name);
}
