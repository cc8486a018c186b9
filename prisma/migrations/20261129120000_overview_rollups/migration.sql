-- Rollups for the overview (lib/incidents/stats.ts): the listed incidents (merged_into_id IS NULL) summed
-- by the filter's attributes, so the charts of a filter on those attributes read tens of thousands of
-- rollup rows instead of a million incidents. Kept exact by the statement-level triggers at the end.
-- CreateTable
CREATE TABLE "incident_rollup" (
    "country" TEXT NOT NULL,
    "admin1" TEXT NOT NULL,
    "admin1_reform" TEXT NOT NULL,
    "admin2" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "sub_event_type" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL,
    "geo_precision" SMALLINT NOT NULL,
    "actor_names" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "fatalities" BIGINT NOT NULL,
    "fatalities_unknown" INTEGER NOT NULL,
    "precise" INTEGER NOT NULL,

    CONSTRAINT "incident_rollup_pkey" PRIMARY KEY ("country","admin1","admin1_reform","admin2","event_type","sub_event_type","status","geo_precision","actor_names")
);

-- CreateTable
CREATE TABLE "incident_time_rollup" (
    "period" DATE NOT NULL,
    "country" TEXT NOT NULL,
    "admin1" TEXT NOT NULL,
    "admin1_reform" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "fatalities" BIGINT NOT NULL,
    "fatalities_unknown" INTEGER NOT NULL,

    CONSTRAINT "incident_time_rollup_pkey" PRIMARY KEY ("period","country","admin1","admin1_reform","event_type")
);

-- CreateTable
CREATE TABLE "incident_actor_time_rollup" (
    "actor" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "country" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "incidents" INTEGER NOT NULL,
    "fatalities" BIGINT NOT NULL,
    "fatalities_unknown" INTEGER NOT NULL,

    CONSTRAINT "incident_actor_time_rollup_pkey" PRIMARY KEY ("actor","period","country","event_type")
);

-- CreateIndex
CREATE INDEX "incident_location_event_date_id_idx" ON "incident"("location", "event_date" DESC, "id" DESC);

-- The slice of time a day falls in: the days of one ISO week within one month. Weeks and months are both
-- unions of slices, so one rollup serves the weekly and the monthly chart.
CREATE FUNCTION incident_rollup_period(day date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(date_trunc('week', day::timestamp), date_trunc('month', day::timestamp))::date
$$;

-- Maintenance: one trigger per statement, not per row. Each aggregates the statement's transition table
-- into deltas per rollup key (a 1 M-row COPY becomes a few hundred thousand upserts, not a million), and
-- upserts them in key order so concurrent writers lock rollup rows in the same order. An UPDATE counts
-- its old rows out and its new rows in: changes of date, place, type, status, precision, fatalities,
-- actors or merged_into_id move the counts, other edits cancel out (HAVING) and write nothing. Rows that
-- reach zero are deleted. Actors come from actor_names, the names of the incident's links that every
-- write keeps on the row (refreshActorNames), exactly as the overview has always counted them.
CREATE FUNCTION incident_rollup_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), coalesce(d.admin2, ''), d.event_type, d.sub_event_type, d.status, d.geo_precision, d.actor_names,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int,
    coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise;
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor, incident_rollup_period(d.event_date), d.country, d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  RETURN NULL;
END
$$;

CREATE FUNCTION incident_rollup_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), coalesce(d.admin2, ''), d.event_type, d.sub_event_type, d.status, d.geo_precision, d.actor_names,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int,
    coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL UNION ALL SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise;
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL UNION ALL SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor, incident_rollup_period(d.event_date), d.country, d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM new_rows WHERE merged_into_id IS NULL UNION ALL SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  DELETE FROM incident_rollup r
  WHERE r.incidents = 0 AND (r.country, r.admin1, r.admin1_reform, r.admin2, r.event_type, r.sub_event_type, r.status, r.geo_precision, r.actor_names) IN (
    SELECT d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), coalesce(d.admin2, ''), d.event_type, d.sub_event_type, d.status, d.geo_precision, d.actor_names FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d);
  DELETE FROM incident_time_rollup r
  WHERE r.incidents = 0 AND (r.period, r.country, r.admin1, r.admin1_reform, r.event_type) IN (
    SELECT incident_rollup_period(d.event_date), d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), d.event_type FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d);
  DELETE FROM incident_actor_time_rollup r
  WHERE r.incidents = 0 AND (r.actor, r.period, r.country, r.event_type) IN (
    SELECT x.actor, incident_rollup_period(d.event_date), d.country, d.event_type FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor));
  RETURN NULL;
END
$$;

CREATE FUNCTION incident_rollup_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), coalesce(d.admin2, ''), d.event_type, d.sub_event_type, d.status, d.geo_precision, d.actor_names,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int,
    coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise;
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor, incident_rollup_period(d.event_date), d.country, d.event_type,
    sum(d.sign)::int,
    coalesce(sum(d.sign * d.fatalities), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  DELETE FROM incident_rollup r
  WHERE r.incidents = 0 AND (r.country, r.admin1, r.admin1_reform, r.admin2, r.event_type, r.sub_event_type, r.status, r.geo_precision, r.actor_names) IN (
    SELECT d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), coalesce(d.admin2, ''), d.event_type, d.sub_event_type, d.status, d.geo_precision, d.actor_names FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d);
  DELETE FROM incident_time_rollup r
  WHERE r.incidents = 0 AND (r.period, r.country, r.admin1, r.admin1_reform, r.event_type) IN (
    SELECT incident_rollup_period(d.event_date), d.country, coalesce(d.admin1, ''), coalesce(d.admin1_reform, ''), d.event_type FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d);
  DELETE FROM incident_actor_time_rollup r
  WHERE r.incidents = 0 AND (r.actor, r.period, r.country, r.event_type) IN (
    SELECT x.actor, incident_rollup_period(d.event_date), d.country, d.event_type FROM (SELECT event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude, merged_into_id FROM old_rows WHERE merged_into_id IS NULL) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor));
  RETURN NULL;
END
$$;

CREATE FUNCTION incident_rollup_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE incident_rollup, incident_time_rollup, incident_actor_time_rollup;
  RETURN NULL;
END
$$;

CREATE TRIGGER incident_rollup_insert AFTER INSERT ON incident
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_after_insert();
CREATE TRIGGER incident_rollup_update AFTER UPDATE ON incident
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_after_update();
CREATE TRIGGER incident_rollup_delete AFTER DELETE ON incident
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_after_delete();
CREATE TRIGGER incident_rollup_truncate AFTER TRUNCATE ON incident
  FOR EACH STATEMENT EXECUTE FUNCTION incident_rollup_after_truncate();

-- Backfill from the incidents already there.
INSERT INTO incident_rollup (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names,
  incidents, fatalities, fatalities_unknown, precise)
SELECT country, coalesce(admin1, ''), coalesce(admin1_reform, ''), coalesce(admin2, ''), event_type, sub_event_type, status, geo_precision, actor_names,
  count(*), coalesce(sum(fatalities), 0), count(*) FILTER (WHERE fatalities IS NULL),
  count(*) FILTER (WHERE geo_precision = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL)
FROM incident WHERE merged_into_id IS NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO incident_time_rollup (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
SELECT incident_rollup_period(event_date), country, coalesce(admin1, ''), coalesce(admin1_reform, ''), event_type,
  count(*), coalesce(sum(fatalities), 0), count(*) FILTER (WHERE fatalities IS NULL)
FROM incident WHERE merged_into_id IS NULL
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO incident_actor_time_rollup (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
SELECT x.actor, incident_rollup_period(i.event_date), i.country, i.event_type,
  count(*), coalesce(sum(i.fatalities), 0), count(*) FILTER (WHERE i.fatalities IS NULL)
FROM incident i CROSS JOIN LATERAL unnest(string_to_array(i.actor_names, '; ')) AS x(actor)
WHERE i.merged_into_id IS NULL
GROUP BY 1, 2, 3, 4;
