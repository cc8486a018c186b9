/**
 * The queue of actor names the dictionary does not know (armed groups first seen in an article, filled on
 * ingest by lib/places/queue.ts), and its two resolutions:
 * - `{ actorId }`: the name is an alias of that actor (JNIM = GSIM = Jama'at Nusrat al-Islam ...). The
 *   incidents of the provisional actor ingest created move to it, the name and its aliases point at it,
 *   and the provisional actor is removed;
 * - `{ name, interCode }`: the name is a new actor of its own, named and coded (ACLED inter code).
 * Either way in one transaction: every incident concerned gets its actor names rewritten, a new version
 * and an audit row, and later ingests map the name through actor_alias (lib/places/queue.ts).
 */
import "server-only";
import { z } from "zod";
import { int4Id } from "@/lib/validation/id";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError, zodMessage } from "@/lib/errors/app-error";
import { ACTOR_NAMES_OF_I } from "@/lib/incidents/actor-links";
import { invalidateOverviewCache } from "@/lib/incidents/stats-cache";
import { foldText } from "@/lib/text/fold";

export const ACTOR_STATUSES = ["pending", "resolved", "alias", "rejected"] as const;

export const actorListSchema = z
  .object({
    status: z.enum(ACTOR_STATUSES, { message: `must be one of ${ACTOR_STATUSES.join(", ")}` }).default("pending"),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(100).default(25),
  })
  .strict();

export type ActorListQuery = z.infer<typeof actorListSchema>;

export function parseActorListQuery(params: URLSearchParams): ActorListQuery {
  const parsed = actorListSchema.safeParse(Object.fromEntries([...params.entries()].filter(([, value]) => value !== "")));
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
  return parsed.data;
}

export type ActorCandidate = { actorId: number; name: string; interCode: number; alias: string; similarity: number };
export type ActorNameRow = { id: number; name: string; country: string | null; incidentCount: number; status: string; examples: string[]; actorId: number | null; resolution: unknown; candidates: ActorCandidate[] };

export async function listActorNames(query: ActorListQuery): Promise<{ rows: ActorNameRow[]; total: number }> {
  const where = { status: query.status, ...(query.q ? { key: { contains: foldText(query.q) } } : {}) };
  const [names, total] = await Promise.all([
    prisma.actorName.findMany({ where, orderBy: [{ incidentCount: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    prisma.actorName.count({ where }),
  ]);
  // The dictionary is a few hundred aliases: similarity over all of them, no index needed.
  const candidates = names.length
    ? await prisma.$queryRaw<(ActorCandidate & { nameId: number })[]>`
        SELECT n.id AS "nameId", c.* FROM unnest(${names.map((n) => n.id)}::int[], ${names.map((n) => n.name)}::text[], ${names.map((n) => n.actorId)}::int[]) AS n(id, name, own)
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (a.id) a.id AS "actorId", a.name, a.type::int AS "interCode", aa.alias, round(similarity(aa.alias, n.name)::numeric, 3)::float8 AS similarity
            FROM actor_alias aa JOIN actor a ON a.id = aa.actor_id
           WHERE a.id IS DISTINCT FROM n.own AND similarity(aa.alias, n.name) > 0.2
           ORDER BY a.id, similarity(aa.alias, n.name) DESC) c
        ORDER BY n.id, c.similarity DESC`
    : [];
  return {
    rows: names.map((name) => ({
      id: name.id,
      name: name.name,
      country: name.country,
      incidentCount: name.incidentCount,
      status: name.status,
      examples: name.examples,
      actorId: name.actorId,
      resolution: name.resolution,
      candidates: candidates.filter((candidate) => candidate.nameId === name.id).slice(0, 5).map(({ nameId: _, ...candidate }) => candidate),
    })),
    total,
  };
}

const aliasSchema = z.object({ actorId: int4Id("must be an actor id") }).strict();
const newActorSchema = z
  .object({
    name: z.string({ message: "must be the actor's name" }).trim().min(2, "must be at least 2 characters").max(200),
    interCode: z.number({ message: "must be an ACLED inter code, 1 to 8" }).int().min(1, "must be an ACLED inter code, 1 to 8").max(8, "must be an ACLED inter code, 1 to 8"),
  })
  .strict();

export type ActorResolution = { kind: "alias"; actorId: number } | { kind: "actor"; name: string; interCode: number };

export function parseActorResolution(body: unknown): ActorResolution {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("bad_request", "Send {actorId} or {name, interCode}");
  if ("actorId" in body) {
    const parsed = aliasSchema.safeParse(body);
    if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
    return { kind: "alias", actorId: parsed.data.actorId };
  }
  const parsed = newActorSchema.safeParse(body);
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error));
  return { kind: "actor", ...parsed.data };
}

type Tx = Prisma.TransactionClient;

/**
 * The incidents whose links changed get their actor_names recomputed, a new version and an audit row, in
 * one statement: each row is written once (one new row version, one round of index and trigger work),
 * found again by id (an address would miss a row version committed while the lock was awaited).
 */
async function renameVersionAndAudit(tx: Tx, ids: number[], details: Record<string, unknown>, user: SessionUser | null, ip: string | null): Promise<number> {
  if (!ids.length) return 0;
  const [row] = await tx.$queryRawUnsafe<{ changed: number }[]>(
    `WITH target AS (SELECT id, actor_names AS old_names FROM incident WHERE id = ANY($1::int[]) FOR UPDATE),
     changed AS (UPDATE incident i SET actor_names = ${ACTOR_NAMES_OF_I}, version = i.version + 1, updated_at = now()
                   FROM target t WHERE i.id = t.id
                 RETURNING i.id, i.version, t.old_names, i.actor_names AS new_names),
     audited AS (INSERT INTO audit_event (user_id, user_email, action, target_type, target_id, details, ip)
                 SELECT $2::int, $3::text, 'incident.actors', 'incident', c.id::text,
                        $4::jsonb || jsonb_build_object('version', c.version, 'changes', jsonb_build_object('actorNames', jsonb_build_object('from', c.old_names, 'to', c.new_names))), $5::text
                   FROM changed c RETURNING 1)
     SELECT count(*)::int AS changed FROM audited`,
    ids,
    user?.id ?? null,
    user?.email ?? null,
    JSON.stringify(details),
    ip,
  );
  return row!.changed;
}

export async function resolveActorName(id: number, resolution: ActorResolution, user: SessionUser | null, options: { ip?: string | null } = {}) {
  const ip = options.ip ?? null;
  const result = await prisma.$transaction(
    async (tx) => {
      const [queued] = await tx.$queryRaw<{ id: number; name: string; key: string; actor_id: number | null }[]>`
        SELECT id, name, key, actor_id FROM actor_name WHERE id = ${id} FOR UPDATE`;
      if (!queued) throw new AppError("not_found", `Actor name ${id} does not exist`);
      const provisional = queued.actor_id;
      // Locked before the links change; their old actor_names stay on the rows until the one rewrite below.
      const locked = provisional === null ? [] : await tx.$queryRaw<{ id: number }[]>`
        SELECT i.id FROM incident i WHERE i.id IN (SELECT incident_id FROM incident_actor WHERE actor_id = ${provisional}) ORDER BY i.id FOR UPDATE OF i`;
      const ids = locked.map((row) => row.id);
      let actorId: number;
      let status: "alias" | "resolved";
      if (resolution.kind === "alias") {
        const target = await tx.actor.findUnique({ where: { id: resolution.actorId } });
        if (!target) throw new AppError("bad_request", `actorId: actor ${resolution.actorId} does not exist`);
        actorId = target.id;
        status = "alias";
        if (provisional !== null && provisional !== target.id) {
          // The links move to the actor (one UPDATE, not a copy and a cascade delete); where an incident
          // already had that actor in the same role, the provisional link just goes.
          await tx.$executeRaw`
            DELETE FROM incident_actor p WHERE p.actor_id = ${provisional}
               AND EXISTS (SELECT 1 FROM incident_actor t WHERE t.incident_id = p.incident_id AND t.actor_id = ${target.id} AND t.role = p.role)`;
          await tx.$executeRaw`UPDATE incident_actor SET actor_id = ${target.id} WHERE actor_id = ${provisional}`;
          await tx.$executeRaw`UPDATE actor_alias SET actor_id = ${target.id} WHERE actor_id = ${provisional}`;
          // Keep the queue row's link (it now names the actor the decision chose) before the provisional row goes.
          await tx.actorName.update({ where: { id }, data: { actorId: target.id } });
          await tx.actor.delete({ where: { id: provisional } });
        }
      } else {
        const clash = await tx.actor.findUnique({ where: { name: resolution.name } });
        if (clash && clash.id !== provisional) throw new AppError("bad_request", `name: an actor named "${resolution.name}" exists; link the name to it with actorId ${clash.id}`);
        if (provisional !== null) {
          await tx.actor.update({ where: { id: provisional }, data: { name: resolution.name, type: resolution.interCode } });
          actorId = provisional;
        } else {
          actorId = (await tx.actor.create({ data: { name: resolution.name, type: resolution.interCode } })).id;
        }
        status = "resolved";
      }
      for (const alias of new Set([queued.name, ...(resolution.kind === "actor" ? [resolution.name] : [])])) {
        await tx.$executeRaw`
          INSERT INTO actor_alias (actor_id, alias, normalized) VALUES (${actorId}, ${alias}, ${foldText(alias)})
          ON CONFLICT (normalized) DO UPDATE SET actor_id = EXCLUDED.actor_id`;
      }
      const decided = { kind: resolution.kind, actorId, ...(resolution.kind === "actor" ? { name: resolution.name, interCode: resolution.interCode } : {}), by: user?.email ?? null };
      const changed = await renameVersionAndAudit(tx, ids, { actorName: id, name: queued.name, resolution: resolution.kind }, user, ip);
      const row = await tx.actorName.update({ where: { id }, data: { status, actorId, resolution: { ...decided, incidents: changed }, resolvedAt: new Date() } });
      await recordAudit({ user, action: "actor_name.resolve", targetType: "actor_name", targetId: id, details: { ...decided, incidents: changed }, ip }, tx);
      return { actor: { id: row.id, name: row.name, status: row.status, actorId: row.actorId, incidentCount: row.incidentCount, resolution: row.resolution }, incidentsChanged: changed };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  invalidateOverviewCache();
  return result;
}
