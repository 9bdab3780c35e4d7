import { NextResponse } from "next/server";
import { databaseKind, db } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { route } from "@/lib/http/route";

// Public by design: load balancers and monitors call it without signing in. It says nothing about any person.
export const GET = route("/api/health", async () => {
  const report = await checkHealth(db(), databaseKind());
  return NextResponse.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
