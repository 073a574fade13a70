// The layout of docs/architecture.md, checked on the real import graph (static, dynamic and
// type-only imports, resolved as TypeScript resolves them): three rooms in lib/, no cycles, no
// upward imports, no test support in shipped code, server code marked and kept off the browser.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findCycles, importEdges, sourceFiles, type ImportEdge } from "@/test/support/import-graph";

const ROOT = process.cwd();
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const shipped = sourceFiles(ROOT, ["lib", "components", "app"]).filter((file) => !isTest(file));
const edges = importEdges(ROOT, [...shipped, "proxy.ts", "next.config.ts"]);
const inRoom = (file: string, room: string) => file.startsWith(`${room}/`);
const describeEdge = (edge: ImportEdge) =>
  `${edge.from} → ${edge.specifier}${edge.dynamic ? " (dynamic)" : ""}`;

describe("the layout", () => {
  it("lib/ holds exactly three rooms", () => {
    expect(readdirSync("lib").sort()).toEqual(["client", "domain", "server"]);
  });

  it("has no import cycles in shipped code (type-only imports count)", () => {
    expect(findCycles(edges.filter((edge) => !edge.to.startsWith("node_modules")))).toEqual([]);
  });

  it("lib/domain imports only lib/domain among our files", () => {
    const leaving = edges.filter(
      (edge) =>
        inRoom(edge.from, "lib/domain") &&
        /^(lib|components|app|test|e2e|scripts)\//.test(edge.to) &&
        !inRoom(edge.to, "lib/domain"),
    );
    expect(leaving.map(describeEdge)).toEqual([]);
  });

  it("nothing in lib/ imports app/, components/, scripts/ or tests", () => {
    const upward = edges.filter(
      (edge) => inRoom(edge.from, "lib") && /^(app|components|scripts|test|e2e)\//.test(edge.to),
    );
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it("no shipped file imports a test runner or test support, not even on first use", () => {
    const testing = edges.filter(
      (edge) =>
        /^(vitest|@playwright\/test|fast-check|happy-dom)(\/|$)/.test(edge.specifier) ||
        /^(test|e2e|scripts)\//.test(edge.to),
    );
    expect(testing.map(describeEdge)).toEqual([]);
  });

  it("the browser side takes nothing but types from lib/server, dynamic imports included", () => {
    const crossing = edges.filter(
      (edge) =>
        (inRoom(edge.from, "lib/client") || inRoom(edge.from, "components")) &&
        inRoom(edge.to, "lib/server") &&
        !edge.typeOnly,
    );
    expect(crossing.map(describeEdge)).toEqual([]);
  });

  it("every lib/server module says it is server-only", () => {
    const unmarked = shipped
      .filter((file) => inRoom(file, "lib/server"))
      .filter((file) => !/^import "server-only";$/m.test(readFileSync(file, "utf8")));
    expect(unmarked).toEqual([]);
  });
});

describe("the cycle finder itself", () => {
  it("finds a cycle through three files and a file that imports itself, and nothing else", () => {
    const cycles = findCycles([
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "c", to: "a" },
      { from: "c", to: "d" },
      { from: "e", to: "e" },
    ]);
    expect(cycles).toEqual([["a", "b", "c"], ["e"]]);
  });

  it("sees dynamic and type-only imports in real files", () => {
    // oauth-slice loads its flows on first use; app-store imports the slice's types.
    const slice = edges.filter((edge) => edge.from === "lib/client/store/oauth-slice.ts");
    expect(slice).toContainEqual(
      expect.objectContaining({ to: "lib/client/store/oauth-actions.ts", dynamic: true }),
    );
    const typeOnly = edges.find(
      (edge) =>
        edge.from === "lib/client/store/app-store.ts" &&
        edge.to === "lib/client/store/oauth-state.ts",
    );
    expect(typeOnly?.typeOnly).toBe(true);
  });
});
