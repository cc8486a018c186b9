/**
 * What is new for a user: incidents created since they last opened the incidents list. The count is
 * capped (a long absence shows "999+") so the header never scans the whole table.
 */
import "server-only";
import { prisma } from "@/lib/db/client";

export const ARRIVALS_CAP = 999;

export type Arrivals = { count: number; capped: boolean; since: string | null };

export async function getArrivals(userId: number): Promise<Arrivals> {
  const rows = await prisma.$queryRaw<{ since: Date | null; count: number }[]>`
    SELECT u.last_seen_at AS since,
           (SELECT count(*)::int FROM (
              SELECT 1 FROM incident i WHERE u.last_seen_at IS NOT NULL AND i.created_at > u.last_seen_at AND i.merged_into_id IS NULL
              LIMIT ${ARRIVALS_CAP + 1}) n) AS count
      FROM "user" u WHERE u.id = ${userId}`;
  const row = rows[0];
  if (!row) return { count: 0, capped: false, since: null };
  return { count: Math.min(row.count, ARRIVALS_CAP), capped: row.count > ARRIVALS_CAP, since: row.since?.toISOString() ?? null };
}

/** The user has seen the list as of now. */
export async function markIncidentsSeen(userId: number): Promise<void> {
  await prisma.$executeRaw`UPDATE "user" SET last_seen_at = now() WHERE id = ${userId}`;
}
