-- Issue #18: a catalog item's search vector kept in its row (compressed), not in the TOAST table. The row (body,
-- segmented text, vector) passes 2 kB, and by default the vector, its largest value, went out of line: testing a
-- search against each item then read about three TOAST pages per item. Measured on the demo county (2,992
-- items, PGlite): a common word tested against every item 10.9 → 1.4 ms. MAIN keeps a value in the row unless
-- nothing else can make the row fit (a very long body's vector still goes out of line); the body and the
-- segmented text, read only by an item's own page and by re-indexing, go out of line first.
ALTER TABLE "catalog_items" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
-- The items already written keep their vectors where they are until written again: a catalog of a county's size
-- is written again here (the generated vector is computed anew, the tallies see no change). A larger one, on a
-- server, where this would hold a long lock, moves as its items are edited.
DO $$
BEGIN
  IF (SELECT count(*) FROM catalog_items) <= 100000 THEN
    UPDATE catalog_items SET search_text = search_text;
  END IF;
END $$;
