CREATE TABLE "case_tallies" (
	"agency_id" integer NOT NULL,
	"received_year" smallint NOT NULL,
	"closed_year" smallint,
	"applicant_type" text NOT NULL,
	"regime" text NOT NULL,
	"outcome" text,
	"channel" text NOT NULL,
	"extended" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "case_tallies_facts_key" UNIQUE NULLS NOT DISTINCT("agency_id","received_year","closed_year","applicant_type","regime","outcome","channel","extended")
);
--> statement-breakpoint
ALTER TABLE "case_tallies" ADD CONSTRAINT "case_tallies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_tallies_closed_idx" ON "case_tallies" USING btree ("agency_id","closed_year");--> statement-breakpoint
CREATE FUNCTION "case_tallies_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
-- The cases a statement removed count -1, those it wrote +1, summed per set of facts: an update that changes
-- nothing counted touches no tally, and the rows are locked in key order (no deadlock between two updates).
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO case_tallies AS t (agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, n)
      SELECT agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, sum(d)::int
        FROM (SELECT agency_id, extract(year FROM received_on)::smallint AS received_year, extract(year FROM closed_on)::smallint AS closed_year, applicant_type, regime, outcome, channel, extended, -1 AS d FROM old_rows
              UNION ALL SELECT agency_id, extract(year FROM received_on)::smallint AS received_year, extract(year FROM closed_on)::smallint AS closed_year, applicant_type, regime, outcome, channel, extended, 1 AS d FROM new_rows) AS changed
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT ON CONSTRAINT case_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO case_tallies AS t (agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, n)
      SELECT agency_id, extract(year FROM received_on)::smallint AS received_year, extract(year FROM closed_on)::smallint AS closed_year, applicant_type, regime, outcome, channel, extended, count(*)::int FROM new_rows
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT ON CONSTRAINT case_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  ELSE
    INSERT INTO case_tallies AS t (agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, n)
      SELECT agency_id, extract(year FROM received_on)::smallint AS received_year, extract(year FROM closed_on)::smallint AS closed_year, applicant_type, regime, outcome, channel, extended, -count(*)::int FROM old_rows
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT ON CONSTRAINT case_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cases_tally_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_tallies_apply"();
--> statement-breakpoint
CREATE TRIGGER "cases_tally_update" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_tallies_apply"();
--> statement-breakpoint
CREATE TRIGGER "cases_tally_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_tallies_apply"();
--> statement-breakpoint
INSERT INTO case_tallies (agency_id, received_year, closed_year, applicant_type, regime, outcome, channel, extended, n)
  SELECT agency_id, extract(year FROM received_on)::smallint, extract(year FROM closed_on)::smallint,
         applicant_type, regime, outcome, channel, extended, count(*)::int
    FROM cases GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
