/**
 * Hostile and oversized text through each step of the ingest path: generated inputs of growing size never
 * crash a step, sentence spans cover the text in order, and every evidence offset points into the text.
 * Time is not asserted here (a shared machine makes timed tests flaky); `npm run bench:hostile` measures
 * that each family costs linear time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "../../../lib/ingest/feed";
import { htmlToText } from "../../../lib/ingest/html";
import { MAX_INGEST_BYTES } from "../../../lib/ingest/limits";
import { extractArticle, type ExtractResult } from "../../../lib/ingest/pipeline";
import { segmentText } from "../../../lib/ingest/segments";
import { MAX_SENTENCE_LENGTH, splitSentences } from "../../../lib/ingest/sentences";
import { HOSTILE_FAMILIES, OWN_PARAGRAPHS, repeatTo } from "../../../scripts/lib/hostile-text";

/** Pieces that once made a pattern backtrack, and pieces of real text. */
const PIECE = fc.oneof(
  fc.constantFrom(" ", "  ", "\n", "\n\n", "\t", "\u00a0", ".", "...", "!", "?", "…", ",", ";", ":", "(", ")", "[", "]", "-", " - ", "--", "«", "»", "\"", "'", "’"),
  fc.constantFrom("<", ">", "</", "<!--", "-->", "<p>", "<a ", "<script>", "</script>", "<body>", "<meta ", "<title>", "&", "&amp;", "&#x", "&#233;"),
  fc.constantFrom("M.", "Mme", "U.S.", "etc.", "A", "Gao", "Mopti", "Ménaka", "Boni", "attaque", "tués", "killed", "le 12 mai 2024", "14 January 2023", "samedi", "1", "000", " 000", "vingt-deux", "12 civils", "𝐀", "é"),
  fc.string({ maxLength: 6 }),
);
/** A short pattern of pieces repeated to a size between a few characters and 32 KB. */
const HOSTILE_TEXT = fc
  .tuple(fc.array(PIECE, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 15 }))
  .map(([pieces, log2]) => repeatTo(pieces.join("") || " ", 2 ** log2));

function expectSentencesCoverText(text: string) {
  const sentences = splitSentences(text);
  let previousEnd = 0;
  for (const s of sentences) {
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    previousEnd = s.end;
  }
  // Nothing with letters or digits falls between sentences: gaps hold only spaces and punctuation.
  let covered = 0;
  for (const s of sentences) {
    expect(/[\p{L}\p{N}]/u.test(text.slice(covered, s.start))).toBe(false);
    covered = s.end;
  }
  expect(/[\p{L}\p{N}]/u.test(text.slice(covered))).toBe(false);
}

function expectEvidenceInText(text: string, result: ExtractResult) {
  for (const incident of result.incidents) {
    expect(incident.evidence.length).toBeGreaterThan(0);
    for (const e of incident.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  }
}

describe("hostile text of growing size", () => {
  it("splits into in-order sentences that cover every word of the text", () => {
    fc.assert(fc.property(HOSTILE_TEXT, expectSentencesCoverText), { numRuns: 150 });
  }, 120_000);

  it("extracts without throwing, with every evidence offset inside the text", () => {
    fc.assert(
      fc.property(HOSTILE_TEXT, fc.constantFrom("fr" as const, "en" as const), (text, language) => {
        expectEvidenceInText(text, extractArticle({ text, language, publishedAt: "2024-06-01" }));
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it("turns any markup into text and refuses a broken feed only with FeedParseError", () => {
    fc.assert(
      fc.property(HOSTILE_TEXT, (markup) => {
        expect(typeof htmlToText(markup).text).toBe("string");
        try {
          expect(Array.isArray(parseFeed(`<rss><channel><item><description><![CDATA[${markup}]]></description></item></channel></rss>`))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("keeps sentence and evidence properties for each benchmark family at 64 KB", () => {
    for (const family of HOSTILE_FAMILIES.filter((f) => f.kind === "text")) {
      const text = family.make(64 * 1024);
      expectSentencesCoverText(text);
      expectEvidenceInText(text, extractArticle({ text, publishedAt: "2024-06-01" }));
    }
  }, 300_000);
});

describe("segments of long texts", () => {
  it("cover the text exactly, in order, within the limits, and leave a short article whole", () => {
    const short = OWN_PARAGRAPHS.join("\n\n");
    expect(segmentText(short)).toEqual([{ start: 0, end: short.length }]);
    const text = repeatTo(OWN_PARAGRAPHS.join("\n\n") + "\n\n", 300_000);
    const segments = segmentText(text, splitSentences(text), 20_000, 200);
    expect(segments[0]!.start).toBe(0);
    expect(segments[segments.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    for (const s of segments.slice(0, -1)) expect(s.end - s.start).toBeLessThanOrEqual(20_000);
    // Cuts fall at paragraph breaks when the text has them.
    for (const s of segments.slice(1)) expect(text.slice(s.start - 2, s.start)).toBe("\n\n");
  });
});

/** Real-looking paragraphs (our own), dense in dates, places and odd punctuation, repeated whole up to `size` UTF-8 bytes. */
function paragraphsOf(size: number): string {
  const block = OWN_PARAGRAPHS.join("\n\n") + "\n\n";
  let text = block.repeat(Math.floor(size / Buffer.byteLength(block)));
  for (const paragraph of OWN_PARAGRAPHS) {
    if (Buffer.byteLength(text) + Buffer.byteLength(paragraph) + 2 > size) break;
    text += paragraph + "\n\n";
  }
  return text;
}

describe.each([
  ["100 KB", 100 * 1024],
  ["1 MB", 1024 * 1024],
  ["the body limit", MAX_INGEST_BYTES],
])("extraction of %s of repeated paragraphs", (_, size) => {
  it(
    "yields a bounded number of incidents placed in the Sahel, each with evidence inside the text",
    () => {
      const text = paragraphsOf(size);
      const result = extractArticle({ text, publishedAt: "2024-06-01" });
      const sentences = splitSentences(text).length;
      expect(result.incidents.length).toBeGreaterThan(0);
      // At most one incident per sentence and per place of a sentence: nothing is invented past the text.
      expect(result.incidents.length).toBeLessThanOrEqual(sentences * 2);
      for (const incident of result.incidents) {
        expect(["Mali", "Burkina Faso", "Niger"]).toContain(incident.country);
        // The paragraphs tell events of 2022 to 2024, published 1 June 2024.
        if (incident.eventDate) expect(incident.eventDate >= "2022-01-01" && incident.eventDate <= "2024-06-01").toBe(true);
      }
      expectEvidenceInText(text, result);
    },
    600_000,
  );
});
