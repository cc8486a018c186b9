import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../../lib/ingest/pipeline";

const extract = (text: string, language: "fr" | "en" = "fr") => extractArticle({ text, publishedAt: "2025-06-12", language }).incidents;
const roles = (i: ExtractedIncident | undefined) => Object.fromEntries((i?.actors ?? []).map((a) => [a.name, a.role]));

describe("actor1 is the side that initiated", () => {
  it("never makes civilians killed by nobody named the initiator", () => {
    const [i] = extract("Mardi, trois civils ont été tués à Boni.");
    expect(roles(i)).toEqual({ "Unidentified Armed Group": "actor1", Civilians: "actor2" });
  });

  it("makes the army that repelled an attack actor2", () => {
    const [i] = extract("Mardi, les FAMa ont repoussé une attaque terroriste contre leur poste de Boni.");
    expect(roles(i)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Mali": "actor2" });
  });

  it("does not add the parent group that only describes the attackers", () => {
    const [i] = extract("Mardi, le camp militaire de Boni a été attaqué par des combattants du JNIM, affilié à AQMI.");
    expect(i?.actors.map((a) => a.name)).not.toContain("AQIM: Al Qaeda in the Islamic Maghreb");
    expect(roles(i)).toMatchObject({ JNIM: "actor1" });
  });
});
