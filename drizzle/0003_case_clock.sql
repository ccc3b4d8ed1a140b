ALTER TABLE "case_pauses" ADD COLUMN "party_received_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extension_days" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extension_notified_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "fee_notice_received_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reasonable_due_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reasonable_set_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reasonable_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_extension_days_check" CHECK ("cases"."extension_days" is null or "cases"."extension_days" between 1 and 20);