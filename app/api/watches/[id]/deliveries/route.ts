import { NextResponse } from "next/server";
import { listDeliveries } from "@/lib/alerts/queries";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** `GET /api/watches/:id/deliveries`: every attempt to e-mail or call the webhook of a watch, newest first. */
export const GET = apiRoute("GET /api/watches/[id]/deliveries", { params: idParams({ notFound: "watch" }) }, async ({ user, params }) =>
  NextResponse.json({ deliveries: await listDeliveries(user, params.id) }),
);
