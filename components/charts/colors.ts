/** One colour per ACLED event type, the same in every chart and on the map (colour-blind-safe Okabe-Ito hues). */
export const EVENT_TYPE_COLORS: Record<string, string> = {
  Battles: "#D55E00",
  "Violence against civilians": "#CC79A7",
  "Explosions/Remote violence": "#E69F00",
  Protests: "#0072B2",
  Riots: "#56B4E9",
  "Strategic developments": "#009E73",
};

export const FALLBACK_COLOR = "#64748b";

export function eventTypeColor(type: string): string {
  return EVENT_TYPE_COLORS[type] ?? FALLBACK_COLOR;
}

/** Bars that are not split by type. */
export const BAR_COLOR = "#2b7a78";
