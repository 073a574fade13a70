// What the workspace routes and the browser exchange, checked on both sides: a saved request's
// configuration travels encoded (`<version>.<data>`, the share codec), so it is decoded by the same
// strict decoder wherever it arrives.
import { z } from "zod";
import { VARIABLE_NAME } from "./variable-names";

/** A short link's id: 144 random bits, base64url (24 characters). */
export const SHORT_LINK_ID = /^[A-Za-z0-9_-]{24}$/;
/** Collections and saved requests: random UUIDs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const workspaceIdSchema = z.string().regex(UUID, "not an id of this workspace");

export { readShortLinkPath, shortLinkPath } from "./short-link-path";

const encodedState = z.string().min(3).max(400_000);
const name = z.string().trim().min(1, "a name is needed").max(200);
const folder = z
  .string()
  .trim()
  .max(500)
  .regex(/^(?:[^/]+(?:\/[^/]+)*)?$/, "folders are names joined by '/'");

export const createLinkBodySchema = z.strictObject({ state: encodedState });
export const revokeLinkBodySchema = z.strictObject({ revokeKey: z.string().min(16).max(200) });
export const createdLinkSchema = z.strictObject({
  id: z.string().regex(SHORT_LINK_ID),
  path: z.string(),
  expiresAt: z.string(),
  revokeKey: z.string().min(16).max(200),
});
export const openedLinkSchema = z.strictObject({
  state: encodedState,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type CreatedLink = z.infer<typeof createdLinkSchema>;

export const MAX_VARIABLES = 500;
export const MAX_ENVIRONMENTS = 50;
export const variableSchema = z.strictObject({
  name: z
    .string()
    .regex(VARIABLE_NAME, "a variable name is letters, digits and _, not first a digit"),
  value: z.string().max(100_000),
  secret: z.boolean(),
});
const uniqueNames = <T extends { name: string }>(items: T[]) =>
  new Set(items.map((item) => item.name)).size === items.length;
export const variablesSchema = z
  .array(variableSchema)
  .max(MAX_VARIABLES)
  .refine(uniqueNames, "each variable name once");
export const environmentSchema = z.strictObject({
  name: z.string().trim().min(1, "an environment needs a name").max(100),
  variables: variablesSchema,
});
export const environmentsSchema = z
  .array(environmentSchema)
  .max(MAX_ENVIRONMENTS)
  .refine(uniqueNames, "each environment name once");

export const collectionSchema = z.strictObject({
  id: workspaceIdSchema,
  name: z.string(),
  requestCount: z.number().int().min(0),
  updatedAt: z.string(),
  variables: variablesSchema,
  environments: environmentsSchema,
});
export type CollectionSummary = z.infer<typeof collectionSchema>;
export const collectionListSchema = z.strictObject({ collections: z.array(collectionSchema) });
export const collectionBodySchema = z.strictObject({ name });
export const updateCollectionBodySchema = z
  .strictObject({
    name: name.optional(),
    variables: variablesSchema.optional(),
    environments: environmentsSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "nothing to change");
export type CollectionChanges = z.infer<typeof updateCollectionBodySchema>;

export const savedRequestSummarySchema = z.strictObject({
  id: workspaceIdSchema,
  collectionId: workspaceIdSchema,
  folder: z.string(),
  name: z.string(),
  description: z.string(),
  servers: z.array(z.string()),
  updatedAt: z.string(),
});
export type SavedRequestSummary = z.infer<typeof savedRequestSummarySchema>;
export const savedRequestSchema = savedRequestSummarySchema.extend({ state: encodedState });
export type SavedRequest = z.infer<typeof savedRequestSchema>;
export const savedRequestPageSchema = z.strictObject({
  requests: z.array(savedRequestSummarySchema),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
});
export type SavedRequestPage = z.infer<typeof savedRequestPageSchema>;

export const saveRequestBodySchema = z.strictObject({
  collectionId: workspaceIdSchema,
  folder: folder.default(""),
  name,
  description: z.string().max(10_000).default(""),
  state: encodedState,
});
export const updateRequestBodySchema = z
  .strictObject({
    collectionId: workspaceIdSchema.optional(),
    folder: folder.optional(),
    name: name.optional(),
    description: z.string().max(10_000).optional(),
    state: encodedState.optional(),
    /** false restores a deleted request (Undo). */
    deleted: z.literal(false).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "nothing to change");

/** One page of a collection's list; the server never answers more than this many at once. */
export const REQUEST_PAGE_SIZE = 50;
export const listRequestsQuerySchema = z.strictObject({
  collection: workspaceIdSchema,
  q: z.string().max(200).default(""),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(REQUEST_PAGE_SIZE).default(REQUEST_PAGE_SIZE),
});

/** A collection file's text (YAML or JSON), at most 2 MB. */
export const importCollectionBodySchema = z.strictObject({
  file: z.string().min(1).max(2_000_000),
});
export const importedCollectionSchema = z.strictObject({
  collectionId: workspaceIdSchema,
  name: z.string(),
  imported: z.number().int().min(0),
  notes: z.array(z.string()),
});
export type ImportedCollection = z.infer<typeof importedCollectionSchema>;
