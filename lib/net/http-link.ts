/**
 * An absolute http(s) URL, or undefined. Feed links become source URLs and then href attributes: a
 * `javascript:` or `data:` link must be dropped where it enters and never rendered as a link.
 */
export function httpLink(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
