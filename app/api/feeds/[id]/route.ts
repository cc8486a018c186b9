import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { parseUpdateFeed } from "@/lib/feeds/input";
import { deleteFeed, updateFeed } from "@/lib/feeds/queries";
import { readJsonBody } from "@/lib/http/read-json";
import { parseId } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `PATCH /api/feeds/:id` with any of `{ intervalMinutes, language, country, paused }` (analysts). */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["PATCH /api/feeds/[id]"]);
    const id = parseId((await params).id);
    const feed = await updateFeed(id, parseUpdateFeed(await readJsonBody(request)), user);
    return NextResponse.json({ feed });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `DELETE /api/feeds/:id`: ends the subscription; what it brought in stays (analysts). */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["DELETE /api/feeds/[id]"]);
    await deleteFeed(parseId((await params).id), user);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
