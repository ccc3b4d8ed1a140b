DROP INDEX "catalog_items_state_published_idx";--> statement-breakpoint
CREATE INDEX "catalog_items_state_published_idx" ON "catalog_items" USING btree ("state","published_on","id");