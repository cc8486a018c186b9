/**
 * Folds a name for matching: lower case, no accents, apostrophes and punctuation as spaces, single spaces.
 * "Ségou" = "segou", "Jama'at" = "jama at", "GSIM" = "gsim". Used for aliases and place names alike so
 * what the extractor matches and what a filter matches are the same thing.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
