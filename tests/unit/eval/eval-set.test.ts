import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEvalSet, sha256 } from "../../../scripts/lib/eval-set";

let goldDir: string;
let textDir: string;

beforeEach(() => {
  goldDir = mkdtempSync(join(tmpdir(), "vigie-gold-"));
  textDir = mkdtempSync(join(tmpdir(), "vigie-texts-"));
});
afterEach(() => {
  rmSync(goldDir, { recursive: true, force: true });
  rmSync(textDir, { recursive: true, force: true });
});

const gold = (id: string, extra: Record<string, unknown> = {}) =>
  writeFileSync(join(goldDir, `${id}.json`), JSON.stringify({ publishedAt: "2025-07-02", language: "fr", incidents: [], ...extra }));

describe("loadEvalSet", () => {
  it("reads texts from a separate folder and lists the articles whose text is missing", () => {
    gold("a");
    gold("b");
    writeFileSync(join(goldDir, "README.md"), "not an article");
    writeFileSync(join(textDir, "a.txt"), "Texte de l'article a.");
    const set = loadEvalSet(goldDir, textDir);
    expect(set.articles.map((a) => a.id)).toEqual(["a"]);
    expect(set.articles[0]!.text).toBe("Texte de l'article a.");
    expect(set.missing).toEqual(["b"]);
  });

  it("reads texts next to the gold when no texts folder is given", () => {
    gold("a");
    writeFileSync(join(goldDir, "a.txt"), "Texte.");
    expect(loadEvalSet(goldDir).articles.map((a) => a.id)).toEqual(["a"]);
  });

  it("flags a text that differs from the one the gold was coded on", () => {
    gold("same", { textSha256: sha256("Texte codé.") });
    gold("changed", { textSha256: sha256("Texte codé.") });
    writeFileSync(join(textDir, "same.txt"), "Texte codé.");
    writeFileSync(join(textDir, "changed.txt"), "Texte modifié.");
    const byId = new Map(loadEvalSet(goldDir, textDir).articles.map((a) => [a.id, a.textChanged]));
    expect(byId.get("same")).toBe(false);
    expect(byId.get("changed")).toBe(true);
  });

  it("rejects a gold file without an incident list", () => {
    writeFileSync(join(goldDir, "bad.json"), JSON.stringify({ publishedAt: "2025-07-02" }));
    expect(() => loadEvalSet(goldDir, textDir)).toThrow(/bad\.json.*incidents/);
  });
});
