// A second (and third) playground instance from the same production build, for the tests of
// instances that act as one: `node .next/standalone/serve.mjs` on a free port, stopped with its group.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../test/support/free-port";

export interface Instance {
  origin: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: nothing is let go in order. */
  kill(): Promise<void>;
  output(): string;
}

export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [".next/standalone/serve.mjs"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      MCP_ALLOW_PRIVATE_NETWORK: "true",
      PLAYGROUND_RATE_LIMIT: "100000",
      ...env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The instance exited: ${output}`);
    try {
      if ((await fetch(`${origin}/api/ready`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The instance did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const send = (which: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, which);
      } catch {
        // Gone already.
      }
    };
    send(name);
    // A server that does not stop within 10 s is killed: no instance outlives its test.
    const timer = setTimeout(() => send("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  // Nor the test run.
  process.once("exit", () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  });
  return {
    origin,
    output: () => output,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}
