import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

describe("npm scripts", () => {
  it("run files that exist", () => {
    const missing = Object.entries(scripts).flatMap(([name, command]) =>
      [...command.matchAll(/(?:^|\s)((?:scripts|e2e|lib|test)\/[\w./-]+\.(?:mjs|ts|js))/g)]
        .map((match) => match[1]!)
        .filter((file) => !existsSync(file))
        .map((file) => `npm run ${name} → ${file}`),
    );
    expect(missing).toEqual([]);
  });

  it("include the two of the README's Quick start: one runs the playground, one every test", () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("\n## Quick start\n");
    expect(start, "README.md has a '## Quick start' section").toBeGreaterThan(-1);
    const rest = readme.slice(start + 1);
    const next = rest.indexOf("\n## ");
    const quickStart = next === -1 ? rest : rest.slice(0, next);
    const commands = [...quickStart.matchAll(/^(npm [^#\n`]+?)\s*(?:#.*)?$/gm)].map(
      (match) => match[1]!,
    );
    expect(commands).toEqual(["npm ci && npm run dev", "npm ci && npm test"]);
    for (const [, script] of quickStart.matchAll(/npm (?:run )?(\w[\w:-]*)/g))
      expect(Object.keys(scripts).concat(["install", "ci"])).toContain(script);
  });
});
