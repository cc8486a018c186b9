/** Saved views: named filters (URL query strings), private or shared with the team. */
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import type { SavedViewRow } from "./types";

export const savedViewInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "is too long (100 characters at most)"),
  query: z
    .string()
    .trim()
    .max(4000, "is too long")
    .transform((value) => value.replace(/^\?/, "")),
  shared: z.boolean().default(false),
}).strict(); // a misspelt field ("shard") is a 400, not a view silently saved private

/** The user's own views and the ones the team shared, own first. */
export async function listSavedViews(user: SessionUser): Promise<SavedViewRow[]> {
  const views = await prisma.savedView.findMany({
    where: { OR: [{ ownerId: user.id }, { shared: true }] },
    include: { owner: { select: { name: true, email: true } } },
    orderBy: [{ name: "asc" }],
  });
  return views
    .map((view) => ({
      id: view.id,
      name: view.name,
      query: view.query,
      shared: view.shared,
      ownerId: view.ownerId,
      ownerName: view.owner.name ?? view.owner.email,
      createdAt: view.createdAt.toISOString(),
      mine: view.ownerId === user.id,
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}

/** A saved view keeps the filter part of the URL (no page number): reopening starts at the first page. */
export function normalizeViewQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.delete("page");
  return params.toString();
}

export async function createSavedView(user: SessionUser, input: z.input<typeof savedViewInputSchema>): Promise<SavedViewRow> {
  const data = savedViewInputSchema.parse(input);
  const view = await prisma.$transaction(async (tx) => {
    const created = await tx.savedView.create({ data: { ownerId: user.id, name: data.name, query: normalizeViewQuery(data.query), shared: data.shared } });
    await recordAudit({ user, action: "view.create", targetType: "saved_view", targetId: created.id, details: { name: created.name, shared: created.shared } }, tx);
    return created;
  });
  return { id: view.id, name: view.name, query: view.query, shared: view.shared, ownerId: view.ownerId, ownerName: user.name ?? user.email, createdAt: view.createdAt.toISOString(), mine: true };
}

async function ownView(tx: Prisma.TransactionClient, user: SessionUser, id: number) {
  const view = await tx.savedView.findUnique({ where: { id } });
  if (!view || (view.ownerId !== user.id && !view.shared)) throw new AppError("not_found", `Saved view ${id} does not exist`);
  if (view.ownerId !== user.id && user.role !== "admin") throw new AppError("forbidden", "Only the owner of a view (or an admin) can change or delete it");
  return view;
}

export async function updateSavedView(user: SessionUser, id: number, input: Partial<z.input<typeof savedViewInputSchema>>): Promise<void> {
  const data = savedViewInputSchema.partial().parse(input);
  await prisma.$transaction(async (tx) => {
    await ownView(tx, user, id);
    await tx.savedView.update({
      where: { id },
      data: { ...(data.name !== undefined && { name: data.name }), ...(data.query !== undefined && { query: normalizeViewQuery(data.query) }), ...(data.shared !== undefined && { shared: data.shared }) },
    });
    await recordAudit({ user, action: "view.update", targetType: "saved_view", targetId: id, details: data }, tx);
  });
}

export async function deleteSavedView(user: SessionUser, id: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const view = await ownView(tx, user, id);
    await tx.savedView.delete({ where: { id } });
    await recordAudit({ user, action: "view.delete", targetType: "saved_view", targetId: id, details: { name: view.name } }, tx);
  });
}

