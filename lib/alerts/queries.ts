/** Watches, the in-app inbox and the delivery log: the data layer of alerting for pages and routes. */
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import type { Prisma, Watch } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parseReason, type AlertReason } from "./describe";
import { baselineWatch } from "./evaluate";
import { normalizeWatchQuery, watchCreateSchema, watchPatchSchema } from "./input";

export type WatchRow = {
  id: number;
  name: string;
  query: string;
  condition: "every" | "fatalities" | "surge";
  minFatalities: number | null;
  verifiedOnly: boolean;
  shared: boolean;
  emailMode: "off" | "immediate" | "daily" | "weekly";
  webhookUrl: string | null;
  /** The secret itself is never sent back: it was shown to whoever typed it. */
  hasWebhookSecret: boolean;
  maxAlertsPerHour: number;
  active: boolean;
  ownerId: number;
  ownerName: string | null;
  mine: boolean;
  canEdit: boolean;
  createdAt: string;
  alerts: number;
};

function canEdit(user: SessionUser, watch: Pick<Watch, "ownerId" | "shared">): boolean {
  return watch.ownerId === user.id || (watch.shared && user.role === "admin");
}

function toRow(user: SessionUser, watch: Watch & { owner: { name: string | null; email: string }; _count: { alerts: number } }): WatchRow {
  return {
    id: watch.id,
    name: watch.name,
    query: watch.query,
    condition: watch.condition,
    minFatalities: watch.minFatalities,
    verifiedOnly: watch.verifiedOnly,
    shared: watch.shared,
    emailMode: watch.emailMode,
    webhookUrl: watch.webhookUrl,
    hasWebhookSecret: !!watch.webhookSecret,
    maxAlertsPerHour: watch.maxAlertsPerHour,
    active: watch.active,
    ownerId: watch.ownerId,
    ownerName: watch.owner.name ?? watch.owner.email,
    mine: watch.ownerId === user.id,
    canEdit: canEdit(user, watch),
    createdAt: watch.createdAt.toISOString(),
    alerts: watch._count.alerts,
  };
}

const rowInclude = { owner: { select: { name: true, email: true } }, _count: { select: { alerts: true } } } as const;

/** The caller's watches and those shared with the team. */
export async function listWatches(user: SessionUser): Promise<WatchRow[]> {
  const watches = await prisma.watch.findMany({ where: { OR: [{ ownerId: user.id }, { shared: true }] }, include: rowInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return watches.map((watch) => toRow(user, watch));
}

/** A watch the caller may see (own or shared), or 404 (someone else's private watch does not exist for them). */
async function visibleWatch(tx: Prisma.TransactionClient, user: SessionUser, id: number): Promise<Watch> {
  const watch = await tx.watch.findUnique({ where: { id } });
  if (!watch || (watch.ownerId !== user.id && !watch.shared)) throw new AppError("not_found", `Watch ${id} does not exist`);
  return watch;
}

async function editableWatch(tx: Prisma.TransactionClient, user: SessionUser, id: number): Promise<Watch> {
  const watch = await visibleWatch(tx, user, id);
  if (!canEdit(user, watch)) throw new AppError("forbidden", "A shared watch can be changed by its owner or an admin only");
  return watch;
}

function assertMayShare(user: SessionUser, shared: boolean | undefined): void {
  if (shared && user.role !== "admin") throw new AppError("forbidden", "shared: only an admin can share a watch with the team");
}

export async function createWatch(user: SessionUser, input: unknown): Promise<WatchRow> {
  const data = watchCreateSchema.parse(input);
  assertMayShare(user, data.shared);
  const { query } = normalizeWatchQuery(data.query);
  const id = await prisma.$transaction(async (tx) => {
    const watch = await tx.watch.create({
      data: {
        ownerId: user.id,
        name: data.name,
        query,
        condition: data.condition,
        minFatalities: data.condition === "fatalities" ? data.minFatalities : null,
        verifiedOnly: data.verifiedOnly,
        shared: data.shared,
        emailMode: data.emailMode,
        webhookUrl: data.webhookUrl ?? null,
        webhookSecret: data.webhookUrl ? data.webhookSecret : null,
        maxAlertsPerHour: data.maxAlertsPerHour,
        active: data.active,
      },
    });
    await baselineWatch((statement) => tx.$executeRaw(statement), watch);
    await recordAudit({ user, action: "watch.create", targetType: "watch", targetId: watch.id, details: { name: watch.name, query, condition: watch.condition, shared: watch.shared } }, tx);
    return watch.id;
  }, { timeout: 60_000 });
  return getWatch(user, id);
}

export async function getWatch(user: SessionUser, id: number): Promise<WatchRow> {
  await visibleWatch(prisma, user, id);
  return toRow(user, await prisma.watch.findUniqueOrThrow({ where: { id }, include: rowInclude }));
}

export async function updateWatch(user: SessionUser, id: number, input: unknown): Promise<WatchRow> {
  const patch = watchPatchSchema.parse(input);
  assertMayShare(user, patch.shared);
  const query = patch.query === undefined ? undefined : normalizeWatchQuery(patch.query).query;
  await prisma.$transaction(async (tx) => {
    const current = await editableWatch(tx, user, id);
    const condition = patch.condition ?? current.condition;
    const minFatalities = patch.minFatalities === undefined ? current.minFatalities : patch.minFatalities;
    if (condition === "fatalities" && minFatalities == null) throw new AppError("bad_request", "minFatalities: is required when condition is fatalities", [{ parameter: "minFatalities", message: "is required when condition is fatalities" }]);
    const webhookUrl = patch.webhookUrl === undefined ? current.webhookUrl : patch.webhookUrl;
    const webhookSecret = patch.webhookSecret === undefined ? current.webhookSecret : patch.webhookSecret;
    if (webhookUrl && !webhookSecret) throw new AppError("bad_request", "webhookSecret: is required with a webhookUrl (it signs every call)", [{ parameter: "webhookSecret", message: "is required with a webhookUrl" }]);
    const updated = await tx.watch.update({
      where: { id },
      data: {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(query !== undefined && { query }),
        condition,
        minFatalities: condition === "fatalities" ? minFatalities : null,
        ...(patch.verifiedOnly !== undefined && { verifiedOnly: patch.verifiedOnly }),
        ...(patch.shared !== undefined && { shared: patch.shared }),
        ...(patch.emailMode !== undefined && { emailMode: patch.emailMode }),
        webhookUrl,
        webhookSecret: webhookUrl ? webhookSecret : null,
        ...(patch.maxAlertsPerHour !== undefined && { maxAlertsPerHour: patch.maxAlertsPerHour }),
        ...(patch.active !== undefined && { active: patch.active }),
      },
    });
    // A new filter or condition starts from what it matches now, as a new watch would.
    const scopeChanged = query !== undefined || patch.condition !== undefined || patch.minFatalities !== undefined || patch.verifiedOnly !== undefined;
    if (scopeChanged) await baselineWatch((statement) => tx.$executeRaw(statement), updated);
    const { webhookSecret: secret, ...details } = patch;
    await recordAudit({ user, action: "watch.update", targetType: "watch", targetId: id, details: { ...details, ...(secret !== undefined && { webhookSecret: "(changed)" }) } }, tx);
  }, { timeout: 60_000 });
  return getWatch(user, id);
}

export async function deleteWatch(user: SessionUser, id: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const watch = await editableWatch(tx, user, id);
    await tx.watch.delete({ where: { id } });
    await recordAudit({ user, action: "watch.delete", targetType: "watch", targetId: id, details: { name: watch.name } }, tx);
  });
}

/** `title`: why it fired in English; `reason`: the same as data, worded in the reader's language by pages (null on older alerts). */
export type AlertRow = { id: number; watchId: number; watchName: string; kind: string; title: string; reason: AlertReason | null; incidentIds: number[]; createdAt: string; read: boolean };

export async function listAlerts(user: SessionUser, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<AlertRow[]> {
  const rows = await prisma.alertRecipient.findMany({
    where: { userId: user.id, ...(options.unreadOnly && { readAt: null }) },
    include: { alert: { include: { watch: { select: { name: true } } } } },
    orderBy: [{ createdAt: "desc" }, { alertId: "desc" }],
    take: Math.min(options.limit ?? 100, 500),
  });
  return rows.map((row) => ({
    id: row.alert.id,
    watchId: row.alert.watchId,
    watchName: row.alert.watch.name,
    kind: row.alert.kind,
    title: row.alert.title,
    reason: parseReason(row.alert.reason),
    incidentIds: row.alert.incidentIds,
    createdAt: row.alert.createdAt.toISOString(),
    read: row.readAt !== null,
  }));
}

export function countUnreadAlerts(user: SessionUser): Promise<number> {
  return prisma.alertRecipient.count({ where: { userId: user.id, readAt: null } });
}

export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.number().int().positive("must be alert ids")).min(1, "must not be empty").max(500, "has too many ids (500 at most)") }),
  z.strictObject({ all: z.literal(true) }),
]);

/** Marks the caller's alerts read (ids of other users' alerts are ignored: they are not in this inbox). */
export async function markAlertsRead(user: SessionUser, input: unknown): Promise<number> {
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", "Send { \"ids\": [alert ids] } or { \"all\": true }", parsed.error.issues);
  const where = "ids" in parsed.data ? { userId: user.id, readAt: null, alertId: { in: parsed.data.ids } } : { userId: user.id, readAt: null };
  const { count } = await prisma.alertRecipient.updateMany({ where, data: { readAt: new Date() } });
  return count;
}

export type DeliveryRow = { id: number; alertIds: number[]; channel: string; attempt: number; ok: boolean; statusCode: number | null; error: string | null; durationMs: number; createdAt: string };

export async function listDeliveries(user: SessionUser, watchId: number): Promise<DeliveryRow[]> {
  await visibleWatch(prisma, user, watchId);
  const rows = await prisma.alertDelivery.findMany({ where: { watchId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })).map(({ watchId: _watch, ...row }) => row);
}
