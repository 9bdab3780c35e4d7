import { NextResponse, type NextRequest } from "next/server";
import { downloadAuditExport } from "@/lib/audit/export-audit";
import { requireApiRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const GET = route("/audit/export", async (request: NextRequest) => {
  const check = await requireApiRoute("/audit/export");
  if ("response" in check) return check.response;
  const id = request.nextUrl.searchParams.get("id") ?? "";
  try {
    const csv = await downloadAuditExport(db(), check.user!, id);
    return new NextResponse(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.code.toLowerCase(), message: e.message }, { status: e.code === "NOT_FOUND" ? 404 : 409 });
    throw e;
  }
});
