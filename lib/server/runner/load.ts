import "server-only";
// The runner's input: a collection file (YAML or JSON) or a folder of them, read and checked; a
// problem names the file, the path inside it (`requests[0].checks[1]`) and the request's name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { PlanProblem } from "@/lib/domain/checks/plan";
import {
  COLLECTION_FILE_VERSION,
  collectionFileSchema,
  type CollectionFile,
} from "@/lib/domain/workspace/collection-file";
import { parseCollectionYaml } from "@/lib/server/workspace/collection-text";

export interface LoadedCollection {
  /** The file as the user named it (relative to the working directory). */
  label: string;
  file: CollectionFile;
}

const COLLECTION_EXTENSIONS = /\.(ya?ml|json)$/i;
/** The largest file read: a collection of 10,000 requests fits well within it. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The files a path names: itself, or a folder's collection files (sorted, sub-folders too). */
export function collectionPaths(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (COLLECTION_EXTENSIONS.test(entry.name)) found.push(full);
    }
  };
  walk(path);
  return found;
}

/** `requests[0].checks[1].tool_called`: a zod path as the problems write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

function requestName(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== "requests" || typeof path[1] !== "number") return undefined;
  const entry = (raw as { requests?: unknown[] } | null)?.requests?.[path[1]];
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.trim() ? name : undefined;
}

/** Reads one file's text into a collection, or the problem that stops it. */
export function readCollection(
  text: string,
  label: string,
): { ok: true; collection: LoadedCollection } | { ok: false; problem: PlanProblem } {
  const parsed = parseCollectionYaml(text);
  if (!parsed.ok) return { ok: false, problem: { file: label, path: "", message: parsed.message } };
  const raw = parsed.raw;
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > COLLECTION_FILE_VERSION)
    return {
      ok: false,
      problem: {
        file: label,
        path: "version",
        message: `format ${version} is from a newer playground; this one reads format ${COLLECTION_FILE_VERSION}`,
      },
    };
  const checked = collectionFileSchema.safeParse(raw);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    return {
      ok: false,
      problem: {
        file: label,
        path: formatPath(issue.path),
        request: requestName(raw, issue.path),
        message: issue.message,
      },
    };
  }
  return { ok: true, collection: { label, file: checked.data } };
}

function firstIssue(error: z.ZodError): { path: PropertyKey[]; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: [], message: "not a collection file" };
  if (issue.code === "unrecognized_keys")
    return {
      path: issue.path,
      message: `unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")}`,
    };
  return { path: issue.path, message: issue.message };
}

/** Every collection the paths name, or every problem found reading them. */
export function loadCollections(
  paths: readonly string[],
  cwd = process.cwd(),
): { collections: LoadedCollection[]; problems: PlanProblem[] } {
  const collections: LoadedCollection[] = [];
  const problems: PlanProblem[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = collectionPaths(path);
    } catch (error) {
      problems.push({ file: path, path: "", message: readFailure(error) });
      continue;
    }
    if (files.length === 0)
      problems.push({
        file: path,
        path: "",
        message: "the folder holds no .yaml, .yml or .json file",
      });
    for (const file of files) {
      const near = relative(cwd, file);
      // A file outside the working directory is named in full, not by a trail of "../".
      const label = near && !near.startsWith("..") ? near : file;
      let text: string;
      try {
        if (statSync(file).size > MAX_FILE_BYTES)
          throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
        text = readFileSync(file, "utf8");
      } catch (error) {
        problems.push({ file: label, path: "", message: readFailure(error) });
        continue;
      }
      const read = readCollection(text, label);
      if (read.ok) collections.push(read.collection);
      else problems.push(read.problem);
    }
  }
  return { collections, problems };
}

function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES") return "not readable (permission denied)";
  return `could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
