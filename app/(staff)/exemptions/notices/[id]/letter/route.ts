import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exemptionNoticeLetter } from "@/lib/participants/notice-letters";

type Ctx = { params: Promise<{ id: string }> };

/** U-16: the full notice letter to the participant (mailing block through the reveal gate). */
export const GET = route<Ctx>("/exemptions/notices/[id]/letter", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/exemptions/notices/[id]/letter");
  if ("response" in check) return check.response;
  const user = check.user!;
  const { id } = await params;
  try {
    const pdf = await exemptionNoticeLetter(db(), { actor: user, sessionId: user.sessionId, mfaVerifiedAt: user.mfaVerifiedAt }, id);
    return new NextResponse(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="participant-notice.pdf"', "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase() }, { status: e.code === "NOT_FOUND" ? 404 : 403 });
    throw e;
  }
});
