import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { DocumentError } from "@/lib/documents/errors";
import { AppError } from "@/lib/errors";
import { exemptionDecisionLetter } from "@/lib/exemptions/decision-letter";
import { route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** The decision letter, for the requesting agency (scope: another agency's request is "not found"). */
export const GET = route<Ctx>("/exemptions/[id]/letter", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/exemptions/[id]/letter");
  if ("response" in check) return check.response;
  const { id } = await params;
  try {
    const pdf = await exemptionDecisionLetter(db(), check.user!, id);
    return new NextResponse(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="exemption-decision.pdf"', "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: "not_found" }, { status: 404 });
    // Text the letter font cannot print (an emoji typed in the request): refused, never printed wrong.
    if (e instanceof DocumentError) return NextResponse.json({ error: e.code.toLowerCase() }, { status: 422 });
    throw e;
  }
});
