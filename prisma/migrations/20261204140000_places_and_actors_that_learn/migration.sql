-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "NameStatus" AS ENUM ('pending', 'resolved', 'alias', 'rejected');

-- CreateTable
CREATE TABLE "place_name" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "admin1" TEXT,
    "admin2" TEXT,
    "spellings" TEXT[],
    "examples" TEXT[],
    "incident_count" INTEGER NOT NULL DEFAULT 0,
    "status" "NameStatus" NOT NULL DEFAULT 'pending',
    "resolution" JSONB,
    "learned_place_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "place_name_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learned_place" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "alternate_names" TEXT[],
    "country" TEXT NOT NULL,
    "admin1" TEXT,
    "admin2" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "place_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "learned_place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_name" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "country" TEXT,
    "examples" TEXT[],
    "incident_count" INTEGER NOT NULL DEFAULT 0,
    "status" "NameStatus" NOT NULL DEFAULT 'pending',
    "resolution" JSONB,
    "actor_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actor_name_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "place_name_status_incident_count_idx" ON "place_name"("status", "incident_count" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "place_name_country_key_key" ON "place_name"("country", "key");

-- CreateIndex
CREATE INDEX "learned_place_country_key_idx" ON "learned_place"("country", "key");

-- CreateIndex
CREATE INDEX "learned_place_name_trgm_idx" ON "learned_place" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "actor_name_key_key" ON "actor_name"("key");

-- CreateIndex
CREATE INDEX "actor_name_status_incident_count_idx" ON "actor_name"("status", "incident_count" DESC);

-- CreateIndex
CREATE INDEX "place_name_trgm_idx" ON "place" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "place_name" ADD CONSTRAINT "place_name_learned_place_id_fkey" FOREIGN KEY ("learned_place_id") REFERENCES "learned_place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learned_place" ADD CONSTRAINT "learned_place_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_name" ADD CONSTRAINT "actor_name_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Search vectors: a place or actor correction of many incidents at once (resolving a name) left the
-- summary as it was, yet re-stemmed it in French and English for every row, a third of the resolve's
-- time. The summary's lexemes (weight A) are now kept from the old vector when the summary did not change;
-- the result is the same vector (tests/integration/places/search-vector.test.ts).
CREATE OR REPLACE FUNCTION incident_search_vector_update() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT NULL AND NEW.summary IS NOT DISTINCT FROM OLD.summary THEN
    IF NEW.location IS NOT DISTINCT FROM OLD.location AND NEW.admin2 IS NOT DISTINCT FROM OLD.admin2
       AND NEW.admin1 IS NOT DISTINCT FROM OLD.admin1 AND NEW.admin1_reform IS NOT DISTINCT FROM OLD.admin1_reform
       AND NEW.country IS NOT DISTINCT FROM OLD.country AND NEW.actor_names IS NOT DISTINCT FROM OLD.actor_names THEN
      RETURN NEW;
    END IF;
    NEW.search_vector :=
      ts_filter(OLD.search_vector, '{a}') ||
      setweight(to_tsvector('simple', concat_ws(' ', NEW.location, NEW.admin2, NEW.admin1, NEW.admin1_reform, NEW.country, NEW.actor_names)), 'B');
    RETURN NEW;
  END IF;
  NEW.search_vector :=
    setweight(to_tsvector('french', coalesce(NEW.summary, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', NEW.location, NEW.admin2, NEW.admin1, NEW.admin1_reform, NEW.country, NEW.actor_names)), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
