CREATE TABLE "catalog_tallies" (
	"agency_id" integer NOT NULL,
	"doc_type" text NOT NULL,
	"written_year" smallint,
	"published_year" smallint,
	"repealed_year" smallint,
	"channels" jsonb NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "catalog_tallies_facts_key" UNIQUE NULLS NOT DISTINCT("agency_id","doc_type","written_year","published_year","repealed_year","channels")
);
--> statement-breakpoint
ALTER TABLE "catalog_tallies" ADD CONSTRAINT "catalog_tallies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "catalog_tallies_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
-- Only published items count. The items a statement removed count -1, those it wrote +1, summed per set of
-- facts: an update that changes nothing counted (a search text, a review step) touches no tally, and the rows
-- are locked in key order (no deadlock between two updates). The same as case_tallies_apply (0015).
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO catalog_tallies AS t (agency_id, doc_type, written_year, published_year, repealed_year, channels, n)
      SELECT agency_id, doc_type, written_year, published_year, repealed_year, channels, sum(d)::int
        FROM (SELECT agency_id, doc_type, extract(year FROM written_on)::smallint AS written_year, extract(year FROM published_on)::smallint AS published_year, extract(year FROM repealed_on)::smallint AS repealed_year, channels, -1 AS d FROM old_rows WHERE state = 'published'
              UNION ALL SELECT agency_id, doc_type, extract(year FROM written_on)::smallint AS written_year, extract(year FROM published_on)::smallint AS published_year, extract(year FROM repealed_on)::smallint AS repealed_year, channels, 1 AS d FROM new_rows WHERE state = 'published') AS changed
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT catalog_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO catalog_tallies AS t (agency_id, doc_type, written_year, published_year, repealed_year, channels, n)
      SELECT agency_id, doc_type, extract(year FROM written_on)::smallint, extract(year FROM published_on)::smallint, extract(year FROM repealed_on)::smallint, channels, count(*)::int
        FROM new_rows WHERE state = 'published'
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT catalog_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  ELSE
    INSERT INTO catalog_tallies AS t (agency_id, doc_type, written_year, published_year, repealed_year, channels, n)
      SELECT agency_id, doc_type, extract(year FROM written_on)::smallint, extract(year FROM published_on)::smallint, extract(year FROM repealed_on)::smallint, channels, -count(*)::int
        FROM old_rows WHERE state = 'published'
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT catalog_tallies_facts_key DO UPDATE SET n = t.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "catalog_items_tally_insert" AFTER INSERT ON "catalog_items" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_tallies_apply"();
--> statement-breakpoint
CREATE TRIGGER "catalog_items_tally_update" AFTER UPDATE ON "catalog_items" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_tallies_apply"();
--> statement-breakpoint
CREATE TRIGGER "catalog_items_tally_delete" AFTER DELETE ON "catalog_items" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_tallies_apply"();
--> statement-breakpoint
INSERT INTO catalog_tallies (agency_id, doc_type, written_year, published_year, repealed_year, channels, n)
  SELECT agency_id, doc_type, extract(year FROM written_on)::smallint, extract(year FROM published_on)::smallint,
         extract(year FROM repealed_on)::smallint, channels, count(*)::int
    FROM catalog_items WHERE state = 'published' GROUP BY 1, 2, 3, 4, 5, 6;
