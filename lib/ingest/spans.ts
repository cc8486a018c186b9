/**
 * Span look-ups for the assembler (the facts inside a sentence, the sentence at an offset), by binary
 * search rather than by scanning every fact of the article each time: the assembler asks once per
 * sentence, so a scan would cost the square of the article's length.
 */

interface Span {
  start: number;
  end: number;
}

interface StartIndex {
  length: number;
  /** Positions in the array, by start (ties keep array order). */
  order: number[];
  /** The largest end among order[0..k]. */
  maxEnd: number[];
}

const indexes = new WeakMap<readonly Span[], StartIndex>();

function startIndex(items: readonly Span[]): StartIndex {
  const cached = indexes.get(items);
  if (cached && cached.length === items.length) return cached;
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
  const maxEnd: number[] = [];
  for (let k = 0; k < order.length; k++) maxEnd.push(Math.max(k > 0 ? maxEnd[k - 1]! : -Infinity, items[order[k]!]!.end));
  const index = { length: items.length, order, maxEnd };
  indexes.set(items, index);
  return index;
}

/** First position in `order` whose item starts at or after `offset` (strictly after when `after`). */
function lowerBound(items: readonly Span[], order: number[], offset: number, after = false): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = items[order[mid]!]!.start;
    if (start < offset || (after && start === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items lying wholly inside [start, end], in array order: `items.filter(x => x.start >= start && x.end <= end)`. */
export function within<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const { order } = startIndex(items);
  const hits: number[] = [];
  for (let k = lowerBound(items, order, start); k < order.length && items[order[k]!]!.start <= end; k++) {
    if (items[order[k]!]!.end <= end) hits.push(order[k]!);
  }
  return hits.sort((a, b) => a - b).map((i) => items[i]!);
}

/** Whether any span overlaps x: `spans.some(s => x.start < s.end && s.start < x.end)`. */
export function overlapsAny(x: Span, spans: readonly Span[]): boolean {
  const { order, maxEnd } = startIndex(spans);
  const before = lowerBound(spans, order, x.end);
  return before > 0 && maxEnd[before - 1]! > x.start;
}

/**
 * The span containing `offset` among spans in text order that do not overlap (sentences, clauses):
 * `spans.find(s => offset >= s.start && offset < s.end)`, and its position.
 */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && offset < spans[i]!.end ? i : -1;
}
