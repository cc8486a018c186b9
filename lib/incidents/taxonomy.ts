/**
 * ACLED's event taxonomy and actor types, the vocabulary analysts exchange data in. The single source of
 * truth for extraction, validation, filters, charts and the ACLED export profile.
 */

export const EVENT_TAXONOMY = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
} as const;

export type EventType = keyof typeof EVENT_TAXONOMY;
export type SubEventType = (typeof EVENT_TAXONOMY)[EventType][number];

export const EVENT_TYPES = Object.keys(EVENT_TAXONOMY) as EventType[];
export const SUB_EVENT_TYPES = EVENT_TYPES.flatMap((type) => [...EVENT_TAXONOMY[type]]) as SubEventType[];

/** ACLED's disorder type for each event type (a column of the ACLED export profile). */
export const DISORDER_TYPE: Record<EventType, string> = {
  Battles: "Political violence",
  "Violence against civilians": "Political violence",
  "Explosions/Remote violence": "Political violence",
  Protests: "Demonstrations",
  Riots: "Political violence; Demonstrations",
  "Strategic developments": "Strategic developments",
};

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TAXONOMY, value);
}

export function isValidEventPair(eventType: string, subEventType: string): boolean {
  return isEventType(eventType) && (EVENT_TAXONOMY[eventType] as readonly string[]).includes(subEventType);
}

/** ACLED inter codes. */
export const ACTOR_TYPES = {
  1: "State forces",
  2: "Rebel groups",
  3: "Political militias",
  4: "Identity militias",
  5: "Rioters",
  6: "Protesters",
  7: "Civilians",
  8: "External/Other forces",
} as const;

export type ActorTypeCode = keyof typeof ACTOR_TYPES;
export const ACTOR_TYPE_CODES = Object.keys(ACTOR_TYPES).map(Number) as ActorTypeCode[];

export const ACTOR_ROLES = ["actor1", "actor2", "associated"] as const;
export type ActorRoleName = (typeof ACTOR_ROLES)[number];

export const REVIEW_STATUSES = ["unverified", "verified", "rejected"] as const;
export const DATE_PRECISIONS = ["day", "week", "month", "year"] as const;
export const GEO_PRECISIONS = [1, 2, 3] as const;

/** The languages sources are read in (what extraction detects or a feed declares). */
export const SOURCE_LANGUAGES = ["fr", "en"] as const;
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];
