// `npm start`: the standalone production server, on loopback unless told otherwise. Binding to
// every interface is a deployment decision (HOSTNAME=0.0.0.0 plus PLAYGROUND_ALLOWED_HOSTS).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const server = ".next/standalone/serve.mjs";
if (!existsSync(server)) {
  console.error(`No production build at ${server}: run \`npm run build\` first.`);
  process.exit(1);
}
const child = spawn(process.execPath, [server], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: process.env.PORT ?? "3000",
    HOSTNAME: process.env.PLAYGROUND_BIND ?? "127.0.0.1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
