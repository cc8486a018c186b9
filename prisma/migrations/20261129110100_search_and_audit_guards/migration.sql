-- Full-text search vectors, kept up to date by triggers so every writer (app, CLI, bulk seed) agrees.
-- Both French and English stemmers are applied: reports mix the two languages.
CREATE FUNCTION incident_search_vector_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('french', coalesce(NEW.summary, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', NEW.location, NEW.admin2, NEW.admin1, NEW.admin1_reform, NEW.country, NEW.actor_names)), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER incident_search_vector
  BEFORE INSERT OR UPDATE OF summary, location, admin2, admin1, admin1_reform, country, actor_names ON "incident"
  FOR EACH ROW EXECUTE FUNCTION incident_search_vector_update();

CREATE FUNCTION source_search_vector_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('french', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    to_tsvector('french', left(coalesce(NEW.text, ''), 200000)) ||
    to_tsvector('english', left(coalesce(NEW.text, ''), 200000));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER source_search_vector
  BEFORE INSERT OR UPDATE OF title, text ON "source"
  FOR EACH ROW EXECUTE FUNCTION source_search_vector_update();

-- The audit trail is append-only: no application path may rewrite history.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Deleting a user must not delete audit rows: the FK's ON DELETE SET NULL would be an UPDATE, which the
-- trigger above refuses, so users are disabled, never deleted.
