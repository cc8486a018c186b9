import { NextResponse } from "next/server";
import { userChangeSchema } from "@/lib/auth/api-input";
import { requestIp } from "@/lib/auth/guard";
import { resetUserPassword, setUserDisabled, updateUserRole } from "@/lib/auth/users";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** One of `{ role }`, `{ disabled }` or `{ password }`: one audited change per request. */
export const PATCH = apiRoute(
  "PATCH /api/admin/users/[id]",
  { params: idParams({ notFound: "user" }), body: userChangeSchema },
  async ({ request, user: actor, params: { id }, body: change }) => {
    const context = { actor, ip: requestIp(request) };
    if (change.role) await updateUserRole(id, change.role, context);
    if (change.disabled !== undefined) await setUserDisabled(id, change.disabled, context);
    if (change.password) await resetUserPassword(id, change.password, context);
    return new NextResponse(null, { status: 204 });
  },
);
