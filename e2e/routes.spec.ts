import { expect, test } from "@playwright/test";
import { API_ROUTES, appRoutes, PAGES, SIGNED_IN_PAGES } from "./support/routes";

// A route missing from e2e/support/routes.ts would escape the header, accessibility and
// no-outside-request checks: this fails until it is added.
test("every page and route handler in app/ is listed for the checks", () => {
  const found = appRoutes();
  expect(found.pages).toEqual([...PAGES.map((p) => p.pattern), ...SIGNED_IN_PAGES.map((p) => p.pattern)].sort());
  expect(found.api).toEqual(API_ROUTES.map((r) => r.pattern).sort());
});
