/**
 * The audit trail: who did what, to what, from where. Rows are append-only (a database trigger refuses
 * UPDATE and DELETE), so the application can add history but never rewrite it. Pass the transaction of
 * the change being audited, so a change and its audit row are committed together or not at all.
 */
import pg from "pg";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditActor = { id: number; email: string };

export type AuditEventInput = {
  user?: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** A Prisma client or transaction, or a raw pg connection inside the caller's transaction (the batch ingest). */
export type AuditWriter = Prisma.TransactionClient | pg.ClientBase;

const INSERT_EVENTS = `INSERT INTO audit_event (user_id, user_email, action, target_type, target_id, details, ip)
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[])`;

export async function recordAudit(event: AuditEventInput, tx?: AuditWriter): Promise<void> {
  await recordAudits([event], tx);
}

/**
 * Any number of events in one INSERT (the batch ingest writes one per source). The one writer of the
 * trail: a single event is a batch of one, whichever client runs it.
 */
export async function recordAudits(events: AuditEventInput[], db: AuditWriter = prisma): Promise<void> {
  if (!events.length) return;
  const values = [
    events.map((event) => event.user?.id ?? null),
    events.map((event) => event.user?.email ?? null),
    events.map((event) => event.action),
    events.map((event) => event.targetType ?? null),
    events.map((event) => (event.targetId === undefined ? null : String(event.targetId))),
    // JSON round trip: drops undefined values and turns Dates into strings, as the jsonb column stores them.
    events.map((event) => (event.details ? JSON.stringify(event.details) : null)),
    events.map((event) => event.ip ?? null),
  ];
  if (db instanceof pg.Client) await db.query(INSERT_EVENTS, values);
  else await (db as Prisma.TransactionClient).$executeRawUnsafe(INSERT_EVENTS, ...values);
}
