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

  it("include the two of the README's Quick start", () => {
    const readme = readFileSync("README.md", "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"));
    for (const [, script] of quickStart.matchAll(/npm (?:run )?(\w[\w:-]*)/g))
      expect(Object.keys(scripts).concat(["install", "ci"])).toContain(script);
  });
});
