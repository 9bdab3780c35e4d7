import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { authorizationCard } from "@/lib/applications/documents";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** 130.04(5): the participant's authorization card as PDF (substitute address only). */
export const GET = route<Ctx>("/participants/[id]/card", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/participants/[id]/card");
  if ("response" in check) return check.response;
  const user = check.user!;
  const { id } = await params;
  try {
    const pdf = await authorizationCard(db(), { actor: user, sessionId: user.sessionId, mfaVerifiedAt: user.mfaVerifiedAt }, id);
    return new NextResponse(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="authorization-card.pdf"', "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase() }, { status: 404 });
    throw e;
  }
});
