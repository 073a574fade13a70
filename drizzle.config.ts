// drizzle-kit: `npx drizzle-kit generate` writes a new migration into drizzle/ after a schema
// change. The app applies them at start (lib/server/db/migrate.ts); never edit an applied one.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/db/schema.ts",
  out: "./drizzle",
});
