import { describe, it, expect } from "vitest";
import { extractArticle } from "../../../../lib/ingest/pipeline";

const extract = (text: string) => extractArticle({ text, publishedAt: "2025-06-12", language: "fr" }).incidents;

describe("an event told twice", () => {
  it("makes one incident when a later paragraph retells the same attack", () => {
    const incidents = extract(
      "Mardi, des hommes armés ont attaqué le poste militaire de Boni, tuant trois soldats.\n\nLe maire a dénoncé la situation sécuritaire.\n\nSelon une source sécuritaire, des assaillants à moto ont attaqué le poste de Boni et tué quatre soldats.",
    );
    expect(incidents.filter((i) => i.eventType === "Battles")).toHaveLength(1);
    expect(incidents[0]?.fatalities).toBe(4);
  });

  it("keeps two attacks on different days at the same place apart", () => {
    const incidents = extract("Lundi, des hommes armés ont attaqué le poste de Boni.\n\nLe maire a dénoncé la situation.\n\nMardi, des hommes armés ont de nouveau attaqué le poste de Boni.");
    expect(incidents.filter((i) => i.eventType === "Battles")).toHaveLength(2);
  });
});
