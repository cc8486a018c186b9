import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { MAP_COUNTRIES } from "@/lib/geo/boundaries";
import { COUNTRIES } from "@/lib/ingest/gazetteer";
import { EVENT_TYPES, SUB_EVENT_TYPES, ACTOR_TYPE_CODES, REVIEW_STATUSES, DATE_PRECISIONS, DISORDER_TYPE } from "@/lib/incidents/taxonomy";

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → message, for every leaf. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

/** The names of an ICU message's arguments and rich-text tags ({count}, <strong>), which both languages must use alike. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = leaves(en as Tree);
const french = leaves(fr as Tree);

describe("message files", () => {
  it("every English key has a French message", () => {
    expect([...english.keys()].filter((key) => !french.has(key))).toEqual([]);
  });

  it("every French key has an English message", () => {
    expect([...french.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("no message is empty", () => {
    const empty = [...english, ...french].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("both languages use the same arguments in each message", () => {
    const mismatched = [...english].filter(([key, text]) => french.has(key) && argumentsOf(text).join() !== argumentsOf(french.get(key)!).join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("every ACLED code of the taxonomy has a label in both languages", () => {
    const codes = [
      ...EVENT_TYPES.map((code) => `eventType.${code}`),
      ...SUB_EVENT_TYPES.map((code) => `subEventType.${code}`),
      ...ACTOR_TYPE_CODES.map((code) => `actorType.${code}`),
      ...REVIEW_STATUSES.map((code) => `status.${code}`),
      ...DATE_PRECISIONS.map((code) => `datePrecision.${code}`),
      ...Object.values(DISORDER_TYPE).map((code) => `disorderType.${code}`),
    ];
    expect(SUB_EVENT_TYPES).toHaveLength(25);
    expect(codes.filter((key) => !english.has(key) || !french.has(key))).toEqual([]);
  });

  it("every country of the gazetteer and the map is named in both languages, in French as the gazetteer spells it", () => {
    const names = [...new Set([...COUNTRIES.map((country) => country.name), ...MAP_COUNTRIES])];
    expect(names.filter((name) => english.get(`country.${name}`) !== name)).toEqual([]);
    const frenchName = new Map(COUNTRIES.map((country) => [country.name, country.nameFr]));
    expect(names.filter((name) => french.get(`country.${name}`)?.replace(/’/g, "'") !== frenchName.get(name))).toEqual([]);
    expect(french.get("country.Mauritania")).toBe("Mauritanie");
  });

  it("French names the event types as ACLED's French-speaking users do", () => {
    expect(french.get("eventType.Battles")).toBe("Batailles");
    expect(french.get("eventType.Violence against civilians")).toBe("Violence contre des civils");
    expect(french.get("eventType.Explosions/Remote violence")).toBe("Explosions/Violence à distance");
    expect(french.get("eventType.Riots")).toBe("Émeutes");
    expect(french.get("eventType.Protests")).toBe("Manifestations");
    expect(french.get("eventType.Strategic developments")).toBe("Développements stratégiques");
  });
});
