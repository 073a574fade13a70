import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/domain/http/security-headers";

const nextConfig: NextConfig = {
  // Source maps of the browser code only when analysing what the first load weighs.
  productionBrowserSourceMaps: process.env.ANALYZE_BUNDLE === "1",
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone: `node .next/standalone/serve.mjs` (docs/deploy.md).
  output: "standalone",
  // PGlite loads its WebAssembly and data files from its own package folder at run time: kept out
  // of the bundle, and traced whole into the standalone output.
  serverExternalPackages: ["@electric-sql/pglite"],
  outputFileTracingIncludes: {
    "/api/**": ["./node_modules/@electric-sql/pglite/dist/**", "./drizzle/**"],
  },
  // The demo OAuth metadata lives at /.well-known/… as RFC 8414 and RFC 9728 require.
  rewrites() {
    return Promise.resolve([
      { source: "/.well-known/:path*", destination: "/api/well-known/:path*" },
    ]);
  },
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ]);
  },
};

export default nextConfig;
