/**
 * The one projection of Vigie's maps (the overview map, the Places page's position picker): Mercator
 * fitted to the committed country boundaries, so a point is drawn at the same place on both.
 */
import { geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { COUNTRY_SHAPES, REGION_SHAPES } from "@/lib/geo/boundaries";

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 540;

export const projection = geoMercator().fitExtent(
  [
    [8, 8],
    [MAP_WIDTH - 8, MAP_HEIGHT - 8],
  ],
  { type: "FeatureCollection", features: COUNTRY_SHAPES } as FeatureCollection<Polygon | MultiPolygon>,
);
// Rounded output: server and browser compute the projection with last-digit differences, and unrounded
// numbers would make React's hydration see different attributes.
export const mapPath = geoPath(projection).digits(1);
export const roundCoordinate = (value: number) => Math.round(value * 10) / 10;
// The shapes never change: their SVG paths are computed once per page load, not on every render.
export const REGION_PATHS = REGION_SHAPES.map((shape) => ({ shape, d: mapPath(shape) ?? "" }));
export const COUNTRY_PATHS = COUNTRY_SHAPES.map((shape) => ({ shape, d: mapPath(shape) ?? "", centroid: mapPath.centroid(shape).map(roundCoordinate) as [number, number] }));
