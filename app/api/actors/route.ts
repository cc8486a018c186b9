import { NextResponse } from "next/server";
import { listActorNames, parseActorListQuery } from "@/lib/actors/queue";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** `GET /api/actors?status=pending|resolved|alias&q=&page=&pageSize=` → `{ rows, total }`, most used names first. */
export const GET = apiRoute("GET /api/actors", { query: parseActorListQuery }, async ({ query }) => NextResponse.json(await listActorNames(query)));
