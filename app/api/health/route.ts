import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Public liveness probe: says whether the database answers and nothing else. */
export async function GET() {
  const ok = await checkDatabase();
  return NextResponse.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
