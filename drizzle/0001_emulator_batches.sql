CREATE TABLE "emulator_batch_requests" (
	"batch_id" text NOT NULL,
	"position" integer NOT NULL,
	"custom_id" text NOT NULL,
	"sealed_params" text,
	"result" jsonb,
	CONSTRAINT "emulator_batch_requests_batch_id_position_pk" PRIMARY KEY("batch_id","position")
);
--> statement-breakpoint
CREATE TABLE "emulator_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"processing_status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"cancel_initiated_at" timestamp with time zone,
	"results_url" text NOT NULL,
	"context" jsonb NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "emulator_batch_requests" ADD CONSTRAINT "emulator_batch_requests_batch_id_emulator_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."emulator_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emulator_batches_owner" ON "emulator_batches" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "emulator_batches_unfinished" ON "emulator_batches" USING btree ("processing_status","lease_until");