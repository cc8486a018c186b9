import { NextResponse } from "next/server";
import { createWatch, listWatches } from "@/lib/alerts/queries";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** `GET /api/watches`: the caller's watches and those shared with the team. */
export const GET = apiRoute("GET /api/watches", {}, async ({ user }) => NextResponse.json({ watches: await listWatches(user) }));

/**
 * `POST /api/watches` with `{ name, query, condition?, minFatalities?, verifiedOnly?, shared?, emailMode?, webhookUrl?, webhookSecret?, maxAlertsPerHour? }`;
 * createWatch validates it.
 */
export const POST = apiRoute("POST /api/watches", { body: jsonAsIs }, async ({ user, body }) =>
  NextResponse.json(await createWatch(user, body), { status: 201 }),
);
