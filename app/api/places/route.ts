import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { listPlaceNames, parsePlaceListQuery } from "@/lib/places/queries";

export const dynamic = "force-dynamic";

/** `GET /api/places?status=pending|resolved|alias|rejected&country=&q=&page=&pageSize=` → `{ rows, total }`, most used names first. */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/places"]);
    return NextResponse.json(await listPlaceNames(parsePlaceListQuery(new URL(request.url).searchParams)));
  } catch (error) {
    return errorResponse(error);
  }
}
