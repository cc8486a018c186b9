-- The overview's aggregates read only these columns: with them all in one index, PostgreSQL answers
-- the charts with index-only scans instead of reading the wide incident rows (summary, search vector).
-- CreateIndex
CREATE INDEX "incident_overview_idx" ON "incident"("event_date", "id", "country", "admin1", "admin1_reform", "admin2", "event_type", "sub_event_type", "status", "geo_precision", "fatalities", "merged_into_id", "latitude", "longitude", "actor_names");
