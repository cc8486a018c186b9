/**
 * For the access sweep in route-coverage.test.ts: records every entry of the roles table can act on,
 * valid bodies and forms for each (so a refusal is never a validation error), and a fingerprint of the
 * whole database to prove a refused call changed nothing.
 */
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { createSavedView } from "@/lib/incidents/saved-views";
import { mergeIncidents } from "@/lib/incidents/merges";
import { createWatch } from "@/lib/alerts/queries";
import type { Role } from "@/lib/auth/roles";
import type { AppRoute } from "../app-routes";
import { query } from "./db";
import { insertIncident } from "./incidents/fixtures";
import type { Caller } from "./session";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type Endpoint = { route: AppRoute; method: string; handler: Handler };

export type AccessFixture = {
  incidentId: number;
  incidentVersion: number;
  thirdId: number;
  mergeId: number;
  viewId: number;
  viewerTokenId: number;
  analystTokenId: number;
  targetUserId: number;
  watchId: number;
  feedId: number;
  placeNameId: number;
  actorNameId: number;
  /** The incident's actor 1, a name extraction did not know, and a known actor to replace it with. */
  unknownActorId: number;
  knownActorId: number;
};

const ARTICLE = "Bamako, 12 mai 2025 - Des hommes armés ont attaqué le village de Diallassagou, dans la région de Mopti, tuant 7 civils.";

const incident = (summary: string) =>
  insertIncident({ eventDate: "2025-05-12", eventType: "Violence against civilians", subEventType: "Attack", summary, country: "Mali", admin1: "Mopti" });

export async function seedAccessFixture(callers: Record<Role, Caller>): Promise<AccessFixture> {
  const [incidentId, mergedAwayId, thirdId] = [await incident("First"), await incident("Second"), await incident("Third")];
  const { mergeId } = await mergeIncidents(incidentId, mergedAwayId, null);
  const [{ version }] = await query<{ version: number }>(`SELECT version FROM incident WHERE id = $1`, [incidentId]);
  const view = await createSavedView(callers.viewer.user, { name: "mine", query: "country=Mali" });
  const viewerToken = await createApiToken(callers.viewer.user.id, "to revoke");
  const [analystToken] = await query<{ id: number }>(`SELECT id FROM api_token WHERE user_id = $1`, [callers.analyst.user.id]);
  const target = await createUser({ email: "access-target@example.org", password: "a long enough password", role: "viewer" });
  const watch = await createWatch(callers.viewer.user, { name: "my watch", query: "country=Mali" });
  const [feed] = await query<{ id: number }>(`INSERT INTO feed (url, interval_minutes, updated_at) VALUES ('https://example.org/sweep.xml', 15, now()) RETURNING id`);
  const [place] = await query<{ id: number }>(`INSERT INTO place_name (name, key, country, spellings, updated_at) VALUES ('Sweepville', 'sweepville', 'Mali', ARRAY['Sweepville'], now()) RETURNING id`);
  const [actor] = await query<{ id: number }>(`INSERT INTO actor_name (name, key, updated_at) VALUES ('Sweep Brigade', 'sweep brigade', now()) RETURNING id`);
  const [unknownActor, knownActor] = await query<{ id: number }>(`INSERT INTO actor (name, type) VALUES ('Katiba du Balayage', 3), ('Sweep Known Group', 2) RETURNING id`);
  await query(`INSERT INTO incident_actor (incident_id, actor_id, role) VALUES ($1, $2, 'actor1')`, [incidentId, unknownActor!.id]);
  await query(`INSERT INTO actor_name (name, key, actor_id, updated_at) VALUES ('Katiba du Balayage', 'katiba du balayage', $1, now())`, [unknownActor!.id]);
  return {
    incidentId,
    incidentVersion: version,
    thirdId,
    mergeId,
    viewId: view.id,
    viewerTokenId: viewerToken.id,
    analystTokenId: analystToken.id,
    targetUserId: target.id,
    watchId: watch.id,
    feedId: feed!.id,
    placeNameId: place!.id,
    actorNameId: actor!.id,
    unknownActorId: unknownActor!.id,
    knownActorId: knownActor!.id,
  };
}

/** Fresh records for the viewer's own writes (the route sweep deleted the first ones). */
export async function viewerActionFixture(fixture: AccessFixture): Promise<AccessFixture> {
  const [viewer] = await query<{ user_id: number }>(`SELECT user_id FROM api_token WHERE id = $1`, [fixture.viewerTokenId]);
  const [user] = await query<{ id: number; email: string; name: string | null; role: Role }>(`SELECT id, email, name, role FROM "user" WHERE id = $1`, [viewer.user_id]);
  const view = await createSavedView(user, { name: "another", query: "country=Niger" });
  const token = await createApiToken(user.id, "another");
  const watch = await createWatch(user, { name: "another watch", query: "country=Niger" });
  return { ...fixture, viewId: view.id, viewerTokenId: token.id, watchId: watch.id };
}

const BODIES: Record<string, (fixture: AccessFixture) => unknown> = {
  "PATCH /api/incidents/[id]": (fixture) => ({ summary: "Edited by the access sweep", version: fixture.incidentVersion, actors: [{ actorId: fixture.knownActorId, role: "actor1" }] }),
  "POST /api/incidents/[id]/status": () => ({ status: "verified" }),
  "POST /api/incidents/[id]/merge": (fixture) => ({ mergedId: fixture.thirdId }),
  "POST /api/sources": () => ({ text: ARTICLE }),
  "POST /api/sources/preview": () => ({ text: ARTICLE }),
  "POST /api/tokens": () => ({ name: "from the sweep" }),
  "POST /api/views": () => ({ name: "sweep view", query: "country=Mali" }),
  "PATCH /api/views/[id]": () => ({ name: "renamed view" }),
  "POST /api/admin/users": () => ({ email: "new-user@example.org", password: "a long enough password", role: "viewer" }),
  "PATCH /api/admin/users/[id]": () => ({ role: "analyst" }),
  "POST /api/feeds": () => ({ url: "https://example.org/another.xml" }),
  "PATCH /api/feeds/[id]": () => ({ paused: true }),
  "POST /api/places/[id]/resolve": () => ({ reject: true }),
  "POST /api/actors/[id]/resolve": () => ({ name: "Sweep Brigade", interCode: 3 }),
  "POST /api/watches": () => ({ name: "sweep watch", query: "admin1=Kayes" }),
  "PATCH /api/watches/[id]": () => ({ name: "renamed watch" }),
  "POST /api/alerts/read": () => ({ all: true }),
};

function paramsFor(path: string, fixture: AccessFixture): Record<string, string> {
  if (path.startsWith("/api/incidents/merges")) return { mergeId: String(fixture.mergeId) };
  if (path.startsWith("/api/incidents")) return { id: String(fixture.incidentId) };
  if (path.startsWith("/api/views")) return { id: String(fixture.viewId) };
  if (path.startsWith("/api/tokens")) return { id: String(fixture.viewerTokenId) };
  if (path.startsWith("/api/admin/tokens")) return { id: String(fixture.analystTokenId) };
  if (path.startsWith("/api/admin/users")) return { id: String(fixture.targetUserId) };
  if (path.startsWith("/api/watches")) return { id: String(fixture.watchId) };
  if (path.startsWith("/api/feeds")) return { id: String(fixture.feedId) };
  if (path.startsWith("/api/places")) return { id: String(fixture.placeNameId) };
  if (path.startsWith("/api/actors")) return { id: String(fixture.actorNameId) };
  return {};
}

/** Calls a handler with its fixture's ids and a valid body. */
export function callValid(endpoint: Endpoint, fixture: AccessFixture, init: RequestInit): Promise<Response> {
  const params = paramsFor(endpoint.route.path, fixture);
  const url = `http://localhost:3000${endpoint.route.path.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "1")}`;
  const body = BODIES[`${endpoint.method} ${endpoint.route.path}`]?.(fixture);
  const headers = { ...(init.headers as Record<string, string>), ...(body === undefined ? {} : { "content-type": "application/json" }) };
  const request = new Request(url, { ...init, method: endpoint.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return endpoint.handler(request, { params: Promise.resolve(params) });
}

/** A valid form for each server action, as its page would post it. */
export function actionForm(name: string, fixture: AccessFixture): FormData {
  const fields: Record<string, Record<string, string>> = {
    updateIncidentAction: {
      id: String(fixture.incidentId),
      version: String(fixture.incidentVersion),
      eventDate: "2025-05-12",
      datePrecision: "day",
      eventType: "Violence against civilians",
      subEventType: "Attack",
      summary: "Edited by the access sweep",
      country: "Mali",
      admin1: "Mopti",
      geoPrecision: "2",
      fatalities: "7",
      // Replaces the unknown actor 1 and records its name as an alias of the known one.
      actorsEdited: "1",
      "actorRole.0": "actor1",
      "actorWas.0": String(fixture.unknownActorId),
      "actorId.0": String(fixture.knownActorId),
      "actorLearn.0": "on",
    },
    setStatusAction: { id: String(fixture.incidentId), status: "verified", version: String(fixture.incidentVersion) },
    mergeAction: { targetId: String(fixture.incidentId), mergedId: String(fixture.thirdId) },
    unmergeAction: { mergeId: String(fixture.mergeId) },
    saveViewAction: { name: "sweep view", query: "country=Mali" },
    deleteViewAction: { id: String(fixture.viewId) },
    createTokenAction: { name: "from the sweep", scope: "read" },
    revokeTokenAction: { tokenId: String(fixture.viewerTokenId) },
    revokeAnyTokenAction: { tokenId: String(fixture.analystTokenId) },
    createUserAction: { email: "made-by-action@example.org", name: "Made", role: "viewer", password: "a long enough password" },
    changeRoleAction: { userId: String(fixture.targetUserId), role: "analyst" },
    setDisabledAction: { userId: String(fixture.targetUserId), disabled: "true" },
    resetPasswordAction: { userId: String(fixture.targetUserId) },
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields[name] ?? {})) form.set(key, value);
  return form;
}

/** The digest of the Next interruption (forbidden(), redirect()) a call threw, or what happened instead. */
export async function interruption(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    return `returned ${JSON.stringify(result)?.slice(0, 200)}`;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" ? digest : `threw ${String(error)}`;
  }
}

/** One fingerprint per table (api_token without last_used_at, which any accepted token request may touch). */
export async function databaseSnapshot(): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const row = name === "api_token" ? `(t.id, t.name, t.scope, t.expires_at, t.revoked_at)` : "t";
    const [result] = await query<{ digest: string }>(`SELECT md5(coalesce(string_agg(${row}::text, '|' ORDER BY ${row}::text), '')) AS digest FROM "${name}" t`);
    snapshot[name] = result.digest;
  }
  return snapshot;
}
