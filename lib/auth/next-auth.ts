import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { localSecret, newSessionSecret } from "../config/local-secrets";
import { clientIpFrom } from "../logging/client-ip";
import { signInWithIdentityProvider, signInWithPassword } from "./sign-in";

export function sessionSecret(): string {
  return env().NEXTAUTH_SECRET ?? localSecret("NEXTAUTH_SECRET", newSessionSecret);
}

const credentials = z.object({ email: z.string().trim().max(254), password: z.string().max(1024), code: z.string().max(32).optional() });

export function sessionCookieName(): string {
  return `${env().ACP_APP_URL.startsWith("https://") ? "__Secure-" : ""}acp.session`;
}

/** Our session cookie: first-party, HttpOnly, SameSite=Strict, Secure over HTTPS (SEC-27), no expiry set. */
function cookieOptions() {
  const secure = env().ACP_APP_URL.startsWith("https://");
  return {
    sessionToken: {
      name: sessionCookieName(),
      options: { httpOnly: true, sameSite: "strict" as const, path: "/", secure },
    },
  };
}

/** The state identity provider, when configured (issue 4 §1). Accounts are still created only by invitation. */
export function oidcConfigured(): boolean {
  const e = env();
  return !!(e.ACP_OIDC_ISSUER && e.ACP_OIDC_CLIENT_ID && e.ACP_OIDC_CLIENT_SECRET);
}

function oidcProviders(): NextAuthOptions["providers"] {
  if (!oidcConfigured()) return [];
  const e = env();
  return [
    {
      id: "state-idp",
      name: "Commonwealth sign-in",
      type: "oauth",
      wellKnown: `${e.ACP_OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      clientId: e.ACP_OIDC_CLIENT_ID,
      clientSecret: e.ACP_OIDC_CLIENT_SECRET,
      profile(p: { sub: string; email?: string; email_verified?: boolean }) {
        // An address the provider has not verified cannot map to one of our accounts.
        return { id: p.sub, email: p.email_verified === true ? (p.email ?? null) : null };
      },
    },
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: 12 * 3600 },
    jwt: { maxAge: 12 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: cookieOptions(),
    useSecureCookies: env().ACP_APP_URL.startsWith("https://"),
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) throw new Error("INVALID");
          const headers = new Headers(Object.entries(req?.headers ?? {}).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
          const r = await signInWithPassword(db(), parsed.data, clientIpFrom(headers, { keepFull: true }));
          if (!r.ok) throw new Error(r.error); // next-auth hands the message to the sign-in form as a code
          return { id: r.userId, sid: r.sessionId };
        },
      }),
      ...oidcProviders(),
    ],
    callbacks: {
      // An identity-provider sign-in maps to an existing, active account by e-mail, or is refused.
      async signIn({ user, account, profile }) {
        if (account?.provider !== "state-idp") return true;
        // The provider's second factor counts only when it says it used one (amr, RFC 8176).
        const amr = ((profile as { amr?: string[] } | undefined)?.amr ?? []).map((a) => a.toLowerCase());
        const mfa = amr.some((a) => ["mfa", "otp", "hwk", "swk", "fido"].includes(a));
        const r = await signInWithIdentityProvider(db(), user.email ?? "", mfa);
        if (!r.ok) return "/sign-in?notice=signed-out";
        (user as { id: string; sid?: string }).id = r.userId;
        (user as { id: string; sid?: string }).sid = r.sessionId;
        return true;
      },
      // The token names the server-side session; who the user is and what they may do is re-read
      // from the database on every request (lib/auth/current-user.ts).
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return { sub: token.sub, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      async session({ session }) {
        return { expires: session.expires };
      },
    },
  };
}
