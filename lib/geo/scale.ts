/**
 * The sequential colour scale of the map and the matrix: incident counts in a few classes, light to
 * dark brand teal. Classes (not a continuous ramp) so the legend can state each range exactly; bounds
 * are "nice" numbers on a square-root spread, because a few regions hold most incidents and a linear
 * scale would paint every other region the same pale colour.
 */

export const SCALE_COLORS = ["#e6f2f1", "#bfdedb", "#8fc5c0", "#5ea7a2", "#2b7a78", "#1a4d4b"] as const;
export const EMPTY_COLOR = "#f1f5f9";

/** A colour for a share of the maximum in [0, 1] (the matrix's cells). */
export function sequentialColor(share: number): string {
  const clamped = Math.min(1, Math.max(0, share));
  const index = Math.min(SCALE_COLORS.length - 1, Math.floor(Math.sqrt(clamped) * SCALE_COLORS.length));
  return SCALE_COLORS[index]!;
}

function niceCeil(value: number): number {
  if (value <= 10) return Math.max(1, Math.ceil(value));
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export type ScaleClass = { min: number; max: number; color: string };

/**
 * Classes covering 1..max: each upper bound is a nice number, strictly increasing; fewer classes when
 * the counts are small (a max of 3 gives classes 1, 2, 3).
 */
export function countClasses(max: number): ScaleClass[] {
  if (max <= 0) return [];
  const bounds: number[] = [];
  const count = SCALE_COLORS.length;
  for (let index = 1; index <= count; index++) {
    const bound = index === count ? max : Math.min(max, niceCeil(max * (index / count) ** 2));
    if (bound > (bounds[bounds.length - 1] ?? 0)) bounds.push(bound);
  }
  const colors = bounds.length === count ? SCALE_COLORS : SCALE_COLORS.slice(count - bounds.length);
  return bounds.map((bound, index) => ({ min: index === 0 ? 1 : bounds[index - 1]! + 1, max: bound, color: colors[index]! }));
}

/** The colour of a count under the given classes (0 → the empty colour). */
export function colorForCount(count: number, classes: ScaleClass[]): string {
  if (count <= 0 || classes.length === 0) return EMPTY_COLOR;
  return (classes.find((item) => count <= item.max) ?? classes[classes.length - 1]!).color;
}
