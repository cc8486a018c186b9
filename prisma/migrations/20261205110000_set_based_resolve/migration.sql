-- Resolving a place or actor name rewrites thousands of incidents in one UPDATE; these changes make the
-- per-statement and per-row work of that UPDATE smaller (measured with `npm run bench:places`).

-- Rollups (see the overview rollups migration): same deltas, cheaper to compute.
--  * An UPDATE counts out and in only the rows whose attributes for that rollup changed (an anti-join of
--    the transition tables): a place correction leaves the actor rollup alone instead of aggregating
--    twice 10,000 rows into deltas that cancel out.
--  * Keys are grouped and ordered in byte order (COLLATE "C"): the same order in every trigger, so
--    concurrent writers still lock rollup rows in one order, without the locale's string comparisons.
--  * Rows that reach zero are found from the upsert's own result and deleted by key, instead of a second
--    pass that matched every old row against the rollup table.
CREATE OR REPLACE FUNCTION incident_rollup_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", coalesce(d.admin2, '') COLLATE "C", d.event_type COLLATE "C", d.sub_event_type COLLATE "C", d.status, d.geo_precision, d.actor_names COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int, coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (
      SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM new_rows WHERE merged_into_id IS NULL
    ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise;
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM new_rows WHERE merged_into_id IS NULL
    ) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor COLLATE "C", incident_rollup_period(d.event_date), d.country COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT 1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM new_rows WHERE merged_into_id IS NULL
    ) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION incident_rollup_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied incident_rollup[];
  emptied_time incident_time_rollup[];
  emptied_actor incident_actor_time_rollup[];
BEGIN
  WITH moved AS (
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", coalesce(d.admin2, '') COLLATE "C", d.event_type COLLATE "C", d.sub_event_type COLLATE "C", d.status, d.geo_precision, d.actor_names COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int, coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (
      SELECT 1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM new_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.country, o.admin1, o.admin1_reform, o.admin2, o.event_type, o.sub_event_type, o.status, o.geo_precision, o.actor_names, o.fatalities, (o.latitude IS NOT NULL AND o.longitude IS NOT NULL)) IS NOT DISTINCT FROM (n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, (n.latitude IS NOT NULL AND n.longitude IS NOT NULL)))
      UNION ALL
      SELECT -1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM old_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM new_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.country, o.admin1, o.admin1_reform, o.admin2, o.event_type, o.sub_event_type, o.status, o.geo_precision, o.actor_names, o.fatalities, (o.latitude IS NOT NULL AND o.longitude IS NOT NULL)) IS NOT DISTINCT FROM (n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, (n.latitude IS NOT NULL AND n.longitude IS NOT NULL)))
    ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM incident_rollup t USING unnest(emptied) e WHERE t.country = e.country AND t.admin1 = e.admin1 AND t.admin1_reform = e.admin1_reform AND t.admin2 = e.admin2 AND t.event_type = e.event_type AND t.sub_event_type = e.sub_event_type AND t.status = e.status AND t.geo_precision = e.geo_precision AND t.actor_names = e.actor_names AND t.incidents = 0;
  END IF;
  WITH moved AS (
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT 1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM new_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.event_date, o.country, o.admin1, o.admin1_reform, o.event_type, o.fatalities) IS NOT DISTINCT FROM (n.event_date, n.country, n.admin1, n.admin1_reform, n.event_type, n.fatalities))
      UNION ALL
      SELECT -1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM old_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM new_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.event_date, o.country, o.admin1, o.admin1_reform, o.event_type, o.fatalities) IS NOT DISTINCT FROM (n.event_date, n.country, n.admin1, n.admin1_reform, n.event_type, n.fatalities))
    ) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied_time FROM moved;
  IF emptied_time IS NOT NULL THEN
    DELETE FROM incident_time_rollup t USING unnest(emptied_time) e WHERE t.period = e.period AND t.country = e.country AND t.admin1 = e.admin1 AND t.admin1_reform = e.admin1_reform AND t.event_type = e.event_type AND t.incidents = 0;
  END IF;
  WITH moved AS (
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor COLLATE "C", incident_rollup_period(d.event_date), d.country COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT 1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM new_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.actor_names, o.event_date, o.country, o.event_type, o.fatalities) IS NOT DISTINCT FROM (n.actor_names, n.event_date, n.country, n.event_type, n.fatalities))
      UNION ALL
      SELECT -1 AS sign, n.event_date, n.country, n.admin1, n.admin1_reform, n.admin2, n.event_type, n.sub_event_type, n.status, n.geo_precision, n.actor_names, n.fatalities, n.latitude, n.longitude FROM old_rows n WHERE n.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM new_rows o WHERE o.id = n.id AND (o.merged_into_id IS NULL) AND (o.actor_names, o.event_date, o.country, o.event_type, o.fatalities) IS NOT DISTINCT FROM (n.actor_names, n.event_date, n.country, n.event_type, n.fatalities))
    ) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied_actor FROM moved;
  IF emptied_actor IS NOT NULL THEN
    DELETE FROM incident_actor_time_rollup t USING unnest(emptied_actor) e WHERE t.actor = e.actor AND t.period = e.period AND t.country = e.country AND t.event_type = e.event_type AND t.incidents = 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION incident_rollup_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied incident_rollup[];
  emptied_time incident_time_rollup[];
  emptied_actor incident_actor_time_rollup[];
BEGIN
  WITH moved AS (
  INSERT INTO incident_rollup AS r (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, incidents, fatalities, fatalities_unknown, precise)
  SELECT d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", coalesce(d.admin2, '') COLLATE "C", d.event_type COLLATE "C", d.sub_event_type COLLATE "C", d.status, d.geo_precision, d.actor_names COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int, coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int
  FROM (
      SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM old_rows WHERE merged_into_id IS NULL
    ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.geo_precision = 1 AND d.latitude IS NOT NULL AND d.longitude IS NOT NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown, precise = r.precise + excluded.precise
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied FROM moved;
  IF emptied IS NOT NULL THEN
    DELETE FROM incident_rollup t USING unnest(emptied) e WHERE t.country = e.country AND t.admin1 = e.admin1 AND t.admin1_reform = e.admin1_reform AND t.admin2 = e.admin2 AND t.event_type = e.event_type AND t.sub_event_type = e.sub_event_type AND t.status = e.status AND t.geo_precision = e.geo_precision AND t.actor_names = e.actor_names AND t.incidents = 0;
  END IF;
  WITH moved AS (
  INSERT INTO incident_time_rollup AS r (period, country, admin1, admin1_reform, event_type, incidents, fatalities, fatalities_unknown)
  SELECT incident_rollup_period(d.event_date), d.country COLLATE "C", coalesce(d.admin1, '') COLLATE "C", coalesce(d.admin1_reform, '') COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM old_rows WHERE merged_into_id IS NULL
    ) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period, country, admin1, admin1_reform, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied_time FROM moved;
  IF emptied_time IS NOT NULL THEN
    DELETE FROM incident_time_rollup t USING unnest(emptied_time) e WHERE t.period = e.period AND t.country = e.country AND t.admin1 = e.admin1 AND t.admin1_reform = e.admin1_reform AND t.event_type = e.event_type AND t.incidents = 0;
  END IF;
  WITH moved AS (
  INSERT INTO incident_actor_time_rollup AS r (actor, period, country, event_type, incidents, fatalities, fatalities_unknown)
  SELECT x.actor COLLATE "C", incident_rollup_period(d.event_date), d.country COLLATE "C", d.event_type COLLATE "C",
    sum(d.sign)::int, coalesce(sum(d.sign * d.fatalities), 0), coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int
  FROM (
      SELECT -1 AS sign, event_date, country, admin1, admin1_reform, admin2, event_type, sub_event_type, status, geo_precision, actor_names, fatalities, latitude, longitude FROM old_rows WHERE merged_into_id IS NULL
    ) d CROSS JOIN LATERAL unnest(string_to_array(d.actor_names, '; ')) AS x(actor)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign)::int <> 0 OR coalesce(sum(d.sign * d.fatalities), 0) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.fatalities IS NULL), 0)::int <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (actor, period, country, event_type) DO UPDATE SET incidents = r.incidents + excluded.incidents, fatalities = r.fatalities + excluded.fatalities, fatalities_unknown = r.fatalities_unknown + excluded.fatalities_unknown
  RETURNING r)
  SELECT array_agg(moved.r) FILTER (WHERE (moved.r).incidents = 0) INTO emptied_actor FROM moved;
  IF emptied_actor IS NOT NULL THEN
    DELETE FROM incident_actor_time_rollup t USING unnest(emptied_actor) e WHERE t.actor = e.actor AND t.period = e.period AND t.country = e.country AND t.event_type = e.event_type AND t.incidents = 0;
  END IF;
  RETURN NULL;
END
$$;

-- Search vectors: an UPDATE that sets the text columns to what they were (placing a name keeps the name
-- and region of most incidents) no longer calls the trigger function for each row; the condition is the
-- one the function used to return early on, now tested by the executor itself.
DROP TRIGGER incident_search_vector ON "incident";
CREATE TRIGGER incident_search_vector
  BEFORE INSERT ON "incident"
  FOR EACH ROW EXECUTE FUNCTION incident_search_vector_update();
CREATE TRIGGER incident_search_vector_on_update
  BEFORE UPDATE OF summary, location, admin2, admin1, admin1_reform, country, actor_names ON "incident"
  FOR EACH ROW
  WHEN (OLD.search_vector IS NULL OR OLD.summary IS DISTINCT FROM NEW.summary OR OLD.location IS DISTINCT FROM NEW.location
        OR OLD.admin2 IS DISTINCT FROM NEW.admin2 OR OLD.admin1 IS DISTINCT FROM NEW.admin1 OR OLD.admin1_reform IS DISTINCT FROM NEW.admin1_reform
        OR OLD.country IS DISTINCT FROM NEW.country OR OLD.actor_names IS DISTINCT FROM NEW.actor_names)
  EXECUTE FUNCTION incident_search_vector_update();
