import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { check, concludeReport } from "@/lib/domain/doctor/checks";
import { DoctorReportView } from "./doctor-report";

describe("the doctor's report", () => {
  it("folds the checks a stop left undone into one line, and names the server in the API's words", () => {
    const report = concludeReport("https://mcp.example.com/mcp", "emulator", [
      check("url", "pass", "A valid https URL."),
      check("dns", "fail", "mcp.example.com does not resolve (ENOTFOUND)."),
      ...(["connect", "http", "transport", "initialize", "auth", "tools", "timing"] as const).map(
        (id) => check(id, "skip", "Not checked: the name does not resolve."),
      ),
    ]);
    const html = renderToStaticMarkup(
      createElement(DoctorReportView, { report, serverName: "memory" }),
    );
    expect(html.match(/data-testid="doctor-check"/g)).toHaveLength(2);
    expect(html.match(/data-testid="doctor-skipped"/g)).toHaveLength(1);
    expect(html).toContain("Not checked: TCP / TLS");
    expect(html).toContain("(the name does not resolve)");
    expect(html).toContain("Failed to connect to MCP server &#x27;memory&#x27;");
    expect(html).not.toContain("&#x27;…&#x27;");
  });
});
