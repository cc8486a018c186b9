import { NextResponse } from "next/server";
import { parseId, userChangeSchema } from "@/lib/auth/api-input";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { resetUserPassword, setUserDisabled, updateUserRole } from "@/lib/auth/users";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** One of `{ role }`, `{ disabled }` or `{ password }`: one audited change per request. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireApiUser(request, ROUTE_ROLES["PATCH /api/admin/users/[id]"]);
    const id = parseId((await params).id, "User");
    const change = userChangeSchema.parse(await readJsonBody(request));
    const context = { actor, ip: requestIp(request) };
    if (change.role) await updateUserRole(id, change.role, context);
    if (change.disabled !== undefined) await setUserDisabled(id, change.disabled, context);
    if (change.password) await resetUserPassword(id, change.password, context);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
