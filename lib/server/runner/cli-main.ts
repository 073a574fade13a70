import "server-only";
// The CLI's process entry (bin/mcp-playground.mjs starts it under tsx with the react-server
// condition). Defaults that suit a run on the user's own machine are set before any setting is read.
process.env.MCP_ALLOW_PRIVATE_NETWORK ??= "true";
process.env.PLAYGROUND_MAX_MCP_CONNECTIONS_PER_CLIENT ??= "128";

const abort = new AbortController();
let interrupted = false;
process.on("SIGINT", () => {
  // The first Ctrl+C stops the run (and cancels its batches); the second leaves at once.
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write("\nStopping… (Ctrl+C again to quit now)\n");
  abort.abort(new Error("stopped by Ctrl+C"));
});

const { runCli } = await import("./cli");
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: process.stderr.isTTY === true,
  columns: process.stderr.columns,
  env: process.env,
  cwd: process.env.MCP_PLAYGROUND_CWD ?? process.cwd(),
  signal: abort.signal,
});
// Open sockets (keep-alive agents, MCP sessions) must not hold the process once the run is done.
process.stdout.write("", () => process.exit(interrupted && code === 0 ? 130 : code));
