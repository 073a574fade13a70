// axe-core injected straight into the page and run once per call: ~1 s a scan here, where
// @axe-core/playwright's AxeBuilder (a partial run in every frame, then a finishing run in a
// fresh page) took 3–4.4 s on a quiet 2-core machine.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** WCAG 2.x A and AA, WCAG 2.2 AA and axe's best practices. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits out running CSS transitions and animations (a theme switch fades colours, a dialog fades
 * in): measured mid-way, contrast is that of a blend nobody reads. Endless ones are not waited for.
 */
async function settleAnimations(page: Page): Promise<void> {
  // A media change can start its transitions a frame later than the call that caused it, so
  // look again after two frames until nothing finite is running (a few rounds at most).
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 5; round += 1) {
      await frame();
      await frame();
      const finite = document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === "running" &&
            animation.effect?.getComputedTiming().endTime !== Infinity,
        );
      if (finite.length === 0) return;
      // Bounded: an animation the browser stops ticking (its element left the rendered tree
      // without being cancelled) never settles its promise.
      await Promise.race([
        Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 1_000)),
      ]);
    }
  });
}

/** The serious and critical violations on the page now, in words that say what and where. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await settleAnimations(page);
  const loaded = await page.evaluate(() => "axe" in window);
  // As a script evaluated by the browser's debugger, so the page's CSP does not apply to it.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  }, TAGS);
  return (violations as Violation[])
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) — ${violation.help}: ${violation.targets.join(" | ")}`,
    );
}
