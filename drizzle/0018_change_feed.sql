-- Issue #18: every audited change is announced on one channel when its transaction commits, so every server
-- instance (and the one that made it) drops the public pages it affects (src/db/change-feed.ts). The payload is
-- small: '<entity_type>:<entity_id>'.
CREATE OR REPLACE FUNCTION gongkai_announce_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('gongkai_changes', NEW.entity_type || ':' || coalesce(left(NEW.entity_id, 200), ''));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_events_announce AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION gongkai_announce_change();--> statement-breakpoint
-- Rate-limit counters are worth nothing after a crash: not written to the WAL (nor sent to a replica).
ALTER TABLE rate_limit_hits SET UNLOGGED;
