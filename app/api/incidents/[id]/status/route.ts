import { NextResponse } from "next/server";
import { z } from "zod";
import { int4Id } from "@/lib/validation/id";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-json";
import { setIncidentStatus } from "@/lib/incidents/edits";
import { REVIEW_STATUSES } from "@/lib/incidents/taxonomy";

export const dynamic = "force-dynamic";

const body = z.object({ status: z.enum(REVIEW_STATUSES), version: int4Id().optional() });

/** `POST /api/incidents/:id/status` with `{ status: "verified" | "rejected" | "unverified", version? }`. */
export const POST = apiRoute(
  "POST /api/incidents/[id]/status",
  { params: idParams(), body, bodyLimit: JSON_BODY_LIMIT_BYTES },
  async ({ user, params, body: { status, version } }) => NextResponse.json(await setIncidentStatus(params.id, status, user, version)),
);
