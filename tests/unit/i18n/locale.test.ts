import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/config";
import { formatChange, formatDateTime, formatDay, formatMonth, formatNumber, formatDayMonth } from "@/lib/i18n/format";

describe("choosing the language", () => {
  it("takes the first supported language of Accept-Language, by quality", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(negotiateLocale("en-GB,fr;q=0.9")).toBe("en");
    expect(negotiateLocale("de,es")).toBeNull();
    expect(negotiateLocale("fr;q=0")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
  });

  it("prefers the saved choice, then the switch's cookie, then the browser, then English", () => {
    expect(resolveLocale({ saved: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ saved: null, cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ saved: "xx", cookie: undefined, acceptLanguage: "fr-CA" })).toBe("fr");
    expect(resolveLocale({ acceptLanguage: "de" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("reads only the start of a huge Accept-Language header", () => {
    expect(negotiateLocale(`${"x;q=0.1,".repeat(200_000)}fr`)).toBeNull();
  });
});

describe("dates and numbers per language", () => {
  it("writes a day as 19/05/2025 in French and ISO in English", () => {
    expect(formatDay("2025-05-19", "fr")).toBe("19/05/2025");
    expect(formatDay("2025-05-19", "en")).toBe("2025-05-19");
    expect(formatDateTime("2025-05-19T14:03:09Z", "fr")).toBe("19/05/2025 14:03");
  });

  it("groups thousands with a space in French and a comma in English", () => {
    expect(formatNumber(1234, "fr").replace(/\s/g, " ")).toBe("1 234");
    expect(formatNumber(1234, "en")).toBe("1,234");
  });

  it("names months and days in the language", () => {
    expect(formatMonth("2025-05-01", "fr")).toBe("mai 2025");
    expect(formatMonth("2025-05-01", "en")).toBe("May 2025");
    expect(formatDayMonth("2025-05-19", "fr")).toBe("19 mai");
  });

  it("writes a change as a signed percentage", () => {
    expect(formatChange(0.25, "en")).toBe("+25%");
    expect(formatChange(-0.1, "fr").replace(/\s/g, " ")).toBe("−10 %");
    expect(formatChange(null, "fr")).toBe("—");
  });
});
