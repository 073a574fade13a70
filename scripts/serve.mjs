// The production entry, copied into .next/standalone by `npm run build`:
//   node .next/standalone/serve.mjs
// It starts Next's standalone server (server.js, beside it) after one addition: every request
// carries the address of the socket it came on, in a header only this process can have written.
// Next.js gives route handlers no socket address, and X-Forwarded-For is whatever a client writes,
// so without this every client could pose as any other to the rate limits. The header holds a
// secret made at start; a client that sends one of its own cannot know it, and it is overwritten.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { resolve } from "node:path";

const PEER_HEADER = "x-playground-peer";
const secret = randomBytes(24).toString("hex");
process.env.PLAYGROUND_PEER_SECRET = secret;

// Next creates its server inside server.js: the request listener it is given runs after this one.
const createServer = http.createServer;
http.createServer = function createServerWithPeer(...args) {
  const server = createServer.apply(this, args);
  server.prependListener("request", (request) => {
    request.headers[PEER_HEADER] = `${secret} ${request.socket.remoteAddress ?? ""}`;
  });
  return server;
};

// server.js moves into its own folder: the embedded database stays where the server was started
// (a rebuild replaces .next/standalone, and must not take the data with it).
process.env.PLAYGROUND_DATA_DIR = resolve(process.env.PLAYGROUND_DATA_DIR || ".data");

await import("./server.js");
