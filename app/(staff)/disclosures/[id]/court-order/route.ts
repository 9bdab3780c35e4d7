import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { readCourtOrder } from "@/lib/disclosures/queries";
import { route } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/**
 * §5(3), SEC-19: staff read the court order to confirm it names the recipient and the participant
 * and states reasons. The opening is audited before the file is decrypted; never cached.
 */
export const GET = route<Ctx>("/disclosures/[id]/court-order", async (_request: NextRequest, { params }) => {
  const check = await requireApiRoute("/disclosures/[id]/court-order");
  if ("response" in check) return check.response;
  const { id } = await params;
  const file = await readCourtOrder(db(), check.user!, id);
  if (!file) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const ext = file.mediaType === "application/pdf" ? "pdf" : file.mediaType === "image/png" ? "png" : "jpg";
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.mediaType, "Content-Disposition": `attachment; filename="court-order.${ext}"`, "Cache-Control": "no-store" },
  });
});
