import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { createUser, listUsers } from "@/lib/auth/users";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/admin/users"]);
    return NextResponse.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ email, role, password, name? }` → 201 with the new user (without any secret). */
export async function POST(request: Request) {
  try {
    const actor = await requireApiUser(request, ROUTE_ROLES["POST /api/admin/users"]);
    const input = (await readJsonBody(request)) as Parameters<typeof createUser>[0];
    const user = await createUser(input, { actor, ip: requestIp(request) });
    return NextResponse.json({ user }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
