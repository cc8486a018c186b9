/**
 * The headline announces the event the body then tells ("Bourasso : une dizaine de civils tués dans une
 * attaque", "NIGER: 137 DEAD IN AN ATTACK"). Told in a few words, it rarely carries the body's place or
 * date, so it would otherwise stand as an incident of its own beside the body's. A violent incident told
 * only in the headline lends what it knows to the body's incident instead, unless the body tells no
 * violence at all.
 */
import { type ArticleFacts, type ExtractedIncident } from "./types";

/** A headline line: short, and not ended by a stop as a sentence of the body is. */
const HEADLINE_LINE = /^[^\n]{1,160}$/;
const SENTENCE_END = /[.!?…»"”]\s*$/;
/** A rubric, a headline and a standfirst at most. */
const MAX_HEADLINE_LINES = 3;

/** End offset of the article's headline block (0 when the text opens with a sentence of the body). */
export function headlineEnd(facts: Pick<ArticleFacts, "text" | "sentences">): number {
  const { text } = facts;
  let at = facts.sentences[0]?.start ?? 0;
  let end = 0;
  for (let n = 0; n < MAX_HEADLINE_LINES && at < text.length; n++) {
    const newline = text.indexOf("\n", at);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(at, lineEnd).trim();
    if (!HEADLINE_LINE.test(line) || SENTENCE_END.test(line)) break;
    end = lineEnd;
    at = lineEnd + 1;
    while (at < text.length && /\s/.test(text[at]!)) at++;
  }
  // A text that is all headline has no body to fold into.
  return end >= text.trimEnd().length ? 0 : end;
}

const UNIDENTIFIED = "Unidentified Armed Group";

/** Folds violent incidents told only in the headline into the body's telling of the event. */
export function foldHeadline(incidents: ExtractedIncident[], facts: Pick<ArticleFacts, "text" | "sentences">): ExtractedIncident[] {
  const end = headlineEnd(facts);
  if (end === 0) return incidents;
  const onlyHeadline = (i: ExtractedIncident) => i.evidence.filter((e) => e.field === "eventType").every((e) => e.start < end);
  const violent = (i: ExtractedIncident) => i.eventType !== "Strategic developments";
  const body = incidents.filter((i) => violent(i) && !onlyHeadline(i));
  if (body.length === 0) return incidents;
  return incidents.filter((h) => {
    if (!violent(h) || !onlyHeadline(h)) return true;
    // A headline over a body telling one event announces it, wherever it puts it ("near Boulsa" over the
    // village the body names); over several, one naming a place the body does not may tell its own.
    const target =
      h.location === null || body.length === 1
        ? (body.find((b) => b.eventType === h.eventType) ?? body[0]!)
        : (body.find((b) => b.location === h.location) ??
          // "Douentza : huit civils tués" over a body placing the attack in a village of that cercle.
          body.find((b) => b.country === h.country && (b.location === null || b.admin2 === h.location || b.admin1 === h.location)));
    if (!target) return true;
    if (target.location === null && h.location !== null && h.country === target.country) {
      Object.assign(target, {
        admin1: h.admin1, admin1Reform: h.admin1Reform, admin2: h.admin2, location: h.location,
        latitude: h.latitude, longitude: h.longitude, geoPrecision: h.geoPrecision,
      });
    }
    // The headline's toll is the event's when the body tells one event and gives none.
    if (target.fatalities === null && h.fatalities !== null && body.length === 1) target.fatalities = h.fatalities;
    const named = h.actors.find((a) => a.role === "actor1" && a.type === 2);
    const slot = target.actors.findIndex((a) => a.name === UNIDENTIFIED);
    if (named && slot >= 0 && !target.actors.some((a) => a.name === named.name)) target.actors[slot] = { ...named, role: target.actors[slot]!.role };
    for (const e of h.evidence) if (!target.evidence.some((x) => x.field === e.field && x.start === e.start)) target.evidence.push(e);
    return false;
  });
}
