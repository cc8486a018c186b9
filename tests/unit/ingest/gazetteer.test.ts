import { describe, it, expect } from "vitest";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import curated from "../../../lib/ingest/data/gazetteer.json";
import geonames from "../../../lib/ingest/data/geonames-localities.json";
import { findPlaces, lookupPlace, PLACES, type PlaceMention } from "../../../lib/ingest/gazetteer";
import { extractArticle } from "../../../lib/ingest/pipeline";

const found = (text: string) => findPlaces(text).map((m: PlaceMention) => ({ text: text.slice(m.start, m.end), ...m.place }));
const geonamesLocality = (name: string) => lookupPlace(name, "locality", { geonames: true }).filter((p) => p.origin === "geonames");

describe("GeoNames localities", () => {
  // One town per focus country that the curated list lacks, as a reporter would write it.
  const towns = [
    { text: "Au Mali, des hommes armés ont attaqué Sokolo dimanche.", name: "Sokolo", country: "Mali", admin1: "Segou", latitude: 14.7328, longitude: -6.1219 },
    { text: "Au Sénégal, des affrontements ont éclaté à Vélingara.", name: "Vélingara", country: "Senegal", admin1: "Kolda", latitude: 13.15, longitude: -14.1167 },
    { text: "En Mauritanie, un convoi a été attaqué près de Boutilimit.", name: "Boutilimitt", country: "Mauritania", admin1: "Trarza", latitude: 17.5458, longitude: -14.6978 },
    { text: "Burkina Faso: soldiers were ambushed near Bourzanga on Monday.", name: "Bourzanga", country: "Burkina Faso", admin1: "Centre-Nord", latitude: 13.6781, longitude: -1.5461 },
    { text: "Gunmen killed 15 villagers in Tanout, in Niger's Zinder region.", name: "Tanout", country: "Niger", admin1: "Zinder", latitude: 14.9709, longitude: 8.8879 },
  ];

  it.each(towns)("finds $name ($country), which only GeoNames knows, with its country, region and coordinates", (town) => {
    expect(lookupPlace(town.name).filter((p) => p.origin === "curated")).toEqual([]);
    const place = found(town.text).find((p) => p.kind === "locality");
    expect(place).toMatchObject({ name: town.name, country: town.country, admin1: town.admin1, origin: "geonames" });
    expect(place!.latitude).toBeCloseTo(town.latitude, 3);
    expect(place!.longitude).toBeCloseTo(town.longitude, 3);
  });

  it("takes a district seat that only GeoNames knows without its country named, with its district", () => {
    const [i] = extractArticle({ text: "Mardi, des hommes armés ont tué trois commerçants à Tassara.", publishedAt: "2025-03-12" }).incidents;
    expect(i).toMatchObject({ country: "Niger", admin1: "Tahoua", admin2: "Tassara", location: "Tassara", geoPrecision: 1 });
    expect(i!.latitude).toBeCloseTo(16.8047, 3);
  });

  it("codes an incident at a GeoNames town with its region and coordinates at precision 1", () => {
    const [incident] = extractArticle({ text: "Mali : des jihadistes ont attaqué Sokolo le 3 mars 2025, tuant dix soldats.", publishedAt: "2025-03-05" }).incidents;
    expect(incident).toMatchObject({ country: "Mali", admin1: "Segou", location: "Sokolo", geoPrecision: 1, latitude: 14.7328, longitude: -6.1219 });
  });

  it("gives a Malian town its 2023-reform region when its cercle says which", () => {
    expect(geonamesLocality("Kokofata")[0]).toMatchObject({ country: "Mali", admin1: "Kayes", admin2: "Kita", admin1Reform: "Kita" });
  });

  it("does not take a place named like a common word or a person for a place in running text", () => {
    const ivorian = "En Côte d'Ivoire, même si l'armée ivoirienne patrouille, Même les villageois de Kafolo ont fui.";
    expect(found(ivorian).map((p) => p.text)).toEqual(["Côte d'Ivoire", "Kafolo"]);
    expect(found("Au Niger, Keïta a déclaré que l'armée tenait Tillabéri.").map((p) => p.text)).toEqual(["Niger", "Tillabéri"]);
    expect(found("Hong Kong a salué l'accord avec la Côte d'Ivoire.").map((p) => p.text)).toEqual(["Côte d'Ivoire"]);
  });

  it("takes such a name when the text says it is a village", () => {
    expect(found("En Côte d'Ivoire, le village de Même a été attaqué.").map((p) => [p.text, p.kind, p.country])).toEqual([
      ["Côte d'Ivoire", "country", "Ivory Coast"],
      ["Même", "locality", "Ivory Coast"],
    ]);
  });

  it("takes a GeoNames place only when the text speaks of its country", () => {
    // Kafolo is an Ivorian village; a Malian story naming a Kafolo means another one.
    expect(found("Des hommes armés ont attaqué Kafolo, au Mali.").map((p) => p.text)).toEqual(["Mali"]);
    const [incident] = extractArticle({ text: "Le 11 juin 2025, des hommes armés ont attaqué le village de Kafolo au Mali, tuant trois civils.", publishedAt: "2025-06-15" }).incidents;
    expect(incident).toMatchObject({ country: "Mali", location: "Kafolo", geoPrecision: 3, latitude: null, longitude: null });
  });

  it("never reads part of a hyphenated village name as a GeoNames place", () => {
    // "Kourou" is an Ivorian village; "Kourou-Peul" a Malian one the gazetteer lacks.
    expect(found("Au Mali et en Côte d'Ivoire, le village de Kourou-Peul a été attaqué.").map((p) => p.text)).toEqual(["Mali", "Côte d'Ivoire"]);
  });

  it("picks among namesakes in two countries the one whose country the text speaks of", () => {
    expect(found("In Nigeria's Borno state, fighters attacked Bama.").find((p) => p.text === "Bama")).toMatchObject({ country: "Nigeria", admin1: "Borno" });
    expect(found("Au Burkina Faso, des terroristes ont attaqué Bama.").find((p) => p.text === "Bama")).toMatchObject({ country: "Burkina Faso", admin1: "Boucle du Mouhoun" });
  });

  it("lets curated entries win over GeoNames ones", () => {
    // GeoNames has a Gao in Burkina Faso and a Rosso in Senegal; the curated Gao (Mali) and Rosso (Mauritania) win.
    expect(lookupPlace("Gao", undefined, { geonames: true }).map((p) => [p.kind, p.countryCode, p.origin])).toEqual([
      ["admin1", "ML", "curated"], ["locality", "ML", "curated"], ["admin2", "ML", "curated"],
    ]);
    expect(lookupPlace("Rosso", "locality", { geonames: true }).map((p) => [p.countryCode, p.origin])).toEqual([["MR", "curated"]]);
    expect(found("Au Burkina Faso, des hommes armés ont attaqué Gao.").find((p) => p.text === "Gao")).toMatchObject({ country: "Mali", origin: "curated" });
    // A GeoNames spelling of a curated town is an alias of the curated entry, with its curated region and point.
    expect(lookupPlace("Aribinda", "locality")).toEqual(lookupPlace("Arbinda", "locality"));
    expect(lookupPlace("Aribinda", "locality")[0]).toMatchObject({ origin: "curated", admin1: "Sahel", latitude: 14.23 });
  });

  it("keeps every GeoNames place of the five countries in a region the curated data names", () => {
    const regions = new Set((curated as unknown as { admin1: [string, string][] }).admin1.map(([code, name]) => `${code}:${name}`));
    const rows = (geonames as unknown as { localities: [string, string, string][] }).localities.filter(([code]) => ["ML", "SN", "MR", "BF", "NE"].includes(code));
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.filter(([code, , admin1]) => !regions.has(`${code}:${admin1}`))).toEqual([]);
  });

  it("ships a compact file and adds GeoNames places alongside the curated ones", () => {
    const bytes = statSync(fileURLToPath(new URL("../../../lib/ingest/data/geonames-localities.json", import.meta.url))).size;
    expect(bytes).toBeLessThan(150_000);
    const ids = PLACES.map((p) => `${p.kind}:${p.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the Sahel belt and Burkina Faso's Sahel region", () => {
  it("reads 'the restive Sahel region' as no place in a text about Niger, and as Burkina's region in one about Burkina", () => {
    const names = (t: string) => findPlaces(t).map((p) => `${p.place.name}/${p.place.kind}`);
    expect(names("An ambush near the Niger-Mali border, in the restive Sahel region.")).not.toContain("Sahel/admin1");
    expect(names("Une attaque dans la région du Sahel, au Burkina Faso.")).toContain("Sahel/admin1");
  });
});
