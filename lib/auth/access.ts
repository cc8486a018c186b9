/**
 * The minimum role of every page, route handler and server action, in one table that the code itself
 * reads: each guard call names its entry (`requireApiUser(request, ROUTE_ROLES["POST /api/views"])`), so
 * the table cannot drift from what is enforced. tests/integration/route-coverage.test.ts checks that the
 * table and app/ list the same things, then calls every entry with the role just below its minimum and
 * checks that it is refused and that the database is unchanged. Lowering an entry is a security decision.
 */
import type { Role } from "./roles";

/** Pages, by URL path ("/" only redirects and "/login" is public). */
export const PAGE_ROLES = {
  "/overview": "viewer",
  "/incidents": "viewer",
  "/incidents/[id]": "viewer",
  "/sources": "viewer",
  "/sources/[id]": "viewer",
  "/settings/tokens": "viewer",
  "/ingest": "analyst",
  "/admin/audit": "admin",
  "/admin/users": "admin",
  "/admin/tokens": "admin",
  "/alerts": "viewer",
  "/feeds": "viewer",
  "/places/actors": "analyst",
  "/places": "analyst",
  "/watches": "viewer",
} as const satisfies Record<string, Role>;

/** Route handlers, by "METHOD /path" (next-auth's routes and /api/health are public). */
export const ROUTE_ROLES = {
  "GET /api/incidents": "viewer",
  "GET /api/incidents/[id]": "viewer",
  "PATCH /api/incidents/[id]": "analyst",
  "POST /api/incidents/[id]/status": "analyst",
  "POST /api/incidents/[id]/merge": "analyst",
  "DELETE /api/incidents/merges/[mergeId]": "analyst",
  "GET /api/incidents/export": "viewer",
  "GET /api/incidents/filter-options": "viewer",
  "GET /api/incidents/stats": "viewer",
  "GET /api/sources": "viewer",
  "POST /api/sources": "analyst",
  "POST /api/sources/preview": "analyst",
  // A viewer's own settings: their tokens and saved views.
  "GET /api/tokens": "viewer",
  "POST /api/tokens": "viewer",
  "DELETE /api/tokens/[id]": "viewer",
  "GET /api/views": "viewer",
  "POST /api/views": "viewer",
  "PATCH /api/views/[id]": "viewer",
  "DELETE /api/views/[id]": "viewer",
  "GET /api/admin/audit": "admin",
  "GET /api/admin/users": "admin",
  "POST /api/admin/users": "admin",
  "PATCH /api/admin/users/[id]": "admin",
  "GET /api/admin/tokens": "admin",
  "DELETE /api/admin/tokens/[id]": "admin",
  "POST /api/actors/[id]/resolve": "analyst",
  "GET /api/actors": "viewer",
  "POST /api/alerts/read": "viewer",
  "GET /api/alerts": "viewer",
  "PATCH /api/feeds/[id]": "analyst",
  "DELETE /api/feeds/[id]": "analyst",
  "GET /api/feeds": "viewer",
  "POST /api/feeds": "analyst",
  "GET /api/gazetteer/export": "viewer",
  "POST /api/gazetteer/import": "admin",
  "GET /api/incidents/arrivals": "viewer",
  "POST /api/places/[id]/resolve": "analyst",
  "GET /api/places": "viewer",
  "GET /api/watches/[id]/deliveries": "viewer",
  "GET /api/watches/[id]": "viewer",
  "PATCH /api/watches/[id]": "viewer",
  "DELETE /api/watches/[id]": "viewer",
  "GET /api/watches": "viewer",
  "POST /api/watches": "viewer",
} as const satisfies Record<string, Role>;

/** Server actions, by exported function name (unique across app/). */
export const ACTION_ROLES = {
  updateIncidentAction: "analyst",
  setStatusAction: "analyst",
  mergeAction: "analyst",
  unmergeAction: "analyst",
  setLocaleAction: "viewer",
  saveViewAction: "viewer",
  deleteViewAction: "viewer",
  createTokenAction: "viewer",
  revokeTokenAction: "viewer",
  revokeAnyTokenAction: "admin",
  createUserAction: "admin",
  changeRoleAction: "admin",
  setDisabledAction: "admin",
  resetPasswordAction: "admin",
} as const satisfies Record<string, Role>;
