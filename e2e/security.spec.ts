import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync, strToU8 } from "fflate";
import { expect, test, type Response } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { PlaygroundPage } from "./pages/playground-page";

function shareLink(payload: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(payload)));
  return `2.${Buffer.from(bytes).toString("base64url")}`;
}

test("a hostile share link is explained, changes nothing, and the page still works after a reload", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("my own work");
  for (const block of [{ type: "mcp_tool_result" }, { type: "text", text: 1 }]) {
    const link = shareLink({
      m: "claude-opus-4-6",
      t: 1024,
      u: "hi",
      b: "mcp-client-2025-11-20",
      s: [],
      v: [{ r: "assistant", c: [block] }],
    });
    await page.goto(`/#s=${link}`);
    await page.reload();
    await expect(page.getByTestId("share-error")).toContainText("does not hold a configuration");
    await expect(page.getByTestId("share-error")).toContainText("v.0.c.0");
    await page.reload();
    await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
      "my own work",
    );
  }
  await expect(page.getByTestId("pane-error")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("pages and routes carry the security headers, and the page runs under its CSP", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  // The page hydrated and works under the policy: a send goes through, with every block of the
  // demo's answer rendered (its lazily loaded code came in under the policy too).
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("response-meta")).toBeVisible();
  const blocks = page.getByTestId("response").locator("[data-block-type]");
  await expect(blocks.first()).toBeVisible();
  expect(await blocks.evaluateAll((all) => all.map((block) => block.dataset.blockType))).toContain(
    "mcp_tool_result",
  );
  expect(violations).toEqual([]);

  // Each response gets its own nonce.
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
  const api = await request.get("/api/target");
  expect(api.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a page on another site cannot use the playground's routes", async ({ page }) => {
  // A real server on loopback (so Chromium's own local-network checks let its page reach the
  // playground) serves the hostile page, reached as another site (localhost) and as another app
  // on the same machine (127.0.0.1, another port). It posts the way a form or a no-cors fetch
  // can: text/plain, no preflight.
  const evilServer = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>evil</title>");
  });
  await new Promise<void>((resolve) => evilServer.listen(0, "127.0.0.1", resolve));
  const port = (evilServer.address() as AddressInfo).port;
  try {
    for (const evil of [`http://localhost:${port}/`, `http://127.0.0.1:${port}/`]) {
      await page.goto(evil);
      const statuses: Record<string, number> = {};
      const listener = (response: Response) => {
        const url = new URL(response.url());
        if (url.origin === baseURL) statuses[url.pathname] = response.status();
      };
      page.on("response", listener);
      await page.evaluate(async (origin) => {
        const body = JSON.stringify({ url: "http://169.254.169.254/", model: "x" });
        for (const path of ["/api/mcp/tools", "/api/messages", "/api/emulator/v1/messages"]) {
          await fetch(`${origin}${path}`, {
            method: "POST",
            mode: "no-cors",
            headers: { "content-type": "text/plain" },
            body,
          }).catch(() => undefined);
        }
      }, baseURL);
      await expect.poll(() => Object.keys(statuses).length).toBe(3);
      page.off("response", listener);
      expect({ evil, statuses }).toEqual({
        evil,
        statuses: {
          "/api/mcp/tools": 403,
          "/api/messages": 403,
          "/api/emulator/v1/messages": 403,
        },
      });
    }
  } finally {
    evilServer.close();
  }
});

test("a request under a foreign Host name (DNS rebinding) is refused, page and API alike", async ({
  request,
}) => {
  const page = await request.get("/", { headers: { host: "evil.example.com" } });
  expect(page.status()).toBe(421);
  expect(await page.text()).toContain("PLAYGROUND_ALLOWED_HOSTS");
  const api = await request.post("/api/mcp/tools", {
    headers: { host: "evil.example.com", "content-type": "application/json" },
    data: { url: "http://127.0.0.1:1/" },
  });
  expect(api.status()).toBe(421);
});

test("a URL's credentials and query string stay out of links and code unless kept", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({
    name: "crm",
    url: "https://bot:hunter2@crm.example.com/mcp?api_key=sk-live-123",
  });
  await expect(card.getByTestId("url-secrets")).toContainText(
    "the user name and password and the query string",
  );

  await page.getByRole("button", { name: "Get code" }).click();
  const snippet = page.getByTestId("snippet");
  await expect(snippet).toContainText("MCP_URL_CRM");
  await expect(snippet).not.toContainText("hunter2");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).not.toMatch(/hunter2|sk-live/);
  await expect(page.getByTestId("share-url-notes")).toContainText("The link leaves out");
  await page.keyboard.press("Escape");

  // Opened elsewhere: the receiver is told what was left out.
  const other = await page.context().browser()!.newPage();
  await other.goto(link);
  await other.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(other.getByTestId("share-url-parts")).toContainText("crm");
  await other.close();

  // Kept on purpose: the link and the code carry them, and the dialog says so loudly.
  await card.getByLabel(/Keep them in links, history and code/).check();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  expect(await page.getByLabel("Share link").inputValue()).not.toBe(link);
  await expect(page.getByTestId("share-url-notes").getByRole("alert")).toContainText(
    "as you chose",
  );
});
