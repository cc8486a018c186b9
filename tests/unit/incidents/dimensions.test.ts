/** The table of filter dimensions: what is derived from it, and what each entry must carry. */
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { DIMENSION_NAMES, DIMENSIONS, type AnyDimension } from "@/lib/incidents/dimensions";
import { FILTER_KEYS, FilterError, filterToSearchParams, parseIncidentFilter, parseIncidentFilterTolerant } from "@/lib/incidents/filters";
import { incidentConditions } from "@/lib/incidents/where";
import { readsIncidentRows } from "@/lib/incidents/stats-plan";

describe("filter dimensions", () => {
  it("are every filter parameter, followed by sort and paging", () => {
    expect(FILTER_KEYS).toEqual([...DIMENSION_NAMES.filter((name) => DIMENSIONS[name].arity === "many"), ...DIMENSION_NAMES.filter((name) => DIMENSIONS[name].arity === "one"), "sort", "page", "pageSize"]);
    expect(FILTER_KEYS).toContain("language");
  });

  it("each have a label, and every choice a label, in English and in French", () => {
    for (const messages of [en, fr]) {
      const filters = messages.filters as Record<string, unknown>;
      for (const name of DIMENSION_NAMES) {
        const dimension = DIMENSIONS[name] as AnyDimension;
        expect(typeof filters[dimension.label], `${name} label`).toBe("string");
        const optionLabel = dimension.choices?.optionLabel;
        if (optionLabel && "message" in optionLabel) {
          for (const value of dimension.choices!.values) expect(typeof (filters[optionLabel.message] as Record<string, unknown>)[String(value)], `${name}=${value}`).toBe("string");
        }
      }
    }
  });

  it("parse language strictly (fr, en), tolerantly drop a bad one, and keep it through the URL form", () => {
    expect(parseIncidentFilter(new URLSearchParams("language=fr&language=en")).language).toEqual(["fr", "en"]);
    expect(() => parseIncidentFilter(new URLSearchParams("language=de"))).toThrow(FilterError);
    expect(() => parseIncidentFilter(new URLSearchParams("language=de"))).toThrow(/^language: must be one of fr, en/);
    expect(parseIncidentFilterTolerant(new URLSearchParams("language=de&country=Mali"))).toMatchObject({ language: [], country: ["Mali"] });
    const filter = parseIncidentFilter(new URLSearchParams("country=Mali&language=en&from=2024-01-01"));
    expect(filterToSearchParams(filter).toString()).toBe("country=Mali&language=en&from=2024-01-01");
  });

  it("add one condition per dimension set, the language one over the incident's sources with its values bound", () => {
    const conditions = incidentConditions(parseIncidentFilter(new URLSearchParams("language=en&country=Mali")));
    expect(conditions).toHaveLength(3);
    const language = conditions.find((condition) => condition.sql.includes("src.language"))!;
    expect(language.sql).toMatch(/EXISTS \(\s*SELECT 1 FROM incident_source isrc JOIN source src ON src.id = isrc.source_id\s*WHERE isrc.incident_id = i.id AND src.language = ANY\(\?\)/);
    expect(language.values).toEqual([["en"]]);
  });

  it("say which need the incident rows rather than the overview's covering index", () => {
    expect(readsIncidentRows(parseIncidentFilter(new URLSearchParams("q=attaque")))).toBe(true);
    expect(readsIncidentRows(parseIncidentFilter(new URLSearchParams("location=Diboli")))).toBe(true);
    expect(readsIncidentRows(parseIncidentFilter(new URLSearchParams("language=fr&country=Mali")))).toBe(false);
  });
});
