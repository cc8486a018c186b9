/**
 * Long texts are read in segments. Assembling incidents weighs each candidate event against the others
 * of its article (merging, dates told earlier, overview events), a cost that grows with the square of the
 * number of sentences. Real articles run to a few thousand characters and a hundred-odd sentences; a text
 * far longer (a feed dump, a report pasted whole, or an attack on the API) is cut between sentences,
 * preferably at a paragraph break, into segments of at most MAX_SEGMENT_LENGTH characters and
 * MAX_SEGMENT_SENTENCES sentences, each read as an article of its own, so its cost grows with its length.
 * What is lost on such texts: an event told across two segments may come out twice, and a segment's
 * undated follow-ups cannot borrow a date told in the previous one.
 */
import { splitSentences, type Sentence } from "./sentences";

/** About 3,000 words: longer than any news article we read. */
export const MAX_SEGMENT_LENGTH = 20_000;
/** A long article has about 150 sentences. */
export const MAX_SEGMENT_SENTENCES = 200;

export interface Segment {
  start: number;
  end: number;
}

/**
 * The segments of a text, in order, covering it exactly; a text within both limits is one segment. Cuts
 * fall at the start of a sentence: the last paragraph's first sentence in the second half of the segment,
 * else the sentence that would overflow it.
 */
export function segmentText(
  text: string,
  sentences: Sentence[] = splitSentences(text),
  maxLength = MAX_SEGMENT_LENGTH,
  maxSentences = MAX_SEGMENT_SENTENCES,
): Segment[] {
  if (text.length <= maxLength && sentences.length <= maxSentences) return [{ start: 0, end: text.length }];
  const segments: Segment[] = [];
  let start = 0;
  let first = 0;
  for (let i = 0; i < sentences.length; i++) {
    const full = i - first >= maxSentences || sentences[i]!.end - start > maxLength;
    if (!full || i === first) continue;
    let cut = i;
    for (let j = i; j > first + (i - first) / 2; j--) {
      if (sentences[j]!.paragraph !== sentences[j - 1]!.paragraph) {
        cut = j;
        break;
      }
    }
    segments.push({ start, end: sentences[cut]!.start });
    start = sentences[cut]!.start;
    first = cut;
    i = cut;
  }
  segments.push({ start, end: text.length });
  return segments;
}
