import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { applicationLetter, LETTER_KINDS, type LetterKind } from "@/lib/applications/documents";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; kind: string }> };

/** The letters of an application as PDF (lib/documents). Letters holding an address pass the reveal gate. */
export const GET = route<Ctx>("/review/[id]/letters/[kind]", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/review/[id]/letters/[kind]");
  if ("response" in check) return check.response;
  const user = check.user!;
  const { id, kind } = await params;
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) return NextResponse.json({ error: "not_found" }, { status: 404 });
  try {
    const pdf = await applicationLetter(db(), { actor: user, sessionId: user.sessionId, mfaVerifiedAt: user.mfaVerifiedAt }, id, kind as LetterKind);
    return new NextResponse(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${kind}-letter.pdf"`, "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase() }, { status: e.code === "NOT_FOUND" ? 404 : 403 });
    throw e;
  }
});
