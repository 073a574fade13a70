// Test support: starts the real third-party MCP server @modelcontextprotocol/server-everything on a
// free port (Streamable HTTP at /mcp, or SSE at /sse), with a minimal environment (its get-env tool
// would otherwise hand out ours), and stops it afterwards.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { freePort } from "../../scripts/free-port.mjs";

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startServerEverything(
  transport: "streamableHttp" | "sse" = "streamableHttp",
): Promise<RunningServer> {
  const port = await freePort();
  const entry = createRequire(import.meta.url).resolve(
    "@modelcontextprotocol/server-everything/dist/index.js",
  );
  const child = spawn(process.execPath, [entry, transport], {
    env: { PORT: String(port), PATH: process.env.PATH ?? "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("server-everything did not start within 15 s")),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      if (/(listening|running) on port/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server-everything exited early (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/${transport === "sse" ? "sse" : "mcp"}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
