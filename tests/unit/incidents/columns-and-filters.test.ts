import { describe, expect, it } from "vitest";
import { COLUMN_KEYS, DEFAULT_COLUMN_KEYS, columnsToParam, parseColumns } from "@/lib/incidents/columns";
import { FilterError, filterToSearchParams, parseIncidentFilter, parseIncidentFilterTolerant } from "@/lib/incidents/filters";
import { formatTotal } from "@/components/incidents/format";
import { formatterFor } from "@/lib/i18n/format";
import { orderBySql } from "@/lib/incidents/where";

describe("columns=", () => {
  it("defaults when absent or empty", () => {
    expect(parseColumns(undefined, "tolerant").keys).toEqual(DEFAULT_COLUMN_KEYS);
    expect(parseColumns("", "strict").keys).toEqual(DEFAULT_COLUMN_KEYS);
  });
  it("drops unknown names in tolerant mode and reports them in strict mode", () => {
    expect(parseColumns("id,bogus,summary", "tolerant")).toEqual({ keys: ["id", "summary"], unknown: ["bogus"] });
    expect(parseColumns("id,bogus", "strict")).toEqual({ keys: [], unknown: ["bogus"] });
  });
  it("deduplicates and trims", () => {
    expect(parseColumns(" id , id,summary ", "strict").keys).toEqual(["id", "summary"]);
  });
  it("writes nothing for the default choice", () => {
    expect(columnsToParam(DEFAULT_COLUMN_KEYS)).toBeUndefined();
    expect(columnsToParam(["id", "summary"])).toBe("id,summary");
    expect(COLUMN_KEYS).toContain("admin1Reform");
  });
});

describe("filter parsing edge cases", () => {
  it("ORs repeated values and ignores empty ones", () => {
    const filter = parseIncidentFilter(new URLSearchParams("admin1=Kayes&admin1=&admin1=Nioro&q=%20%20"));
    expect(filter.admin1).toEqual(["Kayes", "Nioro"]);
    expect(filter.q).toBeUndefined();
  });
  it("rejects impossible dates and a reversed range strictly, drops them tolerantly", () => {
    expect(() => parseIncidentFilter(new URLSearchParams("from=2024-02-30"))).toThrow(FilterError);
    expect(() => parseIncidentFilter(new URLSearchParams("from=2025-01-02&to=2025-01-01"))).toThrow(/from must not be after to/);
    const tolerant = parseIncidentFilterTolerant({ from: "2024-02-30", admin1: "Kayes", page: "0", sort: "-nothing" });
    expect(tolerant).toMatchObject({ admin1: ["Kayes"], page: 1, sort: { key: "eventDate", dir: "desc" } });
    expect(tolerant.from).toBeUndefined();
  });
  it("round-trips through the URL form", () => {
    const filter = parseIncidentFilter(new URLSearchParams("actor=GSIM&actor=EIGS&minFatalities=0&sort=country&status=verified"));
    expect(parseIncidentFilter(filterToSearchParams(filter))).toEqual({ ...filter });
  });
});

describe("since", () => {
  it("accepts a date or a date-time with a zone, as the same instant in UTC, and round-trips", () => {
    expect(parseIncidentFilter(new URLSearchParams("since=2026-12-04")).since).toBe("2026-12-04T00:00:00.000Z");
    const filter = parseIncidentFilter(new URLSearchParams("since=2026-12-04T18:30:00%2B01:00"));
    expect(filter.since).toBe("2026-12-04T17:30:00.000Z");
    expect(parseIncidentFilter(filterToSearchParams(filter))).toEqual(filter);
  });

  it("refuses a time without a zone or a made-up date strictly, naming since; drops it tolerantly", () => {
    for (const bad of ["2026-12-04T18:30", "yesterday", "2026-13-40"]) {
      expect(() => parseIncidentFilter(new URLSearchParams({ since: bad }))).toThrow(/^since:/);
      const tolerant = parseIncidentFilterTolerant(new URLSearchParams({ since: bad, country: "Mali" }));
      expect(tolerant.since).toBeUndefined();
      expect(tolerant.country).toEqual(["Mali"]);
    }
  });
});

describe("table order", () => {
  it("always ends on event date and id so pages and exports agree", () => {
    expect(orderBySql({ key: "eventDate", dir: "desc" }).sql).toBe("ORDER BY i.event_date DESC, i.id DESC");
    expect(orderBySql({ key: "eventDate", dir: "asc" }).sql).toBe("ORDER BY i.event_date ASC, i.id ASC");
    expect(orderBySql({ key: "fatalities", dir: "asc" }).sql).toBe("ORDER BY i.fatalities ASC NULLS LAST, i.event_date DESC, i.id DESC");
  });
});

describe("totals", () => {
  it("shows estimates rounded and flagged, exact numbers as they are", () => {
    const en = formatterFor("en");
    const about = (count: string) => `about ${count}`;
    expect(formatTotal(185_684, true, en, about)).toBe("about 186,000");
    expect(formatTotal(21_733, true, en, about)).toBe("about 21,700");
    expect(formatTotal(1_234, false, en, about)).toBe("1,234");
    expect(formatTotal(185_684, true, formatterFor("fr"), (count) => `environ ${count}`).replace(/\s/g, " ")).toBe("environ 186 000");
  });
});
