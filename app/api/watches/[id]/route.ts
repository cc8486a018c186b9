import { NextResponse } from "next/server";
import { deleteWatch, getWatch, updateWatch } from "@/lib/alerts/queries";
import { parseId } from "@/lib/auth/api-input";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/watches/:id`. */
export async function GET(request: Request, context: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/watches/[id]"]);
    return NextResponse.json(await getWatch(user, parseId((await context.params).id, "Watch")));
  } catch (error) {
    return errorResponse(error);
  }
}

/** `PATCH /api/watches/:id` with any of the fields of POST /api/watches. */
export async function PATCH(request: Request, context: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["PATCH /api/watches/[id]"]);
    const id = parseId((await context.params).id, "Watch");
    return NextResponse.json(await updateWatch(user, id, await readJsonBody(request)));
  } catch (error) {
    return errorResponse(error);
  }
}

/** `DELETE /api/watches/:id`: the watch, its matches and alerts. */
export async function DELETE(request: Request, context: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["DELETE /api/watches/[id]"]);
    await deleteWatch(user, parseId((await context.params).id, "Watch"));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
