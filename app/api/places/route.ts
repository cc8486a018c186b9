import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listPlaceNames, parsePlaceListQuery } from "@/lib/places/queries";

export const dynamic = "force-dynamic";

/** `GET /api/places?status=pending|resolved|alias|rejected&country=&q=&page=&pageSize=` → `{ rows, total }`, most used names first. */
export const GET = apiRoute("GET /api/places", { query: parsePlaceListQuery }, async ({ query }) => NextResponse.json(await listPlaceNames(query)));
