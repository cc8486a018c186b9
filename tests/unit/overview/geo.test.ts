import { describe, expect, it } from "vitest";
import gazetteer from "@/lib/ingest/data/gazetteer.json";
import { MAP_COUNTRIES, REGION_SHAPES, totalsByShape } from "@/lib/geo/boundaries";
import { gazetteerNamesFor, type GazetteerAdmin1 } from "@/lib/geo/names";
import { colorForCount, countClasses, EMPTY_COLOR, SCALE_COLORS } from "@/lib/geo/scale";
import { readFileSync, statSync } from "node:fs";

const ADMIN1: GazetteerAdmin1[] = (gazetteer as unknown as { admin1: [string, string, number, number, string[]][] }).admin1.map(
  ([countryCode, name, , , aliases]) => ({ countryCode, name, aliases }),
);

describe("Natural Earth → gazetteer admin1 names", () => {
  it.each([
    ["ML", "Ségou", ["Segou"]],
    ["ML", "Timbuktu", ["Timbuktu", "Taoudeni"]],
    ["ML", "Gao", ["Gao", "Menaka"]],
    ["ML", "Kayes", ["Kayes"]],
    ["NE", "Tillabéri", ["Tillaberi"]],
    ["MR", "Hodh ech Chargui", ["Hodh Ech Chargui"]],
    ["MR", "Nouakchott", ["Nouakchott Nord", "Nouakchott Ouest", "Nouakchott Sud"]],
    ["SN", "Thiès", ["Thies"]],
    ["BF", "Boucle du Mouhoun", ["Boucle du Mouhoun"]],
  ])("%s %s → %j", (country, name, expected) => {
    expect(gazetteerNamesFor(country, name, ADMIN1)).toEqual(expected);
  });

  it("matches only within the same country, and nothing for an unknown name", () => {
    expect(gazetteerNamesFor("NE", "Kayes", ADMIN1)).toEqual([]);
    expect(gazetteerNamesFor("ML", "Atlantis", ADMIN1)).toEqual([]);
  });
});

describe("the committed boundaries", () => {
  it("is a small file covering the five countries, with every gazetteer region of theirs in exactly one shape", () => {
    expect(statSync("lib/geo/sahel-admin1.json").size).toBeLessThan(1_000_000);
    expect(MAP_COUNTRIES.sort()).toEqual(["Burkina Faso", "Mali", "Mauritania", "Niger", "Senegal"]);
    const mapped = ADMIN1.filter((entry) => ["ML", "SN", "MR", "BF", "NE"].includes(entry.countryCode));
    for (const entry of mapped) {
      const holders = REGION_SHAPES.filter((shape) => shape.properties.countryCode === entry.countryCode && shape.properties.admin1Names.includes(entry.name));
      expect(holders.map((shape) => shape.properties.name), entry.name).toHaveLength(1);
    }
    expect(JSON.parse(readFileSync("lib/geo/sahel-admin1.json", "utf8")).source).toMatch(/Natural Earth/);
  });

  it("winds exterior rings clockwise, as d3-geo's spherical paths need", () => {
    for (const shape of REGION_SHAPES) {
      const polygons = shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
      for (const [outer] of polygons) {
        let area = 0;
        for (let i = 0, j = outer!.length - 1; i < outer!.length; j = i++) area += (outer![j]![0]! - outer![i]![0]!) * (outer![j]![1]! + outer![i]![1]!);
        expect(area, shape.properties.name).toBeLessThan(0);
      }
    }
  });
});

describe("totalsByShape", () => {
  it("sums Ménaka into Gao and reports incidents without a shape", () => {
    const row = (country: string, admin1: string | null, incidents: number) => ({ country, admin1, incidents, fatalities: incidents * 2, fatalitiesUnknown: 1, precise: 0 });
    const { byShape, unplaced } = totalsByShape([row("Mali", "Gao", 5), row("Mali", "Menaka", 3), row("Chad", null, 4), row("Mali", null, 2), row("Niger", "Gao", 1)]);
    const gao = REGION_SHAPES.find((shape) => shape.properties.admin1 === "Gao")!;
    expect(byShape.get(gao.properties.id)).toMatchObject({ incidents: 8, fatalities: 16, fatalitiesUnknown: 2, admin1Names: ["Gao", "Menaka"] });
    // Niger has no region called Gao: that row is not silently put into Mali's.
    expect(unplaced).toBe(7);
  });
});

describe("the sequential scale", () => {
  it("covers 1..max with strictly increasing nice bounds and the darkest colour at the top", () => {
    const classes = countClasses(4579);
    expect(classes[0]!.min).toBe(1);
    expect(classes[classes.length - 1]!.max).toBe(4579);
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBe(classes[i - 1]!.max + 1);
    expect(classes[classes.length - 1]!.color).toBe(SCALE_COLORS[SCALE_COLORS.length - 1]);
    expect(colorForCount(4579, classes)).toBe(SCALE_COLORS[SCALE_COLORS.length - 1]);
    expect(colorForCount(1, classes)).toBe(classes[0]!.color);
  });

  it("uses fewer classes for small counts and the empty colour for zero", () => {
    expect(countClasses(3).map((item) => [item.min, item.max])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(countClasses(0)).toEqual([]);
    expect(colorForCount(0, countClasses(10))).toBe(EMPTY_COLOR);
  });
});
