import { expect, test } from "@playwright/test";
import { API_ROUTES, PAGES, SIGNED_IN_PAGES } from "./support/routes";

// Over HTTP, no browser: fast, and it covers API routes the browser never opens.
const targets = [
  ...PAGES.map((p) => ({ path: p.path, page: true })),
  // Signed-in pages, as an anonymous visitor gets them (the redirect to sign-in carries the headers too).
  ...SIGNED_IN_PAGES.filter((p) => p.path).map((p) => ({ path: p.path!, page: true })),
  ...API_ROUTES.map((r) => ({ path: r.path, page: false, json: r.pattern === "/api/v1/verify" })),
  { path: "/no-such-page", page: true },
];

for (const target of targets) {
  test(`security headers on ${target.path}`, async ({ request }) => {
    const res = await request.get(target.path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["permissions-policy"]).toContain("geolocation=()");
    const csp = h["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    if ("json" in target && target.json) {
      // The agency API skips the page proxy (no scripts, no nonce): it may load nothing at all.
      expect(csp).toContain("default-src 'none'");
      expect(h["cache-control"]).toContain("no-store");
      return;
    }
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(h["cache-control"]).toContain("no-store");
    expect(h["x-powered-by"]).toBeUndefined();
    if (target.page && res.status() !== 307) {
      // The nonce Next.js put on its scripts is this response's.
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
      const body = await res.text();
      const scriptNonces = [...body.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    }
  });
}

test("a fresh nonce on every response", async ({ request }) => {
  const a = (await request.get("/")).headers()["content-security-policy"];
  const b = (await request.get("/")).headers()["content-security-policy"];
  expect(a).not.toBe(b);
});

test("health reports the embedded database with current migrations, and nothing else", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toEqual({ status: "ok", database: "embedded", migrations: "current", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});
