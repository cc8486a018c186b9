/**
 * Deterministic ~3 KB articles for benchmarks, built from the evaluation set and the Bamako fixture:
 * consecutive paragraphs rotated per article, each with its own publication date.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

export function corpusParagraphs(): string[] {
  const texts: string[] = [];
  const evalDir = join(root, "tests/fixtures/eval-dev-1");
  if (existsSync(evalDir)) {
    for (const file of readdirSync(evalDir).filter((f) => f.endsWith(".txt")).sort()) texts.push(readFileSync(join(evalDir, file), "utf8"));
  }
  const fixture = join(root, "../shared/fixtures/abamako-2025-05-19-mali-senegal.txt");
  if (existsSync(fixture)) texts.push(readFileSync(fixture, "utf8"));
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).map((p) => p.trim()).filter((p) => p.length > 80);
  if (!paragraphs.length) throw new Error("no benchmark corpus found (tests/fixtures/eval-dev-1/*.txt)");
  return paragraphs;
}

export function buildArticles(count: number, paragraphs = corpusParagraphs()): { text: string; publishedAt: string }[] {
  const articles: { text: string; publishedAt: string }[] = [];
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let j = 0; text.length < 3000; j++) text += `${paragraphs[(i * 7 + j) % paragraphs.length]}\n\n`;
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 500) * 86400000).toISOString().slice(0, 10);
    articles.push({ text: text.slice(0, 3200), publishedAt: day });
  }
  return articles;
}
