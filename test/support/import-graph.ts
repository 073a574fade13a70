// Test support: the project's import graph as TypeScript resolves it (the tsconfig's `@/` paths,
// static, dynamic and type-only imports told apart), and the cycles in a graph. Used by the
// architecture test; lint sees static imports only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface ImportEdge {
  /** The importing file and the imported one, relative to the root. */
  from: string;
  to: string;
  specifier: string;
  /** `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** `import("…")`: loaded on first use, a run-time import all the same. */
  dynamic: boolean;
}

const SOURCE = /\.(ts|tsx|mts)$/;

export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(entry) && !entry.endsWith(".d.ts")) found.push(full);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return found.map((file) => relative(root, file));
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** Every import of `files` that resolves to a file inside `root` (packages are left out). */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const options = compilerOptions(root);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const fullPath = join(root, file);
    const source = ts.createSourceFile(
      fullPath,
      readFileSync(fullPath, "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
      const resolved = ts.resolveModuleName(specifier, fullPath, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) {
        edges.push({ from: file, to: specifier, specifier, typeOnly, dynamic });
        return;
      }
      edges.push({
        from: file,
        to: relative(root, resolved.resolvedFileName),
        specifier,
        typeOnly,
        dynamic,
      });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, isTypeOnlyImport(node), false);
      } else if (
        ts.isExportDeclaration(node) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        add(node.moduleSpecifier.text, node.isTypeOnly, false);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        add(node.arguments[0].text, false, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/** The strongly connected groups of more than one file (Tarjan), each sorted, in file order. */
export function findCycles(edges: readonly Pick<ImportEdge, "from" | "to">[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    next.get(from)!.push(to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const selfLoop = next.get(node)?.includes(node) ?? false;
      if (group.length > 1 || selfLoop) cycles.push(group.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) connect(node);
  return cycles;
}
