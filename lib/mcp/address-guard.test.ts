import { describe, expect, it } from "vitest";
import {
  AddressRefusedError,
  allowPrivateFromEnv,
  checkUrl,
  classifyAddress,
  createGuardedFetch,
} from "./address-guard";

const resolveTo = (addresses: string[]) => () => Promise.resolve(addresses);

describe("address guard", () => {
  it("classifies addresses", () => {
    expect(classifyAddress("169.254.169.254")).toBe("metadata");
    expect(classifyAddress("fd00:ec2::254")).toBe("metadata");
    expect(classifyAddress("169.254.1.1")).toBe("link-local");
    expect(classifyAddress("fe80::1")).toBe("link-local");
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("metadata");
    for (const address of [
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "127.0.0.1",
      "::1",
      "fc00::1",
      "100.64.0.1",
    ]) {
      expect(classifyAddress(address)).toBe("private");
    }
    expect(classifyAddress("0.0.0.0")).toBe("unspecified");
    expect(classifyAddress("8.8.8.8")).toBe("public");
  });

  const hostile = [
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://169.254.10.10/",
    "http://[fe80::1]/",
    "http://0.0.0.0:3000/",
    "file:///etc/passwd",
  ];
  it.each(hostile)("always refuses %s, even with private networks allowed", async (url) => {
    await expect(checkUrl(new URL(url), { allowPrivate: true })).rejects.toBeInstanceOf(
      AddressRefusedError,
    );
  });

  it("refuses private addresses, and names that resolve to them, unless allowed", async () => {
    await expect(checkUrl(new URL("http://10.1.2.3/mcp"), { allowPrivate: false })).rejects.toThrow(
      /private network/,
    );
    await expect(
      checkUrl(new URL("http://127.0.0.1:3000/mcp"), { allowPrivate: false }),
    ).rejects.toThrow(/private network/);
    await expect(
      checkUrl(new URL("https://sneaky.example/mcp"), {
        allowPrivate: false,
        resolve: resolveTo(["192.168.0.9"]),
      }),
    ).rejects.toThrow(/private network/);
    await expect(
      checkUrl(new URL("https://sneaky.example/mcp"), {
        allowPrivate: true,
        resolve: resolveTo(["169.254.169.254"]),
      }),
    ).rejects.toThrow(/metadata/);
    await expect(
      checkUrl(new URL("http://127.0.0.1:3000/mcp"), { allowPrivate: true }),
    ).resolves.toBeUndefined();
    const own = { allowPrivate: false, trustedOrigins: ["http://127.0.0.1:3000"] };
    await expect(
      checkUrl(new URL("http://127.0.0.1:3000/api/demo-mcp/calendar"), own),
    ).resolves.toBeUndefined();
    // Only the app's own demo servers, and never a metadata address, even if a forged Host names it.
    await expect(checkUrl(new URL("http://127.0.0.1:3000/admin"), own)).rejects.toThrow(
      /private network/,
    );
    await expect(
      checkUrl(new URL("http://169.254.169.254/api/demo-mcp/x"), {
        allowPrivate: false,
        trustedOrigins: ["http://169.254.169.254"],
      }),
    ).rejects.toThrow(/metadata/);
  });

  it("reads the deployment setting, allowing private networks by default outside production", () => {
    expect(allowPrivateFromEnv({ NODE_ENV: "development" })).toBe(true);
    expect(allowPrivateFromEnv({ NODE_ENV: "production" })).toBe(false);
    expect(allowPrivateFromEnv({ NODE_ENV: "production", MCP_ALLOW_PRIVATE_NETWORK: "true" })).toBe(
      true,
    );
    expect(
      allowPrivateFromEnv({ NODE_ENV: "development", MCP_ALLOW_PRIVATE_NETWORK: "false" }),
    ).toBe(false);
  });

  it("checks every redirect hop and bounds the body", async () => {
    const fake: typeof fetch = (input) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      if (url.startsWith("https://public.example/")) {
        return Promise.resolve(
          new Response(null, { status: 302, headers: { location: "http://169.254.169.254/" } }),
        );
      }
      return Promise.resolve(new Response("x".repeat(2000)));
    };
    const guarded = createGuardedFetch(
      { allowPrivate: true, resolve: resolveTo(["93.184.216.34"]), maxResponseBytes: 1000 },
      fake,
    );
    await expect(guarded("https://public.example/mcp")).rejects.toThrow(/metadata/);
    const big = await guarded("https://other.example/mcp");
    await expect(big.text()).rejects.toThrow(/larger than 1000 bytes/);
  });
});
