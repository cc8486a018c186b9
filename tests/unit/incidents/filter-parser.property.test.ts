import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FilterError, FILTER_KEYS, filterToSearchParams, parseIncidentFilter, parseIncidentFilterTolerant } from "@/lib/incidents/filters";

const key = fc.oneof(fc.constantFrom(...FILTER_KEYS), fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom("2025-02-30", "9999-99-99", "-1", "1e309", "NaN", "Infinity", "' OR 1=1 --", "\u0000", "%00", "[]", "{}", "-eventDate", "0"),
  fc.integer().map(String),
);
const params = fc.array(fc.tuple(key, value), { maxLength: 30 }).map((entries) => new URLSearchParams(entries));

describe("filter parser under generated input", () => {
  it("strict parsing either returns a filter or throws a FilterError naming the parameter", () => {
    fc.assert(
      fc.property(params, (search) => {
        try {
          const filter = parseIncidentFilter(search);
          expect(filter.page).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(FilterError);
          const issues = (error as FilterError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) expect(issue.parameter).not.toBe("");
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("tolerant parsing never throws and always yields a usable filter", () => {
    fc.assert(
      fc.property(params, (search) => {
        const filter = parseIncidentFilterTolerant(search);
        expect(filter.pageSize).toBeGreaterThan(0);
        expect(Array.isArray(filter.country)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("a parsed filter survives a round trip through its URL form", () => {
    fc.assert(
      fc.property(params, (search) => {
        const filter = parseIncidentFilterTolerant(search);
        const again = parseIncidentFilter(filterToSearchParams(filter, { keepPaging: true }));
        expect(again).toEqual(filter);
      }),
      { numRuns: 2000 },
    );
  });
});
