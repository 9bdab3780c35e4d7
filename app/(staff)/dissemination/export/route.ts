import { NextResponse, type NextRequest } from "next/server";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { disseminationFilterSchema, exportDisseminationLog } from "@/lib/dissemination/queries";
import { toCsv, watermark } from "@/lib/exports/csv";
import { route } from "@/lib/http/route";

/** SEC-10: the dissemination log as CSV for the PM and GC; the export is audited and watermarked. */
export const GET = route("/dissemination/export", async (request: NextRequest) => {
  const check = await requireApiRoute("/dissemination/export");
  if ("response" in check) return check.response;
  const user = check.user!;
  const f = disseminationFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams.entries()));
  const rows = await exportDisseminationLog(db(), user, f);
  const csv = watermark(user, new Date()) + toCsv(["when", "kind", "participant_number", "what", "recipient", "organisation", "reason", "legal_route"], rows);
  return new NextResponse(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="dissemination-log-${new Date().toISOString().slice(0, 10)}.csv"`, "Cache-Control": "no-store" },
  });
});
