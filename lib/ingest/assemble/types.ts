/**
 * The shapes the assembly steps pass along (facts of an article, candidates of a sentence, drafts of an
 * incident) and the incident they produce, with the small span helpers every step uses.
 */
import type { ActorMention } from "../actors";
import type { DateMention, DatePrecision } from "../dates";
import type { TriggerKind, TriggerMatch } from "../event-type";
import type { FatalityMention } from "../fatalities";
import type { PlaceEntry, PlaceMention } from "../gazetteer";
import type { Language } from "../language";
import type { Sentence } from "../sentences";
import { spanIndexAt } from "../spans";
import type { EventType, SubEventType } from "../../incidents/taxonomy";

export interface Evidence {
  field: string;
  text: string;
  start: number;
  end: number;
}

export interface IncidentActorOut {
  name: string;
  role: "actor1" | "actor2" | "associated";
  type: number;
}

export interface ExtractedIncident {
  eventDate: string | null;
  endDate: string | null;
  datePrecision: DatePrecision;
  eventType: EventType;
  subEventType: SubEventType;
  summary: string;
  country: string;
  admin1: string | null;
  /** Mali's 2023-reform region when it differs from admin1 (Sandaré: admin1 Kayes, reform Nioro). */
  admin1Reform: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: 1 | 2 | 3;
  actors: IncidentActorOut[];
  fatalities: number | null;
  evidence: Evidence[];
}

export interface AssembleOptions {
  language: Language;
  publishedAt?: string | null;
  /** Offset where the article body starts (after a header); nothing before it is read. */
  bodyStart?: number;
  /** Country code to fall back on when the article names no country (a feed's country hint). */
  countryHint?: string;
}

export type Family = "violence" | "crowd" | "strategic";

export function familyOf(kind: TriggerKind): Family {
  if (kind === "strategic") return "strategic";
  if (kind === "protest" || kind === "riot" || kind === "mob") return "crowd";
  return "violence";
}

export interface Clause {
  start: number;
  end: number;
}

/** What one group of triggers in one sentence says. */
export interface Candidate {
  sentence: Sentence;
  sentenceIndex: number;
  family: Family;
  triggers: TriggerMatch[];
  ownClauses: Clause[];
  places: PlaceMention[];
  ownPlaces: boolean;
  dates: DateMention[];
  ownDate: boolean;
  /** "the army said on Wednesday": the fallback date when nothing else dates the event. */
  reportedDate: DateMention | undefined;
  actors: ActorMention[];
  /** Countries named as the subject of a development ("le retrait du Mali"), not as its place. */
  countryActors: PlaceMention[];
  fatalities: number | null;
  fatalityMentions: FatalityMention[];
}

/** A sentence with no event of its own that adds facts to the one told just before ("Le bilan fait état de cinq morts"). */
export interface Follower {
  sentence: Sentence;
  actors: ActorMention[];
  fatalities: number | null;
  fatalityMentions: FatalityMention[];
}

export interface Draft {
  family: Family;
  candidates: Candidate[];
  followers: Follower[];
}

/** A locality named in the text that the gazetteer lacks, with the area a parenthesis gives it ("X (Koro, Mopti)"). */
export interface NamedPlace {
  name: string;
  start: number;
  end: number;
  context: PlaceEntry | null;
  /** Named as a village, locality or hamlet ("le village de X", "X, une localité"), not only after "à". */
  cued?: boolean;
}

export interface ArticleFacts {
  text: string;
  folded: string;
  sentences: Sentence[];
  places: PlaceMention[];
  /** Places named only to situate another ("X (Koro, Mopti)"): context, never an incident's place. */
  contextPlaces: Set<PlaceMention>;
  /** Unlisted localities qualified by a parenthesis. */
  named: NamedPlace[];
  actors: ActorMention[];
  dates: DateMention[];
  fatalities: FatalityMention[];
  triggers: TriggerMatch[];
  countryRanking: string[];
  publishedAt: string | null;
}

export { overlapsAny, within } from "../spans";

export function evidenceOf(field: string, sentence: Sentence): Evidence {
  return { field, text: sentence.text, start: sentence.start, end: sentence.end };
}

export function sentenceAt(facts: ArticleFacts, offset: number): Sentence | undefined {
  return facts.sentences[spanIndexAt(facts.sentences, offset)];
}
