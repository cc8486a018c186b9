/** Larger than any news article or feed by far; anything bigger is a mistake or an attack. */
export const MAX_INGEST_BYTES = 5 * 1024 * 1024;
