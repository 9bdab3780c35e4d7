import { NextResponse, type NextRequest } from "next/server";
import { clientIpFrom } from "./lib/logging/client-ip";
import { logger } from "./lib/logging/logger";
import { contentSecurityPolicy, newNonce } from "./lib/security/headers";

const dev = process.env.NODE_ENV === "development";

/**
 * Runs before every page and API route: a fresh CSP nonce per request (Next.js puts it on its own
 * scripts when it finds the policy on the request), no-store caching, and the request log line.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages may show personal data: never keep them in a browser or shared cache.
  response.headers.set("Cache-Control", "no-store, max-age=0");

  // SEC-28: before sign-in every visitor is treated as a possible participant: shortened IP only.
  // Method and path only: query strings and bodies can carry personal data and are never logged.
  if (!request.nextUrl.pathname.startsWith("/api/")) {
    // A one-time release link carries its secret in the path: the log keeps the route, not the token.
    const route = request.nextUrl.pathname.replace(/^\/releases\/[^/]+/, "/releases/[token]");
    logger.info({ method: request.method, route, ip: clientIpFrom(request.headers) }, "request");
  }
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets (no personal data, cached by content hash) and the verification API
    // for agency systems (JSON only, no pages, no session: it gets next.config's static headers, and
    // skipping the per-request nonce and session work is what lets it meet its speed target).
    { source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/verify).*)" },
  ],
};
