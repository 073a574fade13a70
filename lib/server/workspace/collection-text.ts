import "server-only";
// A collection file's text (YAML, or JSON, which is YAML too) into a value: aliases bounded (no
// billion laughs), keys unique. What the value must be is the collection schema's to say.
import { parse, YAMLParseError } from "yaml";

export function parseCollectionYaml(
  text: string,
): { ok: true; raw: unknown } | { ok: false; message: string } {
  try {
    return {
      ok: true,
      raw: parse(text, { maxAliasCount: 50, uniqueKeys: true, prettyErrors: true }),
    };
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : "";
    return {
      ok: false,
      message: `The collection file is not readable YAML or JSON${where}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    };
  }
}
