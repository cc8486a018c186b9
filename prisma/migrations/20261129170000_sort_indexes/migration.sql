-- CreateIndex
CREATE INDEX "incident_fatalities_event_date_id_idx" ON "incident"("fatalities" DESC, "event_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "incident_updated_at_event_date_id_idx" ON "incident"("updated_at" DESC, "event_date" DESC, "id" DESC);
