// The collection file's JSON Schema, derived from the zod schema the app reads files with, so
// editors can check a file and the two never disagree (docs/collection.schema.json).
import { z } from "zod";
import { collectionFileSchema } from "./collection-file";

export function collectionFileJsonSchema(): Record<string, unknown> {
  return {
    title: "MCP Connector Playground collection file",
    description:
      "A collection of Messages API requests that use the MCP connector (docs/formats.md). Tokens are {{MCP_TOKEN_<SERVER>}} placeholders, never values.",
    ...z.toJSONSchema(collectionFileSchema, { target: "draft-2020-12", io: "input" }),
  };
}
