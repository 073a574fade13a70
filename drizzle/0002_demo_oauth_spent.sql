CREATE TABLE "demo_oauth_spent" (
	"jti" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "demo_oauth_spent_expires_at" ON "demo_oauth_spent" USING btree ("expires_at");