-- CreateEnum
CREATE TYPE "WatchCondition" AS ENUM ('every', 'fatalities', 'surge');

-- CreateEnum
CREATE TYPE "EmailMode" AS ENUM ('off', 'immediate', 'daily', 'weekly');

-- CreateEnum
CREATE TYPE "WatchMatchState" AS ENUM ('baseline', 'pending', 'alerted');

-- CreateTable
CREATE TABLE "watch" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "condition" "WatchCondition" NOT NULL DEFAULT 'every',
    "min_fatalities" INTEGER,
    "verified_only" BOOLEAN NOT NULL DEFAULT false,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "email_mode" "EmailMode" NOT NULL DEFAULT 'off',
    "webhook_url" TEXT,
    "webhook_secret" TEXT,
    "max_alerts_per_hour" INTEGER NOT NULL DEFAULT 6,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_digest_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "watch_match" (
    "watch_id" INTEGER NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "state" "WatchMatchState" NOT NULL,
    "alert_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_match_pkey" PRIMARY KEY ("watch_id","incident_id")
);

-- CreateTable
CREATE TABLE "watch_signal" (
    "watch_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "alert_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_signal_pkey" PRIMARY KEY ("watch_id","key")
);

-- CreateTable
CREATE TABLE "alert_pending" (
    "incident_id" INTEGER NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pending_pkey" PRIMARY KEY ("incident_id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "watch_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "incident_ids" INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_recipient" (
    "alert_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_recipient_pkey" PRIMARY KEY ("alert_id","user_id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" SERIAL NOT NULL,
    "watch_id" INTEGER NOT NULL,
    "alert_ids" INTEGER[],
    "channel" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "watch_owner_id_idx" ON "watch"("owner_id");

-- CreateIndex
CREATE INDEX "watch_shared_idx" ON "watch"("shared");

-- CreateIndex
CREATE INDEX "watch_match_state_watch_id_idx" ON "watch_match"("state", "watch_id");

-- CreateIndex
CREATE INDEX "watch_match_incident_id_idx" ON "watch_match"("incident_id");

-- CreateIndex
CREATE INDEX "alert_watch_id_created_at_idx" ON "alert"("watch_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_recipient_user_id_read_at_idx" ON "alert_recipient"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "alert_delivery_watch_id_created_at_idx" ON "alert_delivery"("watch_id", "created_at");

-- AddForeignKey
ALTER TABLE "watch" ADD CONSTRAINT "watch_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_match" ADD CONSTRAINT "watch_match_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_match" ADD CONSTRAINT "watch_match_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_signal" ADD CONSTRAINT "watch_signal_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_recipient" ADD CONSTRAINT "alert_recipient_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_recipient" ADD CONSTRAINT "alert_recipient_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_watch_id_fkey" FOREIGN KEY ("watch_id") REFERENCES "watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every incident written (new, edited, merged, reviewed) is queued for the watches' evaluation, in the
-- writing transaction itself, so no change can be missed by a worker that was down. Statement-level: one
-- insert per ingest batch. Nothing is queued while no watch is active (a bulk load costs nothing then).
CREATE FUNCTION alert_pending_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM watch WHERE active) THEN
    INSERT INTO alert_pending (incident_id) SELECT id FROM new_rows ON CONFLICT (incident_id) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER incident_alert_pending_insert AFTER INSERT ON incident
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_pending_enqueue();
CREATE TRIGGER incident_alert_pending_update AFTER UPDATE ON incident
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_pending_enqueue();
