import { describe, expect, it } from "vitest";
import { dayFromInput, formatDay } from "@/lib/i18n/format";

describe("date fields in the interface's language", () => {
  it("read a French day as the ISO day, with or without leading zeros", () => {
    expect(dayFromInput("19/05/2025", "fr")).toBe("2025-05-19");
    expect(dayFromInput(" 3/2/2025 ", "fr")).toBe("2025-02-03");
    expect(dayFromInput("19.05.2025", "fr")).toBe("2025-05-19");
  });

  it("read ISO days in both languages, and show them back as each language writes them", () => {
    expect(dayFromInput("2025-05-19", "fr")).toBe("2025-05-19");
    expect(dayFromInput("2025-05-19", "en")).toBe("2025-05-19");
    expect(formatDay("2025-05-19", "fr")).toBe("19/05/2025");
    expect(formatDay(dayFromInput("19/05/2025", "fr"), "fr")).toBe("19/05/2025");
  });

  it("give back what they cannot read as typed, so the server names the field instead of a value changing", () => {
    expect(dayFromInput("19/05/2025", "en")).toBe("19/05/2025");
    expect(dayFromInput("mai 2025", "fr")).toBe("mai 2025");
    // Read, not validated here: 31/02 stays an impossible day for the server's calendar check.
    expect(dayFromInput("31/02/2025", "fr")).toBe("2025-02-31");
  });
});
