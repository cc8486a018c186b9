import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { STATS_BUCKETS, type StatsBucket } from "@/lib/incidents/stats";
import { getCachedOverviewStats } from "@/lib/incidents/stats-cache";

export const dynamic = "force-dynamic";

/** The time axis: `week` (ISO weeks, starting Monday) or `month`; month when absent. */
function parseBucket(params: URLSearchParams): StatsBucket {
  const values = params.getAll("bucket");
  if (values.length === 0) return "month";
  if (values.length > 1) throw new AppError("bad_request", "bucket: give it once", [{ parameter: "bucket", message: "give it once" }]);
  const value = values[0]!;
  if (!(STATS_BUCKETS as readonly string[]).includes(value)) {
    const message = `must be one of ${STATS_BUCKETS.join(", ")}`;
    throw new AppError("bad_request", `bucket: ${message}`, [{ parameter: "bucket", message }]);
  }
  return value as StatsBucket;
}

const parseStatsQuery = (params: URLSearchParams) => ({ filter: parseIncidentFilter(params, ["bucket"]), bucket: parseBucket(params) });

/**
 * `GET /api/incidents/stats?<filter>&bucket=week|month`: every overview aggregate for the filter (the
 * same parameters as `/api/incidents`), as JSON; 400 naming a bad parameter. `Age` says how many seconds
 * ago the figures were computed (see lib/incidents/stats-cache.ts).
 */
export const GET = apiRoute("GET /api/incidents/stats", { query: parseStatsQuery }, async ({ query }) => {
  const { stats, computedAt } = await getCachedOverviewStats(query.filter, query.bucket);
  const age = Math.max(0, Math.floor((Date.now() - computedAt.getTime()) / 1000));
  return NextResponse.json(stats, { headers: { Age: String(age), "Last-Modified": computedAt.toUTCString() } });
});
