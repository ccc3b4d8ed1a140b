-- Issue #18: the characters of a Han run are stored as pairs (each character with the next, the last alone:
-- '王 小 明 |' becomes '王小 小明 明 |'), so a query's characters side by side are found by the full-text
-- index instead of by reading every item that has them somewhere (src/catalog/search-tokens.ts).
-- Rewrites search_text stored in the old form: after the words and ' | ', single characters only. A row whose
-- runs are all one character long is the same in both forms; a row already in the new form is left alone.
UPDATE "catalog_items" AS c
SET "search_text" = coalesce((
  SELECT s.parts[1] || ' | ' || string_agg(
    (SELECT string_agg(CASE WHEN j < cardinality(r.ch) THEN r.ch[j] || r.ch[j + 1] ELSE r.ch[j] END, ' ' ORDER BY j)
       FROM generate_subscripts(r.ch, 1) AS j) || ' |',
    ' ' ORDER BY k)
  FROM (SELECT regexp_split_to_array(c."search_text", ' ?\| ?') AS parts) AS s
  CROSS JOIN LATERAL generate_series(2, cardinality(s.parts)) AS k
  CROSS JOIN LATERAL (SELECT string_to_array(s.parts[k], ' ') AS ch) AS r
  WHERE s.parts[k] <> ''
  GROUP BY s.parts
), c."search_text")
WHERE position(' | ' IN c."search_text") > 0
  AND substr(c."search_text", position(' | ' IN c."search_text") + 3) !~ '\S\S';
