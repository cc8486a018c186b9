import { NextResponse } from "next/server";
import { listActorNames, parseActorListQuery } from "@/lib/actors/queue";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** `GET /api/actors?status=pending|resolved|alias&q=&page=&pageSize=` → `{ rows, total }`, most used names first. */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/actors"]);
    return NextResponse.json(await listActorNames(parseActorListQuery(new URL(request.url).searchParams)));
  } catch (error) {
    return errorResponse(error);
  }
}
