ALTER TABLE "collections" ADD COLUMN "variables" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "environments" jsonb DEFAULT '[]'::jsonb NOT NULL;