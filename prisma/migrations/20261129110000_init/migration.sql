-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'analyst', 'viewer');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('unverified', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'week', 'month', 'year');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('actor1', 'actor2', 'associated');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('country', 'admin1', 'admin2', 'locality');

-- CreateTable
CREATE TABLE "user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER,
    "user_email" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "publisher" TEXT,
    "published_at" DATE,
    "language" VARCHAR(8),
    "text" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingested_by_id" INTEGER,
    "search_vector" tsvector,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident" (
    "id" SERIAL NOT NULL,
    "event_date" DATE NOT NULL,
    "end_date" DATE,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "event_type" TEXT NOT NULL,
    "sub_event_type" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "admin1" TEXT,
    "admin1_reform" TEXT,
    "admin2" TEXT,
    "location" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "geo_precision" SMALLINT NOT NULL DEFAULT 3,
    "fatalities" INTEGER,
    "status" "ReviewStatus" NOT NULL DEFAULT 'unverified',
    "actor_names" TEXT NOT NULL DEFAULT '',
    "merged_into_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "search_vector" tsvector,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_source" (
    "incident_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "fatalities" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_source_pkey" PRIMARY KEY ("incident_id","source_id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "type" SMALLINT NOT NULL,
    "country" TEXT,

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_alias" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "language" VARCHAR(8),

    CONSTRAINT "actor_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_actor" (
    "incident_id" INTEGER NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "role" "ActorRole" NOT NULL,

    CONSTRAINT "incident_actor_pkey" PRIMARY KEY ("incident_id","actor_id","role")
);

-- CreateTable
CREATE TABLE "place" (
    "id" SERIAL NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "parent_id" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "aliases" TEXT[],
    "admin1_reform" TEXT,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_view" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_merge" (
    "id" SERIAL NOT NULL,
    "target_id" INTEGER NOT NULL,
    "merged_id" INTEGER NOT NULL,
    "moved_links" JSONB NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "incident_merge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE INDEX "login_attempt_email_created_at_idx" ON "login_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_created_at_idx" ON "login_attempt"("ip", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_idx" ON "audit_event"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_event_user_id_created_at_idx" ON "audit_event"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "source_url_key" ON "source"("url");

-- CreateIndex
CREATE UNIQUE INDEX "source_content_hash_key" ON "source"("content_hash");

-- CreateIndex
CREATE INDEX "source_ingested_at_idx" ON "source"("ingested_at");

-- CreateIndex
CREATE INDEX "source_published_at_idx" ON "source"("published_at");

-- CreateIndex
CREATE INDEX "source_search_vector_idx" ON "source" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "incident_event_date_id_idx" ON "incident"("event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_country_event_date_id_idx" ON "incident"("country", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_admin1_event_date_id_idx" ON "incident"("admin1", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_admin1_reform_event_date_id_idx" ON "incident"("admin1_reform", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_admin2_event_date_id_idx" ON "incident"("admin2", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_event_type_event_date_id_idx" ON "incident"("event_type", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_status_event_date_id_idx" ON "incident"("status", "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_merged_into_id_idx" ON "incident"("merged_into_id");

-- CreateIndex
CREATE INDEX "incident_search_vector_idx" ON "incident" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "incident_source_source_id_idx" ON "incident_source"("source_id");

-- CreateIndex
CREATE INDEX "evidence_incident_id_idx" ON "evidence"("incident_id");

-- CreateIndex
CREATE INDEX "evidence_source_id_idx" ON "evidence"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "actor_name_key" ON "actor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "actor_alias_normalized_key" ON "actor_alias"("normalized");

-- CreateIndex
CREATE INDEX "actor_alias_actor_id_idx" ON "actor_alias"("actor_id");

-- CreateIndex
CREATE INDEX "incident_actor_actor_id_incident_id_idx" ON "incident_actor"("actor_id", "incident_id");

-- CreateIndex
CREATE INDEX "place_parent_id_idx" ON "place"("parent_id");

-- CreateIndex
CREATE INDEX "place_kind_country_code_idx" ON "place"("kind", "country_code");

-- CreateIndex
CREATE UNIQUE INDEX "place_country_code_kind_name_parent_id_key" ON "place"("country_code", "kind", "name", "parent_id");

-- CreateIndex
CREATE INDEX "saved_view_owner_id_idx" ON "saved_view"("owner_id");

-- CreateIndex
CREATE INDEX "saved_view_shared_idx" ON "saved_view"("shared");

-- CreateIndex
CREATE INDEX "incident_merge_target_id_idx" ON "incident_merge"("target_id");

-- CreateIndex
CREATE INDEX "incident_merge_merged_id_idx" ON "incident_merge"("merged_id");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_ingested_by_id_fkey" FOREIGN KEY ("ingested_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_source" ADD CONSTRAINT "incident_source_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_source" ADD CONSTRAINT "incident_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_alias" ADD CONSTRAINT "actor_alias_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_actor" ADD CONSTRAINT "incident_actor_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_actor" ADD CONSTRAINT "incident_actor_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

