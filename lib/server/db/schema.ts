import "server-only";
// The one database schema, for PGlite and PostgreSQL alike. Migrations are generated from it
// (`npm run db:generate`, into drizzle/) and applied at start. Nothing secret is stored in clear:
// requests and links hold the share payload, which has no field for a token; a batch request's
// params (which carry MCP tokens) are sealed until it has run, then dropped.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const collections = pgTable("collections", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** `Variable[]` (lib/domain/workspace/variables.ts): a secret one's value is never stored. */
  variables: jsonb("variables").notNull().default([]),
  /** `Environment[]`, their secret values left out as above. */
  environments: jsonb("environments").notNull().default([]),
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

/**
 * The emulator's Message Batches, for every instance: whoever holds the lease runs the batch; a
 * lease that lapses (its instance died) is taken by another. `owner` is the SHA-256 of the API
 * key that made it, never the key.
 */
export const emulatorBatches = pgTable(
  "emulator_batches",
  {
    id: text("id").primaryKey(),
    owner: text("owner").notNull(),
    processingStatus: text("processing_status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    cancelInitiatedAt: timestamp("cancel_initiated_at", { withTimezone: true }),
    resultsUrl: text("results_url").notNull(),
    /** How its requests run (betas, the app's origin, the client's key for its shares): no secret. */
    context: jsonb("context").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (table) => [
    index("emulator_batches_owner").on(table.owner, table.createdAt),
    index("emulator_batches_unfinished").on(table.processingStatus, table.leaseUntil),
  ],
);

/** One request of a batch: its params sealed (they hold MCP tokens) until it has run, then its result. */
export const emulatorBatchRequests = pgTable(
  "emulator_batch_requests",
  {
    batchId: text("batch_id")
      .notNull()
      .references(() => emulatorBatches.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    customId: text("custom_id").notNull(),
    /** AES-256-GCM under the instances' storage key; null once the request has run. */
    sealedParams: text("sealed_params"),
    result: jsonb("result"),
  },
  (table) => [primaryKey({ columns: [table.batchId, table.position] })],
);

/**
 * What the demo authorization server must remember for every instance: revoked token families
 * and spent authorization codes (its tokens are signed with a key derived from the storage key,
 * so any instance verifies them). Kept until the thing they name has expired.
 */
export const demoOAuthSpent = pgTable(
  "demo_oauth_spent",
  {
    jti: text("jti").primaryKey(),
    /** "revoked" (a token or its family) or "code" (a spent authorization code). */
    kind: text("kind").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("demo_oauth_spent_expires_at").on(table.expiresAt)],
);

/**
 * The emulator's message threads, for every instance: the held conversation (system, tools,
 * messages) sealed, since tool results may carry what a server returned. A turn continuing a
 * thread claims it (`claim`, until `claim_until`, so a dead instance's claim lapses); once
 * answered the old row is kept as `continued` with nothing sealed, to answer
 * thread_already_continued. `owner` is the SHA-256 of the API key.
 */
export const emulatorThreads = pgTable(
  "emulator_threads",
  {
    messageId: text("message_id").primaryKey(),
    owner: text("owner").notNull(),
    /** "open", "in_flight" or "continued". */
    state: text("state").notNull(),
    sealedThread: text("sealed_thread"),
    bytes: integer("bytes").notNull().default(0),
    claim: text("claim"),
    claimUntil: timestamp("claim_until", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("emulator_threads_owner").on(table.owner, table.createdAt),
    index("emulator_threads_state").on(table.state, table.createdAt),
  ],
);

/**
 * Runs of a collection from the app ("Run collection"): the report (lib/domain/checks/report.ts)
 * and each case's response, for comparing runs and opening one. Values given for a run (tokens)
 * are never stored: error texts were redacted with them before they got here.
 */
export const collectionRuns = pgTable(
  "collection_runs",
  {
    id: text("id").primaryKey(),
    collectionId: text("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    /** running | done | stopped | failed */
    status: text("status").notNull(),
    target: text("target").notNull(),
    total: integer("total").notNull(),
    /** The RunReport once the run ended; null while it runs. */
    report: jsonb("report"),
    /** Case key → the response's content blocks (capped per case). */
    messages: jsonb("messages").notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("collection_runs_collection_started").on(table.collectionId, table.startedAt)],
);

export const schema = {
  collections,
  savedRequests,
  shortLinks,
  emulatorBatches,
  emulatorBatchRequests,
  demoOAuthSpent,
  emulatorThreads,
  collectionRuns,
};
