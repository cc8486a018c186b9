/**
 * The shapes the incidents data layer hands to pages and components. Kept apart from the queries so a
 * client component can import them without pulling server code into the browser bundle.
 */
import type { ReviewStatus } from "@/lib/db/generated/enums";
import type { ActorRoleName } from "./taxonomy";

export type IncidentRow = {
  id: number;
  eventDate: string;
  endDate: string | null;
  datePrecision: string;
  eventType: string;
  subEventType: string;
  country: string;
  admin1: string | null;
  admin1Reform: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number;
  fatalities: number | null;
  actors: string;
  status: ReviewStatus;
  summary: string;
  updatedAt: string;
  version: number;
};

export type IncidentPage = {
  rows: IncidentRow[];
  /** Exact, or the planner's estimate when counting exactly would cost more than the page itself. */
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
};

export type IncidentDetail = IncidentRow & {
  createdAt: string;
  mergedIntoId: number | null;
  actorLinks: { id: number; name: string; type: number; role: ActorRoleName }[];
  sources: {
    id: number;
    url: string | null;
    title: string | null;
    publisher: string | null;
    publishedAt: string | null;
    language: string | null;
    text: string;
    fatalities: number | null;
    evidence: { id: number; field: string; text: string; start: number; end: number }[];
  }[];
  merges: { id: number; mergedId: number; mergedSummary: string; createdAt: string; undoneAt: string | null }[];
  history: { id: string; action: string; userEmail: string | null; details: unknown; createdAt: string }[];
};

export type PlaceOption = { name: string; country: string; admin1?: string | null; admin2?: string | null; reform?: boolean };
export type FilterOptions = {
  countries: string[];
  admin1: PlaceOption[];
  admin2: PlaceOption[];
  locations: PlaceOption[];
  actors: { name: string; type: number; aliases: string[] }[];
};

export type SavedViewRow = { id: number; name: string; query: string; shared: boolean; ownerId: number; ownerName: string | null; createdAt: string; mine: boolean };
