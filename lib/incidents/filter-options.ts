/** The choices of the filter bar. */
import "server-only";
import { prisma } from "@/lib/db/client";
import type { FilterOptions } from "./types";

/**
 * Choices for the filter bar, from the place table (the loaded gazetteer) and the actor dictionary. Each
 * place carries its parents, so the bar can narrow admin1 to the chosen countries and so on.
 */
export async function getFilterOptions(): Promise<FilterOptions> {
  const [places, actors] = await Promise.all([
    prisma.$queryRaw<{ kind: string; name: string; country: string; admin1: string | null; admin2: string | null; reform: string | null }[]>`
      SELECT p.kind::text AS kind, p.name, coalesce(c.name, p.name) AS country,
             CASE p.kind WHEN 'admin1' THEN p.name
                         WHEN 'admin2' THEN CASE WHEN up.kind = 'admin1' THEN up.name END
                         WHEN 'locality' THEN CASE up.kind WHEN 'admin1' THEN up.name WHEN 'admin2' THEN up2.name END END AS admin1,
             CASE p.kind WHEN 'admin2' THEN p.name WHEN 'locality' THEN CASE WHEN up.kind = 'admin2' THEN up.name END END AS admin2,
             p.admin1_reform AS reform
      FROM place p
      -- A locality hangs under its district, or straight under its region when the district is unknown.
      LEFT JOIN place up ON up.id = p.parent_id AND p.kind IN ('admin2', 'locality')
      LEFT JOIN place up2 ON up2.id = up.parent_id AND up2.kind = 'admin1'
      LEFT JOIN place c ON c.kind = 'country' AND c.country_code = p.country_code
      ORDER BY p.name`,
    prisma.actor.findMany({ select: { name: true, type: true, aliases: { select: { alias: true } } }, orderBy: { name: "asc" } }),
  ]);
  const of = (kind: string) => places.filter((place) => place.kind === kind);
  return {
    countries: of("country").map((place) => place.name),
    admin1: of("admin1").map((place) => ({ name: place.name, country: place.country, reform: place.reform === place.name })),
    admin2: of("admin2").map((place) => ({ name: place.name, country: place.country, admin1: place.admin1 })),
    locations: of("locality").map((place) => ({ name: place.name, country: place.country, admin1: place.admin1, admin2: place.admin2 })),
    actors: actors.map((actor) => ({ name: actor.name, type: actor.type, aliases: actor.aliases.map((alias) => alias.alias).filter((alias) => alias !== actor.name) })),
  };
}
