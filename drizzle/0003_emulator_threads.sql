CREATE TABLE "emulator_threads" (
	"message_id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"state" text NOT NULL,
	"sealed_thread" text,
	"bytes" integer DEFAULT 0 NOT NULL,
	"claim" text,
	"claim_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "emulator_threads_owner" ON "emulator_threads" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "emulator_threads_state" ON "emulator_threads" USING btree ("state","created_at");