import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { recordSeen } from "./seen";

export const QUICK_EXIT_URL = "https://www.weather.gov/";

type Fixtures = {
  /** Hosts a test expects the browser to leave for (only the quick exit does). */
  allowedExternal: string[];
  /** Console messages a test expects (a 404 page logs its own status). */
  expectedConsole: RegExp[];
  /** Requests that left the app's origin, and console errors, are failures in every browser test. */
  guard: void;
};

export const test = base.extend<Fixtures>({
  allowedExternal: [[], { option: true }],
  expectedConsole: [[], { option: true }],
  guard: [
    async ({ page, baseURL, allowedExternal, expectedConsole }, use) => {
      const origin = new URL(baseURL!).origin;
      const external: string[] = [];
      const consoleErrors: string[] = [];
      // next-auth answers a sign-in that needs its second step (or fails) with 401, which the browser
      // logs as an error: those, and only as many as there were, are expected.
      let signIn401s = 0;
      page.on("response", (r) => {
        if (r.status() === 401 && r.url().includes("/api/auth/callback/credentials")) signIn401s++;
      });
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (u.origin !== origin && !["data:", "blob:"].includes(u.protocol) && !allowedExternal.includes(u.origin)) external.push(r.url());
      });
      page.on("console", (m) => {
        if ((m.type() === "error" || m.type() === "warning") && !expectedConsole.some((re) => re.test(m.text()))) {
          consoleErrors.push(`${m.type()}: ${m.text()}`);
        }
      });
      page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
      // URLs and titles go to the leak scan (e2e/canary.spec.ts): no personal data may ever be in them.
      page.on("framenavigated", async (frame) => {
        if (frame !== page.mainFrame()) return;
        const title = await frame.title().catch(() => "");
        recordSeen({ url: frame.url(), title });
      });
      page.on("load", async () => recordSeen({ url: page.url(), title: await page.title().catch(() => "") }));
      await use();
      const unexpected = consoleErrors.filter((m) => !(m.includes("status of 401") && signIn401s-- > 0));
      consoleErrors.length = 0;
      consoleErrors.push(...unexpected);
      expect(external, "requests to other hosts").toEqual([]);
      expect(consoleErrors, "console errors and warnings (CSP violations show here)").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** WCAG 2.2 AA, as the issue names the tags. Colour contrast stays on. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
