CREATE TABLE "collection_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"collection_id" text NOT NULL,
	"status" text NOT NULL,
	"target" text NOT NULL,
	"total" integer NOT NULL,
	"report" jsonb,
	"messages" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "collection_runs" ADD CONSTRAINT "collection_runs_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_runs_collection_started" ON "collection_runs" USING btree ("collection_id","started_at");