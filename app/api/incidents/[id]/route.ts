import { NextResponse } from "next/server";
import { z } from "zod";
import { keyedError } from "@/lib/errors/keyed";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-json";
import { findIncident } from "@/lib/incidents/detail";
import { incidentPatchSchema, updateIncident } from "@/lib/incidents/edits";

export const dynamic = "force-dynamic";

/** `GET /api/incidents/:id`: the incident with its actors, sources, evidence, merges and audit history. */
export const GET = apiRoute("GET /api/incidents/[id]", { params: idParams() }, async ({ params: { id } }) => {
  const incident = await findIncident(id);
  if (!incident) throw keyedError("not_found", "idNotFound", { what: "incident", id });
  return NextResponse.json(incident);
});

const patchBody = incidentPatchSchema.extend({ version: z.number().int().positive("must be the version you loaded") });

/**
 * `PATCH /api/incidents/:id` with `{ version, ...fields }`: saves only if the incident is still at `version`
 * (optimistic locking); otherwise 409 and nothing is written. Analysts and admins.
 */
export const PATCH = apiRoute(
  "PATCH /api/incidents/[id]",
  { params: idParams(), body: patchBody, bodyLimit: JSON_BODY_LIMIT_BYTES },
  async ({ user, params, body: { version, ...patch } }) => NextResponse.json(await updateIncident(params.id, version, patch, user)),
);
