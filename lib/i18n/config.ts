/**
 * The interface languages and how one is chosen when the user has not picked one. Pure: shared by the
 * request configuration, the switch's server action and the CSV export.
 */
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the switch's choice before sign-in (the login page) and for anonymous pages. */
export const LOCALE_COOKIE = "vigie-locale";

/** Dates are stored and shown in UTC: the server and every browser must format them alike. */
export const TIME_ZONE = "UTC";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header, by quality then order ("fr-FR,fr;q=0.9,en;q=0.8"
 * → fr). Bounded: only the first 40 entries of a header are read.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 2000)
    .split(",")
    .slice(0, 40)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? null;
}

/** The user's saved choice, else the switch's cookie, else the browser's languages, else English. */
export function resolveLocale(input: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.saved)) return input.saved;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
