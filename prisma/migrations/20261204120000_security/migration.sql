-- CreateEnum
CREATE TYPE "token_scope" AS ENUM ('read', 'read-write');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "session_generation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "scope" "token_scope" NOT NULL DEFAULT 'read-write';

-- AlterTable
ALTER TABLE "login_attempt" ADD COLUMN     "throttled" BOOLEAN NOT NULL DEFAULT false;

-- The audit trail is append-only for every role: no UPDATE, DELETE or TRUNCATE privilege through PUBLIC,
-- and triggers that refuse all three even to the table's owner (the row trigger above covers UPDATE and
-- DELETE; TRUNCATE fires only statement triggers). Only a superuser who deliberately disables triggers
-- (session_replication_role = replica) can empty it: the app should not connect as one (see SECURITY.md).
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC;
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
