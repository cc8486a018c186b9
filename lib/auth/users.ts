/**
 * Accounts: creation, role changes, disabling and password resets. Every change writes its audit row in
 * the same transaction. Users are disabled, never deleted: the audit trail keeps pointing at them.
 */
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";
import { hashPassword, passwordSchema } from "./password";
import { roleSchema, type Role } from "./roles";
import type { ChangeContext, SessionUser } from "./types";

export type UserSummary = {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
};

/** The row the login and the guard need, including what must never leave the server. */
export type UserCredentials = SessionUser & { disabled: boolean; passwordHash: string; sessionGeneration: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));

export const nameSchema = z
  .string()
  .trim()
  .max(100, "Name must be at most 100 characters")
  .transform((value) => (value === "" ? null : value));

export const newUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
  name: nameSchema.nullish(),
});

export type NewUser = z.input<typeof newUserSchema>;

const credentialsSelect = { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true, sessionGeneration: true, locale: true } as const;

function auditActor(context: ChangeContext) {
  return { user: context.actor ?? null, ip: context.ip ?? null };
}

function via(context: ChangeContext) {
  return context.actor ? {} : { via: "cli" };
}

export async function createUser(input: NewUser, context: ChangeContext = {}): Promise<SessionUser> {
  const parsed = newUserSchema.parse(input);
  const passwordHash = await hashPassword(parsed.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: parsed.email }, select: { id: true } });
    if (existing) throw new AppError("conflict", `A user with the email ${parsed.email} already exists`);
    const user = await tx.user.create({
      data: { email: parsed.email, name: parsed.name ?? null, role: parsed.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(
      { ...auditActor(context), action: "user.create", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role, ...via(context) } },
      tx,
    );
    return user;
  });
}

export async function listUsers(): Promise<UserSummary[]> {
  const [users, logins] = await Promise.all([
    prisma.user.findMany({
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
      orderBy: [{ disabled: "asc" }, { email: "asc" }],
    }),
    prisma.loginAttempt.groupBy({ by: ["email"], where: { success: true }, _max: { createdAt: true } }),
  ]);
  const lastLogin = new Map(logins.map((row) => [row.email, row._max.createdAt]));
  return users.map((user) => ({ ...user, lastLoginAt: lastLogin.get(user.email) ?? null }));
}

/** The interface language a user chose; the caller validates it against the supported locales. */
export async function setUserLocale(id: number, locale: string): Promise<void> {
  await prisma.user.update({ where: { id }, data: { locale } });
}

/** A primary-key lookup: the guard calls it on every request, so a disabled user is refused at once. */
export function findUserCredentialsById(id: number): Promise<UserCredentials | null> {
  return prisma.user.findUnique({ where: { id }, select: credentialsSelect });
}

export function findUserCredentialsByEmail(email: string): Promise<UserCredentials | null> {
  return prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: credentialsSelect });
}

export async function findUserByEmail(email: string): Promise<UserSummary | null> {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
  if (!user) return null;
  const lastLogin = await prisma.loginAttempt.findFirst({
    where: { email: user.email, success: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return { ...user, lastLoginAt: lastLogin?.createdAt ?? null };
}

/**
 * Ends every session of the user (their cookies carry the old generation, which the guard and next-auth's
 * jwt callback compare with the row they read anyway) and revokes their API tokens, so that a role change,
 * a disabling or a new password is never outlived by a credential issued before it. Re-enabling an
 * account therefore revives nothing: its tokens were revoked when it was disabled.
 */
async function endSessionsAndTokens(tx: Prisma.TransactionClient, userId: number): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { sessionGeneration: { increment: 1 } } });
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}

/** Sign-out: ends every session of the user (on every device); API tokens stay, they are for scripts. */
export async function endUserSessions(userId: number): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionGeneration: { increment: 1 } } });
}

async function loadForChange(tx: Prisma.TransactionClient, id: number) {
  // FOR UPDATE: two admins demoting each other at once must not leave the team without an admin.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "user" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw keyedError("not_found", "idNotFound", { what: "user", id });
  return tx.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, role: true, disabled: true } });
}

async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: number, change: string) {
  await tx.$queryRaw`SELECT id FROM "user" WHERE role = 'admin' AND NOT disabled FOR UPDATE`;
  const others = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError("conflict", `Cannot ${change} the last active admin: make another user admin first`);
}

export async function updateUserRole(id: number, role: Role, context: ChangeContext = {}): Promise<void> {
  const newRole = roleSchema.parse(role);
  await prisma.$transaction(async (tx) => {
    const user = await loadForChange(tx, id);
    if (user.role === newRole) return;
    if (context.actor?.id === id) throw new AppError("conflict", "You cannot change your own role: ask another admin");
    if (user.role === "admin" && !user.disabled) await assertAnotherActiveAdmin(tx, id, "demote");
    await tx.user.update({ where: { id }, data: { role: newRole } });
    const revokedTokens = await endSessionsAndTokens(tx, id);
    await recordAudit(
      { ...auditActor(context), action: "user.role_change", targetType: "user", targetId: id, details: { email: user.email, from: user.role, to: newRole, revokedTokens, ...via(context) } },
      tx,
    );
  });
}

export async function setUserDisabled(id: number, disabled: boolean, context: ChangeContext = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await loadForChange(tx, id);
    if (user.disabled === disabled) return;
    if (context.actor?.id === id) throw new AppError("conflict", "You cannot disable your own account: ask another admin");
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, id, "disable");
    await tx.user.update({ where: { id }, data: { disabled } });
    const revokedTokens = await endSessionsAndTokens(tx, id);
    await recordAudit(
      { ...auditActor(context), action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: id, details: { email: user.email, revokedTokens, ...via(context) } },
      tx,
    );
  });
}

/** Also ends the user's open sessions and revokes their API tokens. */
export async function resetUserPassword(id: number, password: string, context: ChangeContext = {}): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(password));
  await prisma.$transaction(async (tx) => {
    const user = await loadForChange(tx, id);
    await tx.user.update({ where: { id }, data: { passwordHash } });
    const revokedTokens = await endSessionsAndTokens(tx, id);
    await recordAudit(
      { ...auditActor(context), action: "user.password_reset", targetType: "user", targetId: id, details: { email: user.email, revokedTokens, ...via(context) } },
      tx,
    );
  });
}
