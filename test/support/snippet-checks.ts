// Test support for exported code that cannot simply be run here: a Python call read back through
// Python's own parser (the SDK cannot be installed offline), and TypeScript through `tsc`.
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { serveDemoServers } from "./demo-servers";
import { serveEmulator, type EmulatorServer } from "./emulator-server";

const run = promisify(execFile);

/**
 * Finds the first call to client.… in a Python file and evaluates its keyword arguments as
 * literals; `os.environ["X"]` reads back as that text, so secrets can be checked in place.
 */
const READ_CALL = String.raw`
import ast, json, sys

tree = ast.parse(open(sys.argv[1]).read())

def dotted(node):
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + "." + node.attr
    if isinstance(node, ast.Name):
        return node.id
    return "?"

class Environ(ast.NodeTransformer):
    def visit_Subscript(self, node):
        if dotted(node.value) == "os.environ":
            return ast.Constant(ast.unparse(node).replace("'", '"'))
        return self.generic_visit(node)

for node in ast.walk(tree):
    if isinstance(node, ast.Call) and dotted(node.func).startswith("client."):
        keywords = {
            keyword.arg: ast.literal_eval(Environ().visit(keyword.value))
            for keyword in node.keywords
        }
        print(json.dumps({"function": dotted(node.func), "keywords": keywords}))
        break
`;

export async function pythonCall(
  file: string,
): Promise<{ function: string; keywords: Record<string, unknown> }> {
  const { stdout } = await run("python3", ["-c", READ_CALL, file]);
  return JSON.parse(stdout) as { function: string; keywords: Record<string, unknown> };
}

/** Type-checks the files as a strict ES module project would, against the installed SDKs. */
export async function typeCheck(files: string[]): Promise<void> {
  const config = join(dirname(files[0]!), "tsconfig.snippets.json");
  await writeFile(
    config,
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [join(process.cwd(), "node_modules/@types")],
      },
      files,
    }),
  );
  await run(process.execPath, [
    join(process.cwd(), "node_modules/typescript/bin/tsc"),
    "-p",
    config,
  ]);
}

/**
 * What a test that runs exported code needs: a scratch folder, the demo MCP servers and the
 * emulator, up for the file's tests and gone after. Read them inside tests (they start first).
 */
export function snippetRunEnvironment(folder: string) {
  const work = join(process.cwd(), ".test-output", folder);
  const started: {
    demo?: Awaited<ReturnType<typeof serveDemoServers>>;
    emulator?: EmulatorServer;
  } = {};
  beforeAll(async () => {
    await mkdir(work, { recursive: true });
    started.demo = await serveDemoServers();
    started.emulator = await serveEmulator();
  });
  afterAll(async () => {
    await Promise.all([started.demo?.close(), started.emulator?.close()]);
    await rm(work, { recursive: true, force: true });
  });
  const need = <T>(value: T | undefined): T => {
    if (!value) throw new Error("the snippet test servers are not up yet");
    return value;
  };
  return {
    work,
    demo: () => need(started.demo),
    emulator: () => need(started.emulator),
  };
}
