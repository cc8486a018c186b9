import { NextResponse } from "next/server";
import { z } from "zod";
import { int4Id } from "@/lib/validation/id";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-json";
import { mergeIncidents } from "@/lib/incidents/merges";

export const dynamic = "force-dynamic";

const body = z.object({ mergedId: int4Id() });

/** `POST /api/incidents/:id/merge` with `{ mergedId }`: merges that incident into this one (reversible). */
export const POST = apiRoute(
  "POST /api/incidents/[id]/merge",
  { params: idParams(), body, bodyLimit: JSON_BODY_LIMIT_BYTES },
  async ({ user, params, body: { mergedId } }) => NextResponse.json(await mergeIncidents(params.id, mergedId, user), { status: 201 }),
);
