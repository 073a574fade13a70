// Test support: asks the OS for a free loopback port (other processes may hold the usual
// 3000-range ports). Shared by the test runner, the e2e config, test servers and benchmarks.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
