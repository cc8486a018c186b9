import { describe, expect, it } from "vitest";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { bucketEnd, narrowPatch, overviewHref, periodPatch, tableHref } from "@/lib/incidents/overview-links";
import { bucketStart, bucketStarts, previousPeriod, relativeChange } from "@/lib/incidents/stats-shape";

const filterOf = (query: string) => parseIncidentFilter(new URLSearchParams(query));

describe("time buckets", () => {
  it.each([
    ["2024-12-31", "month", "2024-12-01"],
    ["2025-01-01", "month", "2025-01-01"],
    ["2024-12-29", "week", "2024-12-23"], // a Sunday ends its ISO week
    ["2024-12-30", "week", "2024-12-30"],
    ["2025-01-05", "week", "2024-12-30"], // ISO week 1 of 2025 starts in 2024
    ["2024-02-29", "month", "2024-02-01"],
  ] as const)("%s in a %s starts on %s", (day, bucket, start) => {
    expect(bucketStart(day, bucket)).toBe(start);
  });

  it("lists every bucket between two days, across a year end", () => {
    expect(bucketStarts("2024-11-15", "2025-02-01", "month")).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
    expect(bucketStarts("2024-12-29", "2025-01-06", "week")).toEqual(["2024-12-23", "2024-12-30", "2025-01-06"]);
  });

  it("ends a bucket on its last day", () => {
    expect(bucketEnd("2024-02-01", "month")).toBe("2024-02-29");
    expect(bucketEnd("2024-12-30", "week")).toBe("2025-01-05");
  });

  it("the previous period has the same number of days and ends the day before", () => {
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-31" })).toEqual({ from: "2024-01-30", to: "2024-02-29" });
    expect(previousPeriod({ from: "2025-01-01", to: "2025-01-01" })).toEqual({ from: "2024-12-31", to: "2024-12-31" });
    expect(relativeChange(15, 10)).toBeCloseTo(0.5);
    expect(relativeChange(5, 0)).toBeNull();
  });
});

describe("click-through links", () => {
  it("a click narrows the filter on /overview and keeps the week bucket", () => {
    const filter = filterOf("country=Mali&from=2024-01-01");
    expect(overviewHref(filter, { admin1: ["Kayes"] }, "week")).toBe("/overview?country=Mali&admin1=Kayes&from=2024-01-01&bucket=week");
    expect(tableHref(filterOf("admin1=Kayes"))).toBe("/incidents?admin1=Kayes");
    expect(tableHref(filterOf(""))).toBe("/incidents");
  });

  it("keeps a clicked value the filter already lists as the only one, and refuses values it cannot AND", () => {
    const filter = filterOf("admin1=Gao&admin1=Menaka&actor=JNIM");
    expect(narrowPatch(filter, { admin1: ["Gao"] })).toEqual({ admin1: ["Gao"] });
    expect(narrowPatch(filter, { admin1: ["Gao", "Menaka"] })).toEqual({ admin1: ["Gao", "Menaka"] });
    expect(narrowPatch(filter, { actor: ["Civilians"] })).toBeNull();
    expect(narrowPatch(filter, { eventType: ["Battles"] })).toEqual({ eventType: ["Battles"] });
  });

  it("clips a bar's period to the filter's own dates", () => {
    expect(periodPatch(filterOf("from=2024-03-10&to=2024-03-20"), "2024-03-01", "month")).toEqual({ from: "2024-03-10", to: "2024-03-20" });
    expect(periodPatch(filterOf(""), "2024-12-30", "week")).toEqual({ from: "2024-12-30", to: "2025-01-05" });
  });
});
