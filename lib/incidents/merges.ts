/**
 * Reversible merges of duplicate incidents.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { ActorRoleName } from "./taxonomy";
import { corrected, lockIncident, refreshActorNames, type Actor } from "./edits";

type MovedLinks = {
  sources: number[];
  actors: { actorId: number; role: ActorRoleName }[];
  evidence: number[];
};

/**
 * Merges `mergedId` into `targetId`: the sources, actors and evidence of the merged incident that the
 * target lacks move to the target, and the merged incident is hidden (merged_into_id). What moved is
 * written to incident_merge, so un-merging moves exactly those links back. One transaction; both rows are
 * locked in id order so two concurrent merges cannot deadlock or interleave.
 */
export async function mergeIncidents(targetId: number, mergedId: number, user: Actor): Promise<{ mergeId: number }> {
  if (targetId === mergedId) throw new AppError("bad_request", "An incident cannot be merged into itself");
  return corrected(prisma.$transaction(async (tx) => {
    const [first, second] = targetId < mergedId ? [targetId, mergedId] : [mergedId, targetId];
    const locked = new Map([[first, await lockIncident(tx, first)], [second, await lockIncident(tx, second)]]);
    if (locked.get(targetId)!.merged_into_id !== null) throw new AppError("conflict", `Incident ${targetId} is itself merged into incident ${locked.get(targetId)!.merged_into_id}`);
    if (locked.get(mergedId)!.merged_into_id !== null) throw new AppError("conflict", `Incident ${mergedId} is already merged into incident ${locked.get(mergedId)!.merged_into_id}`);

    const sources = await tx.$queryRaw<{ source_id: number }[]>`
      UPDATE incident_source SET incident_id = ${targetId}
      WHERE incident_id = ${mergedId}
        AND source_id NOT IN (SELECT source_id FROM incident_source WHERE incident_id = ${targetId})
      RETURNING source_id`;
    const actors = await tx.$queryRaw<{ actor_id: number; role: ActorRoleName }[]>`
      UPDATE incident_actor SET incident_id = ${targetId}
      WHERE incident_id = ${mergedId}
        AND (actor_id, role) NOT IN (SELECT actor_id, role FROM incident_actor WHERE incident_id = ${targetId})
      RETURNING actor_id, role::text AS role`;
    const evidence = await tx.$queryRaw<{ id: number }[]>`
      UPDATE evidence SET incident_id = ${targetId} WHERE incident_id = ${mergedId} RETURNING id`;
    const moved: MovedLinks = {
      sources: sources.map((row) => row.source_id).sort((a, b) => a - b),
      actors: actors.map((row) => ({ actorId: row.actor_id, role: row.role })),
      evidence: evidence.map((row) => row.id).sort((a, b) => a - b),
    };
    await tx.incident.update({ where: { id: mergedId }, data: { mergedIntoId: targetId, version: { increment: 1 } } });
    await tx.incident.update({ where: { id: targetId }, data: { version: { increment: 1 } } });
    await refreshActorNames(tx, [targetId, mergedId]);
    const merge = await tx.incidentMerge.create({
      data: { targetId, mergedId, movedLinks: moved, createdById: user?.id ?? null },
    });
    const details = { mergeId: merge.id, targetId, mergedId, moved };
    await recordAudit({ user, action: "incident.merge", targetType: "incident", targetId, details }, tx);
    await recordAudit({ user, action: "incident.merged_into", targetType: "incident", targetId: mergedId, details }, tx);
    return { mergeId: merge.id };
  }));
}

/** Undoes a merge: the recorded links go back to the merged incident, which is listed again. */
export async function unmergeIncident(mergeId: number, user: Actor): Promise<{ targetId: number; mergedId: number }> {
  return corrected(prisma.$transaction(async (tx) => {
    const merge = await tx.incidentMerge.findUnique({ where: { id: mergeId } });
    if (!merge) throw new AppError("not_found", `Merge ${mergeId} does not exist`);
    const { targetId, mergedId } = merge;
    const [first, second] = targetId < mergedId ? [targetId, mergedId] : [mergedId, targetId];
    const locked = new Map([[first, await lockIncident(tx, first)], [second, await lockIncident(tx, second)]]);
    // Re-read under the locks: a concurrent un-merge of the same merge must find it already undone.
    const current = await tx.incidentMerge.findUniqueOrThrow({ where: { id: mergeId } });
    if (current.undoneAt) throw new AppError("conflict", `Merge ${mergeId} was already undone`);
    // The target merged into a third incident since: the links to move back are on that one now, so
    // undoing this merge first would bring the merged incident back without them. Undo in reverse order.
    const targetMergedInto = locked.get(targetId)!.merged_into_id;
    if (targetMergedInto !== null) {
      const later = await tx.incidentMerge.findFirst({ where: { mergedId: targetId, undoneAt: null }, orderBy: { id: "desc" }, select: { id: true } });
      throw new AppError(
        "conflict",
        `Incident ${targetId} was merged into incident ${targetMergedInto} since: undo merge ${later?.id ?? "of that incident"} first`,
      );
    }
    const moved = current.movedLinks as unknown as MovedLinks;
    if (moved.sources.length) {
      await tx.$executeRaw`UPDATE incident_source SET incident_id = ${mergedId} WHERE incident_id = ${targetId} AND source_id = ANY(${moved.sources}::int[])`;
    }
    for (const link of moved.actors) {
      await tx.$executeRaw`UPDATE incident_actor SET incident_id = ${mergedId}
        WHERE incident_id = ${targetId} AND actor_id = ${link.actorId} AND role = ${link.role}::"ActorRole"`;
    }
    if (moved.evidence.length) {
      await tx.$executeRaw`UPDATE evidence SET incident_id = ${mergedId} WHERE incident_id = ${targetId} AND id = ANY(${moved.evidence}::int[])`;
    }
    await tx.incident.update({ where: { id: mergedId }, data: { mergedIntoId: null, version: { increment: 1 } } });
    await tx.incident.update({ where: { id: targetId }, data: { version: { increment: 1 } } });
    await refreshActorNames(tx, [targetId, mergedId]);
    await tx.incidentMerge.update({ where: { id: mergeId }, data: { undoneAt: new Date() } });
    const details = { mergeId, targetId, mergedId, moved };
    await recordAudit({ user, action: "incident.unmerge", targetType: "incident", targetId, details }, tx);
    await recordAudit({ user, action: "incident.unmerged_from", targetType: "incident", targetId: mergedId, details }, tx);
    return { targetId, mergedId };
  }));
}
