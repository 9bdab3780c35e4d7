import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { releaseLetter } from "@/lib/disclosures/release-letter";

type Ctx = { params: Promise<{ id: string }> };

/** §5(3): the release letter for a recipient without an account (each printing recorded, field by field). */
export const GET = route<Ctx>("/disclosures/[id]/release-letter", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/disclosures/[id]/release-letter");
  if ("response" in check) return check.response;
  const user = check.user!;
  const { id } = await params;
  try {
    const pdf = await releaseLetter(db(), { actor: user, sessionId: user.sessionId, mfaVerifiedAt: user.mfaVerifiedAt }, id);
    return new NextResponse(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="release-letter.pdf"', "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase() }, { status: e.code === "NOT_FOUND" ? 404 : 403 });
    throw e;
  }
});
