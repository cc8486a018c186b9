/**
 * Natural Earth's admin-1 names and Vigie's incident `admin1` values (the gazetteer's, see
 * lib/ingest/data/gazetteer.json) do not always agree: accents ("Ségou" / "Segou"), case ("Hodh ech
 * Chargui" / "Hodh Ech Chargui"), and units Natural Earth does not have (Mali's Ménaka and Taoudénit,
 * created in 2012-2016, lie inside its older Gao and Tombouctou; Nouakchott's three wilayas are one
 * polygon). Each map shape therefore carries the list of incident admin1 values it stands for, so its
 * shade and its click-through filter cover the same incidents.
 */
import { foldText } from "@/lib/text/fold";

/** Incident admin1 values drawn inside the shape of another region, with why (shown in the map notes). */
export const CONTAINED_REGIONS: Record<string, { within: string; note: string }> = {
  Menaka: { within: "Gao", note: "Ménaka (a region since 2016) is drawn within Gao" },
  Taoudeni: { within: "Timbuktu", note: "Taoudénit (a region since 2016) is drawn within Tombouctou" },
  "Nouakchott Nord": { within: "Nouakchott", note: "Nouakchott's three wilayas are drawn as one" },
  "Nouakchott Ouest": { within: "Nouakchott", note: "Nouakchott's three wilayas are drawn as one" },
  "Nouakchott Sud": { within: "Nouakchott", note: "Nouakchott's three wilayas are drawn as one" },
};

/** A gazetteer admin1 entry: country code, name, aliases (the shape of gazetteer.json's `admin1` rows). */
export type GazetteerAdmin1 = { countryCode: string; name: string; aliases: string[] };

/**
 * The gazetteer admin1 names a Natural Earth region stands for, or [] when none matches. Matching is by
 * folded name or alias within the same country; Nouakchott and the regions that contain newer ones get
 * their extra names from CONTAINED_REGIONS.
 */
export function gazetteerNamesFor(countryCode: string, naturalEarthName: string, gazetteer: GazetteerAdmin1[]): string[] {
  const key = foldText(naturalEarthName);
  const inCountry = gazetteer.filter((entry) => entry.countryCode === countryCode);
  const direct = inCountry.find((entry) => [entry.name, ...entry.aliases].some((name) => foldText(name) === key));
  const shapeName = direct?.name ?? naturalEarthName;
  const contained = Object.entries(CONTAINED_REGIONS)
    .filter(([name, { within }]) => foldText(within) === foldText(shapeName) && inCountry.some((entry) => entry.name === name))
    .map(([name]) => name);
  return [...(direct ? [direct.name] : []), ...contained];
}
