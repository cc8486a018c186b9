-- CreateEnum
CREATE TYPE "FeedItemStatus" AS ENUM ('pending', 'done', 'failed');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "feed" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "interval_minutes" INTEGER NOT NULL DEFAULT 15,
    "language" VARCHAR(8),
    "country" VARCHAR(8),
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_poll_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "next_poll_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failure_count" INTEGER NOT NULL DEFAULT 0,
    "poll_count" INTEGER NOT NULL DEFAULT 0,
    "not_modified_count" INTEGER NOT NULL DEFAULT 0,
    "items_seen" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed_item" (
    "id" SERIAL NOT NULL,
    "feed_id" INTEGER NOT NULL,
    "guid" TEXT,
    "link" TEXT,
    "content_hash" CHAR(64) NOT NULL,
    "title" TEXT,
    "published_at" VARCHAR(10),
    "text" TEXT,
    "status" "FeedItemStatus" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source_id" INTEGER,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "feed_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feed_url_key" ON "feed"("url");

-- CreateIndex
CREATE INDEX "feed_paused_next_poll_at_idx" ON "feed"("paused", "next_poll_at");

-- CreateIndex
CREATE INDEX "feed_item_feed_id_status_next_attempt_at_idx" ON "feed_item"("feed_id", "status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "feed_item_source_id_idx" ON "feed_item"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "feed_item_feed_id_guid_key" ON "feed_item"("feed_id", "guid");

-- CreateIndex
CREATE UNIQUE INDEX "feed_item_feed_id_link_key" ON "feed_item"("feed_id", "link");

-- CreateIndex
CREATE UNIQUE INDEX "feed_item_feed_id_content_hash_key" ON "feed_item"("feed_id", "content_hash");

-- CreateIndex
CREATE INDEX "incident_created_at_idx" ON "incident"("created_at");

-- AddForeignKey
ALTER TABLE "feed" ADD CONSTRAINT "feed_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_item" ADD CONSTRAINT "feed_item_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "feed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_item" ADD CONSTRAINT "feed_item_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
