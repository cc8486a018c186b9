/**
 * Loads a labelled set for scripts/bench/eval.ts. Gold is one `<id>.json` per article; its text is `<id>.txt`,
 * either next to the gold (the development sets, written by us) or in a separate folder given with
 * `--texts` (the real-text set, whose press texts stay outside the repository). An article whose text is
 * missing is listed, never silently dropped, so a half re-found set cannot pass for a whole one.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type GoldActor = string | { name: string; role: "actor1" | "actor2" | "associated" };

export interface GoldIncident {
  eventDate: string | null;
  eventType: string;
  subEventType?: string;
  country: string | null;
  admin1: string | null;
  location: string | null;
  geoPrecision?: number;
  actors: GoldActor[];
  fatalities: number | null;
  /** Real-text set only: which failure classes of the extraction issue this incident exercises (1-8). */
  classes?: number[];
}

export interface GoldArticle {
  publishedAt?: string;
  language?: "fr" | "en";
  /** Real-text set: where the text was published, so it can be re-found. */
  url?: string;
  publisher?: string;
  title?: string;
  /** Real-text set: SHA-256 of the text as coded, to tell when a re-found text differs. */
  textSha256?: string;
  /** Real-text set: classes exercised by the article as a whole (8 for an article with no incident). */
  classes?: number[];
  incidents: GoldIncident[];
}

export interface LoadedArticle {
  id: string;
  gold: GoldArticle;
  text: string;
  /** The text differs from the one the gold was coded on (its hash does not match). */
  textChanged: boolean;
}

export interface LoadedSet {
  articles: LoadedArticle[];
  /** Ids whose gold exists but whose text was not found. */
  missing: string[];
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Every `<id>.json` in `goldDir`, with its text from `textDir` (default: `goldDir`). */
export function loadEvalSet(goldDir: string, textDir: string = goldDir): LoadedSet {
  const ids = readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
  const articles: LoadedArticle[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const gold = JSON.parse(readFileSync(join(goldDir, `${id}.json`), "utf8")) as GoldArticle;
    if (!Array.isArray(gold.incidents)) throw new Error(`${id}.json: "incidents" must be an array`);
    const textPath = join(textDir, `${id}.txt`);
    if (!existsSync(textPath)) {
      missing.push(id);
      continue;
    }
    const text = readFileSync(textPath, "utf8");
    articles.push({ id, gold, text, textChanged: gold.textSha256 !== undefined && gold.textSha256 !== sha256(text) });
  }
  return { articles, missing };
}
