/**
 * The committed admin-1 boundaries of the overview map (lib/geo/sahel-admin1.json, built by
 * scripts/data/build-boundaries.ts from Natural Earth; see LICENSE.md) and the join of incident totals onto
 * them. Pure data, no network: the map draws from this file alone.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import raw from "./sahel-admin1.json";

export type RegionProperties = {
  id: string;
  countryCode: string;
  country: string;
  /** Natural Earth's name, shown on the map. */
  name: string;
  /** The incident admin1 value a click filters on first. */
  admin1: string;
  /** Every incident admin1 value drawn inside this shape (e.g. Gao and Menaka). */
  admin1Names: string[];
};
export type RegionShape = Feature<Polygon | MultiPolygon, RegionProperties>;
export type CountryShape = Feature<Polygon | MultiPolygon, { countryCode: string; country: string }>;

const data = raw as unknown as {
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProperties>;
  countries: FeatureCollection<Polygon | MultiPolygon, { countryCode: string; country: string }>;
};

export const REGION_SHAPES: RegionShape[] = data.regions.features;
export const COUNTRY_SHAPES: CountryShape[] = data.countries.features;
export const MAP_COUNTRIES: string[] = COUNTRY_SHAPES.map((shape) => shape.properties.country);

type Totals = { incidents: number; fatalities: number; fatalitiesUnknown: number; precise: number };
export type ShapeTotals = Totals & { admin1Names: string[] };

/**
 * Sums the per-(country, admin1) totals of the stats into the map's shapes. Incidents of other countries
 * or without an admin1 have no shape: they are returned as `unplaced`, so the map can say how many it
 * does not show rather than silently dropping them.
 */
export function totalsByShape(
  regions: { country: string; admin1: string | null; incidents: number; fatalities: number; fatalitiesUnknown: number; precise: number }[],
  shapes: RegionShape[] = REGION_SHAPES,
): { byShape: Map<string, ShapeTotals>; unplaced: number } {
  const index = new Map<string, RegionShape>();
  for (const shape of shapes) for (const name of shape.properties.admin1Names) index.set(`${shape.properties.country}\u0000${name}`, shape);
  const byShape = new Map<string, ShapeTotals>();
  let unplaced = 0;
  for (const region of regions) {
    const shape = region.admin1 === null ? undefined : index.get(`${region.country}\u0000${region.admin1}`);
    if (!shape) {
      unplaced += region.incidents;
      continue;
    }
    const current = byShape.get(shape.properties.id) ?? { incidents: 0, fatalities: 0, fatalitiesUnknown: 0, precise: 0, admin1Names: [] };
    current.incidents += region.incidents;
    current.fatalities += region.fatalities;
    current.fatalitiesUnknown += region.fatalitiesUnknown;
    current.precise += region.precise;
    if (region.incidents > 0) current.admin1Names.push(region.admin1!);
    byShape.set(shape.properties.id, current);
  }
  return { byShape, unplaced };
}
