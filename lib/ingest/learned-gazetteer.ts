/**
 * The places analysts taught Vigie (resolved names, imported national gazetteers), as gazetteer entries the
 * extractor matches beside the shipped ones. Pure and synchronous like the rest of extraction: the data
 * layer (lib/places/learned.ts) reads them from the database and hands them over here; gazetteer.ts
 * rebuilds its indexes when the version changes. Without a database (the extract CLI) the list is empty.
 */
import type { PlaceEntry } from "./gazetteer";

let entries: readonly PlaceEntry[] = [];
let version = 0;

export function setLearnedPlaces(places: readonly PlaceEntry[]): void {
  entries = places;
  version++;
}

export function learnedPlaces(): readonly PlaceEntry[] {
  return entries;
}

/** Changes whenever the list is replaced, so the indexes built from it know when to rebuild. */
export function learnedPlacesVersion(): number {
  return version;
}
