import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import type { Role } from "../../lib/db/generated/enums";
import { DEMO_PASSWORD } from "../../prisma/factories";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from "../../prisma/seed";

export type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

const SESSION_COOKIES = ["acp.session", "__Secure-acp.session"];

/** The current code of the demo authenticator (every demo account that needs a second factor shares it). */
export function demoTotpCode(): string {
  return new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), digits: 6, period: 30 }).generate();
}

/**
 * One demo account for a role: the first listed. Browser tests that deactivate or lock an account
 * pick one "no other test relies on" (committee5@, e2e/access.spec.ts), never the first.
 */
export function demoAccountFor(role: Role): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`prisma/seed.ts has no demo account with the role ${role}.`);
  return account.email;
}

async function postCredentials(ctx: APIRequestContext, email: string, code?: string): Promise<string | null> {
  const csrf = await ctx.get("/api/auth/csrf", { maxRedirects: 0 });
  if (csrf.status() !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}.`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, ...(code ? { code } : {}), json: "true" },
    maxRedirects: 0,
  });
  // With json=true next-auth answers {url}; a refused sign-in names its reason in ?error=.
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : `no url (HTTP ${res.status()})`;
  return error;
}

/**
 * Sign a demo account in over HTTP, the way the sign-in form does (next-auth credentials with CSRF
 * token), with the demo authenticator's code when the account asks for one. Returns the cookie jar.
 * Only the demo password is ever sent: five failures would lock the account for 15 minutes for
 * every other test too, so a refusal stops here instead of trying again.
 */
export async function signInOverHttp(target: APIRequestContext | string, email: string): Promise<StorageState> {
  const ctx = typeof target === "string" ? await playwrightRequest.newContext({ baseURL: target }) : target;
  try {
    let error = await postCredentials(ctx, email);
    if (error === "MFA_REQUIRED") error = await postCredentials(ctx, email, demoTotpCode());
    if (error) throw new Error(`signing in ${email} over HTTP failed: ${error}.`);
    const state = await ctx.storageState();
    if (!state.cookies.some((c) => SESSION_COOKIES.includes(c.name))) throw new Error(`signing in ${email} set no session cookie.`);
    return state;
  } finally {
    if (typeof target === "string") await ctx.dispose();
  }
}

// One session per account and worker, signed in on first use. Nothing else uses these sessions,
// so another test's "sign out" cannot end them, only a whole-account change can (see renew).
const cache = new Map<string, Promise<StorageState>>();

/** The worker's session for this account; `renew` signs in again (after the old one was found ended). */
export function cachedSession(baseURL: string, email: string, opts: { renew?: boolean } = {}): Promise<StorageState> {
  const key = `${baseURL} ${email}`;
  let session = opts.renew ? undefined : cache.get(key);
  if (!session) {
    session = signInOverHttp(baseURL, email);
    // A failed sign-in is not kept: the next test gets the error afresh rather than a stale one.
    const mine = session;
    mine.catch(() => cache.get(key) === mine && cache.delete(key));
    cache.set(key, mine);
  }
  return session;
}
