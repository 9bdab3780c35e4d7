import { NextResponse, type NextRequest } from "next/server";
import { apiKeyCaller } from "@/lib/agencies/agencies";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { verifyParticipant, verifySchema } from "@/lib/verification/verify-participant";

/**
 * POST /api/v1/verify — confirm-only verification for agency systems (130.06(3)), with a per-agency
 * key (`Authorization: Bearer acp_…`). The answer is exactly {"active":true,"validUntil":"YYYY-MM-DD"}
 * or {"active":false}. ROUTE_ACCESS marks it "api-key": a browser session never opens it.
 */
// The page proxy (nonce CSP, no-store) is skipped here: this JSON loads nothing, so it says so.
const HEADERS = { "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };

async function authorise(request: NextRequest) {
  const m = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  return m ? apiKeyCaller(db(), m[1]) : null;
}

const unauthorised = () => NextResponse.json({ error: "unauthorized" }, { status: 401, headers: { ...HEADERS, "WWW-Authenticate": 'Bearer realm="acp-verify"' } });

export const POST = route("/api/v1/verify", async (request: NextRequest) => {
  const caller = await authorise(request);
  if (!caller) return unauthorised();
  if (!env().ACP_SELF_SERVICE_VERIFY) return NextResponse.json({ error: "verification_by_phone_only" }, { status: 403, headers: HEADERS });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "invalid_json" }, { status: 400, headers: HEADERS });
  }
  const parsed = verifySchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: "invalid_request", fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] }, { status: 400, headers: HEADERS });
  try {
    const answer = await verifyParticipant(db(), { kind: "key", apiKeyId: caller.apiKeyId, organisationId: caller.organisationId, organisation: caller.organisation, recipientName: `API key of ${caller.organisation}` }, parsed.data);
    return NextResponse.json(answer, { headers: HEADERS });
  } catch (e) {
    if (e instanceof AppError && e.code === "THROTTLED") return NextResponse.json({ error: "too_many_requests" }, { status: 429, headers: { ...HEADERS, "Retry-After": "60" } });
    throw e;
  }
});

export const GET = route("/api/v1/verify", async (request: NextRequest) => {
  if (!(await authorise(request))) return unauthorised();
  return NextResponse.json({ error: "use POST" }, { status: 405, headers: { ...HEADERS, Allow: "POST" } });
});
