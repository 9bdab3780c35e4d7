import { NextResponse, type NextRequest } from "next/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiRoute } from "@/lib/auth/guard";
import { applicationScope } from "@/lib/auth/scopes";
import { readEvidenceFile } from "@/lib/applications/evidence";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { passRevealGate } from "@/lib/participants/reveal-protected-field";

type Ctx = { params: Promise<{ id: string; evidenceId: string }> };

/**
 * SEC-05, SEC-11: staff see evidence only through an audited reveal. The reveal gate needs a second
 * factor confirmed in the last five minutes (the "Show the answers" form confirms one); the audit row
 * is committed before the file is decrypted. Sent as a download, never cached.
 */
export const GET = route<Ctx>("/review/[id]/evidence/[evidenceId]", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/review/[id]/evidence/[evidenceId]");
  if ("response" in check) return check.response;
  const user = check.user!;
  const { id, evidenceId } = await params;
  const owned = await db().evidenceItem.findFirst({ where: { id: evidenceId, application: { AND: [applicationScope(user), { id }] } }, select: { id: true } });
  if (!owned) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const target = { type: "Application", id };
  try {
    await passRevealGate(db(), { actor: user, sessionId: user.sessionId, mfaVerifiedAt: user.mfaVerifiedAt }, { field: "evidence", target, purpose: "APPLICATION_REVIEW" });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase(), message: "Confirm your second factor on the application page, then open the file again." }, { status: 403 });
    throw e;
  }
  // SEC-11: which file was opened, not only which application.
  await recordAudit(db(), user, { action: "protected.revealed", details: { field: "evidence" }, target: { type: "EvidenceItem", id: evidenceId }, purpose: "APPLICATION_REVIEW", reason: `Review of application ${id}` });
  const file = await readEvidenceFile(db(), evidenceId);
  if (!file) return NextResponse.json({ error: "not_available" }, { status: 409 });
  const ext = file.item.mediaType === "application/pdf" ? "pdf" : file.item.mediaType === "image/png" ? "png" : "jpg";
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.item.mediaType, "Content-Disposition": `attachment; filename="evidence.${ext}"`, "Cache-Control": "no-store" },
  });
});
