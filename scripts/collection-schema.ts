// Writes docs/collection.schema.json from the collection file's zod schema (the one the app reads
// files with); test/architecture/collection-schema.test.ts fails when the two differ.
import { writeFileSync } from "node:fs";
import { collectionFileJsonSchema } from "../lib/domain/workspace/collection-schema";

writeFileSync(
  "docs/collection.schema.json",
  `${JSON.stringify(collectionFileJsonSchema(), null, 2)}\n`,
);
console.log("Wrote docs/collection.schema.json");
