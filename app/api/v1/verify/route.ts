import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { handleVerifyRequest } from "@/lib/verification/handle-verify-request";

/**
 * POST /api/v1/verify — confirm-only verification for agency systems (130.06(3)), with a per-agency
 * key (`Authorization: Bearer acp_…`). ROUTE_ACCESS marks it "api-key": a browser session never opens
 * it. The same answers come from the lean listener when ACP_VERIFY_API_PORT is set.
 */
async function answer(request: NextRequest) {
  const a = await handleVerifyRequest(db(), request.method, request.headers.get("authorization"), () => request.text());
  return NextResponse.json(a.body, { status: a.status, headers: a.headers });
}

export const POST = route("/api/v1/verify", answer);
export const GET = route("/api/v1/verify", answer);
