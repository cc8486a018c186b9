/**
 * Whether a stored URL may be a link. Source URLs come from third parties (feeds, older imports): only an
 * absolute http(s) URL becomes a link or is kept from a feed; anything else (`javascript:`, `data:`, an RSS
 * guid such as "12345") is at most shown as text, so no click can run script.
 */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
