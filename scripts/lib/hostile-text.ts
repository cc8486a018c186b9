/**
 * Hostile and oversized inputs for the ingest path, by family and size: the probes that once cost the
 * square of their length (a run of spaces after a stop, "<" without ">", unclosed comments), degenerate
 * punctuation, number and date chains, and long runs of real-looking paragraphs. Shared by the
 * linear-time benchmark (scripts/bench/bench-hostile.ts) and the tests. The paragraphs are our own writing.
 */

export type HostileKind = "text" | "html" | "feed";

export interface HostileFamily {
  name: string;
  /** How the input reaches the ingest path: as article text, as an HTML page, or as an RSS feed. */
  kind: HostileKind;
  /** An input of exactly `size` characters (feeds: about `size`). */
  make: (size: number) => string;
}

/** `unit` repeated and cut to exactly `size` characters. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Invented dispatches in the style of Sahel security news, dense in dates, places, tolls and odd punctuation. */
export const OWN_PARAGRAPHS = [
  "Le 12 mai 2024, des hommes armés ont attaqué le village de Boni, près de Douentza (région de Mopti), tuant 12 civils ; l'armée malienne a riposté le lendemain à Hombori.",
  "BAMAKO, 3 juin 2024 -- Deux soldats ont été tués samedi 1er juin à Ménaka... Selon une source locale, les assaillants venaient de Tidermène (Ménaka) !!",
  "On 14 January 2023, gunmen ambushed a convoy between Djibo and Arbinda (Soum, Sahel region), killing 7 soldiers, 3 volunteers (VDP) and 2 civilians -- the army said on Monday.",
  "Dans la nuit du 5 au 6 mars 2022, une frappe de drone a visé un rassemblement à Tillabéri ; au moins vingt-deux morts... (bilan provisoire, non confirmé).",
  "Des manifestants se sont rassemblés à Niamey le 26 juillet 2023 : « Nous voulons la paix » -- la police a dispersé la foule avec des gaz lacrymogènes, 15 personnes interpellées.",
  "In Gao, Kidal, Tombouctou, Ansongo, Bourem and Léré, roads were closed from 2 to 9 February 2024; an IED exploded near Tessit on 4 February, wounding 3 (three) people.",
];

const paragraphs = (separator: string) => OWN_PARAGRAPHS.join(separator) + separator;

export const HOSTILE_FAMILIES: HostileFamily[] = [
  // The two probes of the security review: a stop followed by a run of spaces, and "<" without ">".
  { name: "spaces after a stop", kind: "text", make: (n) => "Fin." + " ".repeat(n - 4) },
  { name: "'<' without '>'", kind: "text", make: (n) => "<".repeat(n) },
  { name: "'<' without '>' (html)", kind: "html", make: (n) => "<".repeat(n) },
  { name: "unclosed '<!--' (html)", kind: "html", make: (n) => repeatTo("<!--", n) },
  { name: "unclosed tags (html)", kind: "html", make: (n) => repeatTo("<script><body><meta <a <title>", n) },
  { name: "runs of stops", kind: "text", make: (n) => ".".repeat(n) },
  { name: "abbreviations", kind: "text", make: (n) => repeatTo("M. Mme. U.S. etc. ", n) },
  { name: "digit chains", kind: "text", make: (n) => "1" + repeatTo(" 000", n - 1) },
  { name: "number words", kind: "text", make: (n) => repeatTo("vingt-deux ", n) },
  { name: "punctuation", kind: "text", make: (n) => repeatTo(", ; : ( ) [ ] - -- – … « » \" ' ", n) },
  { name: "dense dates", kind: "text", make: (n) => repeatTo("le 12 mai 2024, samedi 14 janvier 2023, en février 2021, du 3 au 5 juin, ", n) },
  { name: "dense tolls", kind: "text", make: (n) => repeatTo("12 soldats tués, trois jours après l'attaque qui a fait 5 morts, 3 morts. ", n) },
  { name: "dense sources", kind: "text", make: (n) => repeatTo("Selon l'armée, l'armée a indiqué que des hommes armés ont tué deux civils à Boni. ", n) },
  { name: "dense places", kind: "text", make: (n) => repeatTo("Mopti, Gao, Tombouctou, Ménaka, Kidal, Douentza, Boni, Djibo, Niamey, ", n) },
  { name: "one sentence", kind: "text", make: (n) => repeatTo("des hommes armés ont attaqué le village de Boni et tué des civils ", n) },
  { name: "short lines", kind: "text", make: (n) => repeatTo("Attaque à Gao\n", n) },
  { name: "paragraphs", kind: "text", make: (n) => repeatTo(paragraphs("\n\n"), n) },
  { name: "paragraphs (html)", kind: "html", make: (n) => repeatTo(OWN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n") + "\n", n) },
  {
    name: "deep nesting (feed)",
    kind: "feed",
    make: (n) => {
      const depth = Math.floor((n - 80) / 7);
      return `<rss><channel><item><description>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</description></item></channel></rss>`;
    },
  },
  {
    name: "many items (feed)",
    kind: "feed",
    make: (n) => {
      const items = OWN_PARAGRAPHS.map((p, i) => `<item><title>Dépêche ${i}</title><description>${p}</description></item>`).join("");
      const count = Math.max(1, Math.floor(n / items.length));
      return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.repeat(count)}</channel></rss>`;
    },
  },
];
