import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth";
import { route } from "@/lib/http/route";

/**
 * next-auth gives its session cookie an expiry date, which makes it outlive the browser. The privacy
 * notice promises session cookies only (SEC-27): on a shared device the sign-in must end when the
 * browser closes. The server-side session still ends after 12 hours whatever the cookie says.
 */
function sessionCookiesOnly(res: Response): Response {
  const cookies = res.headers.getSetCookie();
  if (!cookies.some((c) => /^(__Secure-)?acp\.session=/.test(c))) return res;
  const headers = new Headers(res.headers);
  headers.delete("set-cookie");
  for (const c of cookies) headers.append("set-cookie", /^(__Secure-)?acp\.session=/.test(c) ? c.replace(/;\s*(Expires|Max-Age)=[^;]*/gi, "") : c);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

// next-auth's own endpoints (csrf, credentials callback, sign-out). Public by nature; the policy
// decides what a session may do once it exists.
const handler = async (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => sessionCookiesOnly(await NextAuth(req, ctx, authOptions()));

export const GET = route("/api/auth/[...nextauth]", handler);
export const POST = route("/api/auth/[...nextauth]", handler);
