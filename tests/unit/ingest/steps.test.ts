import { describe, it, expect } from "vitest";
import { foldKeepLength, tokenize } from "../../../lib/ingest/normalize";
import { splitSentences } from "../../../lib/ingest/sentences";
import { htmlToText } from "../../../lib/ingest/html";
import { parseFeed, FeedParseError } from "../../../lib/ingest/feed";
import { detectLanguage } from "../../../lib/ingest/language";
import { findPlaces, lookupPlace } from "../../../lib/ingest/gazetteer";
import { findActors, lookupActor } from "../../../lib/ingest/actors";
import { findDates } from "../../../lib/ingest/dates";
import { findFatalities, parseNumber } from "../../../lib/ingest/fatalities";
import { decideEventType, findTriggers } from "../../../lib/ingest/event-type";
import { readArticleHeader } from "../../../lib/ingest/header";
import { extractArticle } from "../../../lib/ingest/pipeline";
import { isValidEventPair } from "../../../lib/incidents/taxonomy";

describe("normalize", () => {
  it("folds accents and case without changing length", () => {
    const s = "Ségou, Tombouctou – l’armée";
    expect(foldKeepLength(s)).toBe("segou, tombouctou - l'armee");
    expect(foldKeepLength(s)).toHaveLength(s.length);
  });
  it("splits tokens at apostrophes and hyphens", () => {
    expect(tokenize("fada n'gourma-x").map((t) => t.text)).toEqual(["fada", "n", "gourma", "x"]);
  });
});

describe("sentences", () => {
  it("splits with exact offsets and keeps abbreviations", () => {
    const text = "Le Gal. Diop est arrivé. Il a vu M. Goïta hier !\n\nNouveau paragraphe";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["Le Gal. Diop est arrivé.", "Il a vu M. Goïta hier !", "Nouveau paragraphe"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[2]!.paragraph).toBe(1);
  });
  it("returns nothing for empty text", () => {
    expect(splitSentences("   \n ")).toEqual([]);
  });
});

describe("html", () => {
  it("extracts text, title and date", () => {
    const doc = htmlToText(
      '<html><head><title>Attaque à Gao</title><meta property="article:published_time" content="2025-03-02T08:00:00Z"></head><body><nav>Menu</nav><p>Des hommes armés ont attaqué.</p><script>x()</script><p>Deux morts &amp; trois blessés.</p></body></html>',
    );
    expect(doc.title).toBe("Attaque à Gao");
    expect(doc.publishedAt).toBe("2025-03-02");
    expect(doc.text).toBe("Des hommes armés ont attaqué.\n\nDeux morts & trois blessés.");
  });
  it("reads the date from a <time> element", () => {
    expect(htmlToText('<article><time datetime="2024-11-05">5 nov.</time><p>x</p></article>').publishedAt).toBe("2024-11-05");
  });
});

describe("feed", () => {
  it("reads RSS 2.0 items", () => {
    const items = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A</title><link>https://x/a</link><pubDate>Mon, 19 May 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>Texte A</p>]]></description></item><item><title>B</title><link>https://x/b</link><description>Texte B</description></item></channel></rss>`,
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ title: "A", url: "https://x/a", publishedAt: "2025-05-19", text: "Texte A" });
  });
  it("reads Atom entries", () => {
    const items = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><link rel="alternate" href="https://x/e"/><published>2025-01-02T00:00:00Z</published><content type="html">&lt;p&gt;Corps&lt;/p&gt;</content></entry></feed>`,
    );
    expect(items[0]).toMatchObject({ title: "E", url: "https://x/e", publishedAt: "2025-01-02", text: "Corps" });
  });
  it("keeps an item's link only when it is an http(s) URL, falling back to a permalink guid", () => {
    const items = parseFeed(
      `<rss version="2.0"><channel><title>t</title>` +
        `<item><title>A</title><link>javascript:alert(1)</link><guid>https://x/a</guid><description>Texte A</description></item>` +
        `<item><title>B</title><link> JavaScript:alert(2)</link><guid isPermaLink="false">12345</guid><description>Texte B</description></item>` +
        `<item><title>C</title><link>data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;</link><description>Texte C</description></item>` +
        `</channel></rss>`,
    );
    expect(items.map((item) => item.url)).toEqual(["https://x/a", undefined, undefined]);
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><link href="javascript:alert(4)"/><content>Corps</content></entry></feed>`);
    expect(atom[0]).toMatchObject({ title: "E", text: "Corps" });
    expect(atom[0]!.url).toBeUndefined();
  });
  it("throws a typed error on malformed XML", () => {
    expect(() => parseFeed("<rss><channel><item></channel>")).toThrow(FeedParseError);
    expect(() => parseFeed("<html></html>")).toThrow(FeedParseError);
  });
});

describe("language", () => {
  it("tells French from English", () => {
    expect(detectLanguage("Des hommes armés ont attaqué le poste de la gendarmerie dans la nuit de samedi.")).toBe("fr");
    expect(detectLanguage("Gunmen attacked the gendarmerie post on Saturday night, killing two of the officers.")).toBe("en");
  });
});

describe("gazetteer", () => {
  it("matches names accent- and case-insensitively, French and English", () => {
    expect(lookupPlace("Timbuktu")[0]).toBe(lookupPlace("tombouctou")[0]);
    expect(lookupPlace("Segou", "locality")[0]!.name).toBe("Ségou");
    expect(lookupPlace("Sandare", "locality")[0]).toMatchObject({ country: "Mali", admin1: "Kayes", admin1Reform: "Nioro" });
  });
  it("keeps border towns in their own country", () => {
    expect(lookupPlace("Kidira", "locality")[0]).toMatchObject({ country: "Senegal", admin1: "Tambacounda" });
    expect(lookupPlace("Diboli", "locality")[0]).toMatchObject({ country: "Mali", admin1: "Kayes" });
  });
  it("finds places with offsets and reads 'région de' as the region", () => {
    const text = "Dans la région de Ségou et près de Djenné, à Fada N'Gourma.";
    const found = findPlaces(text);
    expect(found.map((p) => [p.place.name, p.place.kind])).toEqual([["Segou", "admin1"], ["Djenné", "locality"], ["Fada N'Gourma", "locality"]]);
    expect(found[1]!.near).toBe(true);
    expect(text.slice(found[2]!.start, found[2]!.end)).toBe("Fada N'Gourma");
  });
  it("ignores common words that are also region names unless qualified", () => {
    expect(findPlaces("Le Sahel est en crise.").map((p) => p.place.kind)).toEqual([]);
    expect(findPlaces("la région du Sahel au Burkina").map((p) => p.place.name)).toEqual(["Sahel", "Burkina Faso"]);
  });
});

describe("actors", () => {
  it("knows aliases in both languages", () => {
    for (const alias of ["GSIM", "Jama'at Nusrat al-Islam wal-Muslimin", "Groupe de soutien à l'islam et aux musulmans"]) {
      expect(lookupActor(alias)[0]!.name).toBe("JNIM");
    }
    expect(lookupActor("EIGS")[0]!.name).toBe("Islamic State Sahel");
    expect(lookupActor("CEDEAO")[0]!.name).toBe(lookupActor("ECOWAS")[0]!.name);
    expect(lookupActor("armée malienne")[0]!.name).toBe("Military Forces of Mali");
    expect(lookupActor("FAMa")[0]!.type).toBe(1);
  });
  it("finds actors in text with the longest alias", () => {
    const text = "Le ministre sénégalais des Forces armées a rencontré les FAMa et le GARSI.";
    expect(findActors(text, "fr").map((m) => m.actor.name)).toEqual(["Government of Senegal", "Military Forces of Mali", "Military Forces of Senegal"]);
  });
  it("does not take lower-case words for acronyms", () => {
    expect(findActors("une fan de musique", "fr")).toEqual([]);
  });
});

describe("dates", () => {
  const at = (text: string, lang: "fr" | "en" = "fr", published = "2025-05-19") =>
    findDates(text, lang, published).map((d) => [d.date, d.precision, d.since]);
  it("resolves day-level phrases against the publication date", () => {
    expect(at("reçu ce lundi 19 mai 2025")).toEqual([["2025-05-19", "day", false]]);
    expect(at("l'assaut du 17 mai")).toEqual([["2025-05-17", "day", false]]);
    expect(at("attaqué hier")).toEqual([["2025-05-18", "day", false]]);
    expect(at("avant-hier")).toEqual([["2025-05-17", "day", false]]);
  });
  it("puts bare weekdays and yearless dates in the past", () => {
    expect(at("vendredi", "fr", "2025-05-21")).toEqual([["2025-05-16", "day", false]]);
    expect(at("le 20 décembre", "fr", "2025-01-10")).toEqual([["2024-12-20", "day", false]]);
    expect(at("on Saturday", "en", "2025-05-19")).toEqual([["2025-05-17", "day", false]]);
  });
  it("handles month and year phrases", () => {
    expect(at("en février 2025")).toEqual([["2025-02-01", "month", false]]);
    expect(at("depuis septembre 2024")).toEqual([["2024-09-01", "month", true]]);
    expect(at("en janvier", "fr", "2025-05-19")).toEqual([["2025-01-01", "month", false]]);
    expect(at("signé en 2021")).toEqual([["2021-01-01", "year", false]]);
    expect(at("since March 2023", "en")).toEqual([["2023-03-01", "month", true]]);
    expect(at("la semaine dernière")).toEqual([["2025-05-12", "week", false]]);
  });
  it("ignores clock times and resolves nothing relative without a reference", () => {
    expect(at("vers 10 h 30")).toEqual([]);
    expect(findDates("hier, le 3 mars 2024", "fr", null).map((d) => d.date)).toEqual(["2024-03-03"]);
  });
});

describe("fatalities", () => {
  const count = (s: string) => findFatalities(s).map((m) => m.count);
  it("reads numbers in words and digits", () => {
    expect(parseNumber("vingt-deux")).toBe(22);
    expect(parseNumber("quatre-vingts")).toBe(80);
    expect(parseNumber("twenty-one")).toBe(21);
    expect(parseNumber("une dizaine")).toBe(10);
    expect(parseNumber("1 200")).toBe(1200);
  });
  it("counts deaths, not the wounded", () => {
    expect(count("une attaque ayant coûté la vie à un guide religieux")).toEqual([1]);
    expect(count("L'attaque a fait 12 morts et 20 blessés.")).toEqual([12]);
    expect(count("gunmen killed 5 soldiers")).toEqual([5]);
    expect(count("au moins dix civils ont été tués")).toEqual([10]);
    expect(count("tuant deux soldats et blessant trois personnes")).toEqual([2]);
    expect(count("faisant trois blessés")).toEqual([]);
  });
  it("returns 0 only when the text says nobody died", () => {
    expect(count("l'explosion n'a fait aucune victime")).toEqual([0]);
    expect(count("des tirs ont été entendus")).toEqual([]);
  });
});

describe("event types", () => {
  const decide = (s: string, ctx: Partial<Parameters<typeof decideEventType>[1]> = {}) => {
    const folded = foldKeepLength(s);
    return decideEventType(findTriggers(folded), { civilianVictims: false, stateForces: false, armedGroup: false, crowd: false, folded, ...ctx });
  };
  it("classifies by ACLED rules", () => {
    expect(decide("un engin explosif improvisé a frappé un car")?.subEventType).toBe("Remote explosive/landmine/IED");
    expect(decide("des frappes de drones ont visé un marché")?.subEventType).toBe("Air/drone strike");
    expect(decide("des jihadistes ont tué cinq villageois", { civilianVictims: true })?.eventType).toBe("Violence against civilians");
    expect(decide("l'attaque du camp militaire", { stateForces: true })?.eventType).toBe("Battles");
    expect(decide("ils ont enlevé le chef du village", { civilianVictims: true })?.subEventType).toBe("Abduction/forced disappearance");
    expect(decide("la police a dispersé la manifestation au gaz lacrymogène")?.subEventType).toBe("Protest with intervention");
    expect(decide("gendarmes arrested three suspects")?.subEventType).toBe("Arrests");
    expect(decide("un accord technique signé en 2021")?.subEventType).toBe("Agreement");
    expect(decide("la récolte de coton est bonne")).toBeNull();
  });
  it("only uses valid taxonomy pairs", () => {
    const d = decide("lynchage d'un voleur présumé");
    expect(d && isValidEventPair(d.eventType, d.subEventType)).toBe(true);
  });
});

describe("header", () => {
  it("reads the clipping header", () => {
    const text = "date 2025-05 Un titre - site.com\n\nUn titre Publié le lundi 19 mai 2025\n\nCorps.";
    const header = readArticleHeader(text);
    expect(header).toMatchObject({ title: "Un titre", publishedAt: "2025-05-19" });
    expect(text.slice(header.bodyStart).trim()).toBe("Corps.");
  });
});

describe("pipeline", () => {
  it("never throws and gives no incidents for empty or odd text", () => {
    for (const text of ["", "   ", "\u0000\u0001", "!!!!", "a".repeat(5000), "1 2 3 4 5"]) {
      expect(extractArticle({ text }).incidents).toEqual([]);
    }
  });
  it("extracts several incidents from one English article with offsets into the text", () => {
    const text =
      "Gunmen killed 7 civilians in an attack on Sunday near Djibo, residents said.\n\nOn Monday, Malian soldiers clashed with JNIM fighters in Léré, in the Timbuktu region.";
    const { incidents, source } = extractArticle({ text, publishedAt: "2025-03-04" });
    expect(source.language).toBe("en");
    expect(incidents.map((i) => [i.eventType, i.location, i.eventDate, i.fatalities])).toEqual([
      ["Violence against civilians", "Djibo", "2025-03-02", 7],
      ["Battles", "Léré", "2025-03-03", null],
    ]);
    expect(incidents[0]!.geoPrecision).toBe(2);
    expect(incidents[1]!.actors.map((a) => a.name)).toEqual(["Military Forces of Mali", "JNIM"]);
    for (const i of incidents) for (const e of i.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it("takes text and date from HTML when no text is given", () => {
    const r = extractArticle({ text: "", html: '<html><head><title>T</title><meta name="date" content="2025-01-05"></head><body><p>Des hommes armés ont attaqué le poste de Léré samedi.</p></body></html>' });
    expect(r.source).toMatchObject({ title: "T", publishedAt: "2025-01-05", language: "fr" });
    expect(r.incidents[0]).toMatchObject({ location: "Léré", eventDate: "2025-01-04", eventType: "Battles" });
  });
});
