import { NextResponse } from "next/server";
import { requestIp } from "@/lib/auth/guard";
import { createUser, listUsers } from "@/lib/auth/users";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/admin/users", {}, async () =>
  NextResponse.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } }),
);

/** `{ email, role, password, name? }` → 201 with the new user (without any secret); createUser validates it. */
export const POST = apiRoute("POST /api/admin/users", { body: jsonAsIs }, async ({ request, user: actor, body }) => {
  const user = await createUser(body as Parameters<typeof createUser>[0], { actor, ip: requestIp(request) });
  return NextResponse.json({ user }, { status: 201 });
});
