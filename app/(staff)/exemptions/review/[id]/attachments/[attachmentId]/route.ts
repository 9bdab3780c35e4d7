import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { readAttachment } from "@/lib/exemptions/attachments";
import { route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; attachmentId: string }> };

/**
 * A file the agency attached to its request, for staff reviewing it. It is the agency's own paper,
 * not participant data: no reveal gate, but every opening is audited. Held or infected files are not
 * served. Sent as a download, never cached.
 */
export const GET = route<Ctx>("/exemptions/review/[id]/attachments/[attachmentId]", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/exemptions/review/[id]/attachments/[attachmentId]");
  if ("response" in check) return check.response;
  const { id, attachmentId } = await params;
  const file = await readAttachment(db(), check.user!, id, attachmentId);
  if (!file) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const ext = file.mediaType === "application/pdf" ? "pdf" : file.mediaType === "image/png" ? "png" : "jpg";
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.mediaType, "Content-Disposition": `attachment; filename="attachment.${ext}"`, "Cache-Control": "no-store" },
  });
});
