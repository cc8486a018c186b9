import { describe, expect, it } from "vitest";
import { segmentText } from "@/components/evidence/highlighted-text";

describe("segmentText", () => {
  it("marks each evidence span and keeps the text whole", () => {
    const text = "Intro. Attack at Sandaré. Outro.";
    const segments = segmentText(text, [{ start: 7, end: 25, field: "location" }]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments).toEqual([
      { text: "Intro. ", fields: [] },
      { text: "Attack at Sandaré.", fields: ["location"] },
      { text: " Outro.", fields: [] },
    ]);
  });

  it("merges overlapping spans and lists every field they support", () => {
    const text = "abcdefghij";
    const segments = segmentText(text, [
      { start: 0, end: 6, field: "eventDate" },
      { start: 3, end: 10, field: "actors" },
    ]);
    expect(segments).toEqual([
      { text: "abc", fields: ["eventDate"] },
      { text: "def", fields: ["eventDate", "actors"] },
      { text: "ghij", fields: ["actors"] },
    ]);
  });

  it("ignores spans outside the text", () => {
    expect(segmentText("short", [{ start: 3, end: 99, field: "x" }, { start: -1, end: 2, field: "y" }])).toEqual([{ text: "short", fields: [] }]);
  });
});
