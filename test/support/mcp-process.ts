// Test support: starts an MCP server from npm as a child process on a free port (with a minimal
// environment), waits for its "listening" line, and stops it afterwards.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port";

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** A file inside an installed package (some packages do not export their entry scripts). */
export function resolveBin(specifier: string): string {
  return fileURLToPath(new URL(`../../node_modules/${specifier}`, import.meta.url));
}

export async function startMcpProcess(options: {
  /** Arguments after `node`; `{port}` is replaced by the chosen port. */
  args: string[];
  path: string;
  ready: RegExp;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const args = options.args.map((arg) => arg.replaceAll("{port}", String(port)));
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(" ")} did not start within 20 s`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      if (options.ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited early (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}${options.path}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
