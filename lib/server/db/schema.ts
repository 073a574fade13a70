import "server-only";
// The one database schema, for PGlite and PostgreSQL alike. Migrations are generated from it
// (`npx drizzle-kit generate`, into drizzle/) and applied at start. Nothing secret has a column:
// requests and links hold the share payload, which has no field for a token.
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const collections = pgTable("collections", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const savedRequests = pgTable(
  "saved_requests",
  {
    id: text("id").primaryKey(),
    collectionId: text("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    /** "" is the collection's top level; "a/b" a folder inside a folder. */
    folder: text("folder").notNull().default(""),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** `{version, payload}`: the share payload (lib/domain/share/codec.ts), tokens already out. */
    state: jsonb("state").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Deleted but restorable (Undo) until purged. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (table) => [index("saved_requests_collection_name").on(table.collectionId, table.name)],
);

export const shortLinks = pgTable(
  "short_links",
  {
    /** ≥ 128 random bits, base64url. */
    id: text("id").primaryKey(),
    state: jsonb("state").notNull(),
    /** SHA-256 of the revoke key only the creating browser holds. */
    revokeHash: text("revoke_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("short_links_expires_at").on(table.expiresAt)],
);

export const schema = { collections, savedRequests, shortLinks };
