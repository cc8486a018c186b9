/**
 * "Corrections teach", for actors: when an analyst replaces an incident's actor on its edit form and ticks
 * "record the name", the name the extractor had (the actor it created for an unknown name, or an actor an
 * analyst made from such a name) becomes an alias of the actor chosen, as if linked on the actors queue:
 * every incident of that name moves to the chosen actor, and later extractions map the name to it.
 *
 * Names of the shipped dictionary are not learnable: they are actors in their own right, and the reference
 * loader would give their alias back to them on its next run.
 */
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { actorByCanonicalName } from "@/lib/ingest/actors";
import { foldText } from "@/lib/text/fold";
import { resolveActorName } from "./queue";

/** Whether replacing this actor on an incident may be recorded for its name. */
export function isLearnableActorName(name: string): boolean {
  return !actorByCanonicalName(name);
}

export type ActorCorrection = { fromActorId: number; toActorId: number };

/**
 * Checks that the correction can be recorded, before the edit is saved; returns the name it records and the
 * actor it joins. With `incidentId`, the replaced actor must be one the incident carries: a form cannot
 * fold an actor the incident never had into another.
 */
export async function checkActorCorrection({ fromActorId, toActorId }: ActorCorrection, incidentId?: number): Promise<{ name: string; actor: string }> {
  const [from, to, linked] = await Promise.all([
    prisma.actor.findUnique({ where: { id: fromActorId } }),
    prisma.actor.findUnique({ where: { id: toActorId } }),
    incidentId === undefined ? Promise.resolve(true) : prisma.incidentActor.findFirst({ where: { incidentId, actorId: fromActorId } }).then(Boolean),
  ]);
  if (!from) throw new AppError("bad_request", `actors: actor ${fromActorId} does not exist`);
  if (!linked) throw new AppError("bad_request", `actors: "${from.name}" is not an actor of incident ${incidentId}, there is no correction to record`);
  if (!to) throw new AppError("bad_request", `actors: actor ${toActorId} does not exist`);
  if (from.id === to.id) throw new AppError("bad_request", `actors: "${from.name}" was not replaced, there is no correction to record`);
  if (!isLearnableActorName(from.name)) throw new AppError("bad_request", `actors: "${from.name}" is an actor of the dictionary, not a name to record as an alias`);
  return { name: from.name, actor: to.name };
}

export async function recordActorCorrection(correction: ActorCorrection, user: SessionUser | null, ip: string | null = null) {
  const { name } = await checkActorCorrection(correction);
  const key = foldText(name);
  // The name may never have been queued (not an armed group, or made by an analyst): it is queued now,
  // pointing at the actor that carries it, then linked like any queued name.
  const queued =
    (await prisma.actorName.findFirst({ where: { actorId: correction.fromActorId }, orderBy: { id: "asc" } })) ??
    (await prisma.actorName.upsert({ where: { key }, create: { name, key, actorId: correction.fromActorId }, update: { actorId: correction.fromActorId } }));
  return resolveActorName(queued.id, { kind: "alias", actorId: correction.toActorId }, user, { ip });
}
