import { expect, test } from "@playwright/test";
import { FIRST_LOAD_BUDGET_KB, measureFirstLoad } from "../test/support/first-load";

// A size, not a time: the same build weighs the same on any machine. `npm run bench` prints the
// figure beside the empty page of the same stack.
test(`the first load of / stays within ${FIRST_LOAD_BUDGET_KB} KB of gzipped JavaScript`, async ({
  baseURL,
}) => {
  const firstLoad = await measureFirstLoad(baseURL!, "/");
  expect(firstLoad.scripts).toBeGreaterThan(0);
  expect(firstLoad.gzipKb).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
});
