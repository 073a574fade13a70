// The documentation stays true to the repository: the README is a front page, every relative link
// and every file path it names exists, nothing points outside the repository, the share format it
// states is the codec's, and SECURITY.md's threat table renders whole.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARE_VERSION } from "@/lib/domain/share/codec";

const DOCS = [
  "README.md",
  "SECURITY.md",
  ...readdirSync("docs")
    .filter((file) => file.endsWith(".md"))
    .map((file) => `docs/${file}`),
];
const read = (file: string) => readFileSync(file, "utf8");

/** Markdown links and images: `[text](target)`, without the code spans. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe("the documentation", () => {
  it("keeps the README a front page", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(200);
  });

  it.each(DOCS)("%s: every relative link resolves inside the repository", (file) => {
    const broken = links(read(file))
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .filter((target) => {
        const path = normalize(join(dirname(file), target.split("#")[0]!));
        return path.startsWith("..") || !existsSync(path);
      });
    expect(broken).toEqual([]);
  });

  it.each(DOCS)(
    "%s: names no file that is not there, and nothing outside the repository",
    (file) => {
      const text = read(file);
      expect(text).not.toMatch(/\.\.\/shared/);
      const named = [
        ...text.matchAll(/`((?:lib|components|app|e2e|test|scripts|docs)\/[\w./[\]-]+)`/g),
      ]
        .map((match) => match[1]!.replace(/[.,:]$/, ""))
        .filter((path) => !path.includes("*"));
      expect(named.filter((path) => !existsSync(path))).toEqual([]);
    },
  );

  it("states the share-link format the codec writes", () => {
    const formats = read("docs/formats.md");
    expect(formats).toContain(`the current format is **${SHARE_VERSION}**`);
    expect(formats).toContain(`#s=${SHARE_VERSION}.`);
    expect(read("README.md")).toContain(`share links (format ${SHARE_VERSION})`);
  });

  it("SECURITY.md's threat table is one table, with no blank line breaking it", () => {
    const security = read("SECURITY.md");
    const start = security.indexOf("| threat");
    const end = security.indexOf("\n\n", start);
    const table = security.slice(start, end).split("\n");
    expect(table.length).toBeGreaterThan(10);
    expect(table.every((line) => line.startsWith("|"))).toBe(true);
    expect(security.slice(end).trimStart().startsWith("## ")).toBe(true);
  });
});
