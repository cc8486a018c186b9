/**
 * An incident's actors as an analyst edits them: the links (actor, role) are replaced as a whole inside
 * the edit's transaction (the caller then refreshes actor_names), and the change is returned for the
 * audit row. The edit form offers the known actors (getActorOptions); an actor still waiting in the actors queue
 * is offered only on the incidents that already carry it, so an analyst picks real actors, not raw names.
 */
import { z } from "zod";
import { int4Id } from "@/lib/validation/id";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { ACTOR_ROLES, type ActorRoleName } from "./taxonomy";

export const actorLinksSchema = z
  .array(
    z
      .object({
        actorId: int4Id("must be an actor id"),
        role: z.enum(ACTOR_ROLES, { message: `must be one of ${ACTOR_ROLES.join(", ")}` }),
      })
      .strict(),
  )
  .max(20, "at most 20 actors");

export type ActorLink = { actorId: number; role: ActorRoleName };

/**
 * actor_names of the incident aliased `i`, from its links: actor1 first, then actor2, associated, each
 * name once. Kept on the row so the table and the CSV export need no join; every write of links applies it.
 */
export const ACTOR_NAMES_OF_I = `coalesce((
  SELECT string_agg(name, '; ' ORDER BY first_role, name) FROM (
    SELECT a.name, min(ia.role) AS first_role FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id
     WHERE ia.incident_id = i.id GROUP BY a.name) named), '')`;

const ROLE_ORDER = new Map<string, number>(ACTOR_ROLES.map((role, index) => [role, index]));

/** "actor1: JNIM" lines in role order, as the audit row shows them. */
function described(links: { name: string; role: string }[]): string[] {
  return [...links].sort((a, b) => ROLE_ORDER.get(a.role)! - ROLE_ORDER.get(b.role)! || a.name.localeCompare(b.name)).map((link) => `${link.role}: ${link.name}`);
}

export type ActorLinksChange = { from: string[]; to: string[] };

/**
 * Replaces the incident's actor links with `links` (duplicates dropped) when they differ from the stored
 * ones; returns the change, or null when the set is the same. The caller holds the incident's row lock.
 */
export async function replaceIncidentActors(tx: Prisma.TransactionClient, incidentId: number, links: ActorLink[]): Promise<ActorLinksChange | null> {
  const wanted = [...new Map(links.map((link) => [`${link.actorId}:${link.role}`, link])).values()];
  const current = await tx.$queryRaw<{ actor_id: number; role: ActorRoleName; name: string }[]>`
    SELECT ia.actor_id, ia.role::text AS role, a.name FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = ${incidentId}`;
  const key = (link: { actorId: number; role: string }) => `${link.actorId}:${link.role}`;
  const currentKeys = new Set(current.map((row) => key({ actorId: row.actor_id, role: row.role })));
  if (wanted.length === currentKeys.size && wanted.every((link) => currentKeys.has(key(link)))) return null;

  const ids = [...new Set(wanted.map((link) => link.actorId))];
  const actors = ids.length ? await tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length) throw new AppError("bad_request", `actors: actor ${missing.join(", ")} does not exist`);

  await tx.$executeRaw`DELETE FROM incident_actor WHERE incident_id = ${incidentId}`;
  if (wanted.length) {
    await tx.$executeRaw`
      INSERT INTO incident_actor (incident_id, actor_id, role)
      SELECT ${incidentId}, x.actor_id, x.role::"ActorRole" FROM unnest(${wanted.map((link) => link.actorId)}::int[], ${wanted.map((link) => link.role)}::text[]) AS x(actor_id, role)`;
  }
  return { from: described(current), to: described(wanted.map((link) => ({ name: names.get(link.actorId)!, role: link.role }))) };
}

export type ActorOption = { id: number; name: string; type: number };

/** The actors an analyst may choose on an incident: the known ones, and the incident's own. */
export async function getActorOptions(incidentId: number): Promise<ActorOption[]> {
  return prisma.$queryRaw<ActorOption[]>`
    SELECT a.id, a.name, a.type::int AS type FROM actor a
     WHERE NOT EXISTS (SELECT 1 FROM actor_name n WHERE n.actor_id = a.id AND n.status = 'pending')
        OR EXISTS (SELECT 1 FROM incident_actor ia WHERE ia.actor_id = a.id AND ia.incident_id = ${incidentId})
     ORDER BY a.name`;
}
