import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { unmergeIncident } from "@/lib/incidents/merges";

export const dynamic = "force-dynamic";

/** `DELETE /api/incidents/merges/:mergeId`: undoes a merge, moving the merged incident's links back. */
export const DELETE = apiRoute("DELETE /api/incidents/merges/[mergeId]", { params: idParams({ parameter: "mergeId" }) }, async ({ user, params }) =>
  NextResponse.json(await unmergeIncident(params.mergeId, user)),
);
