import { NextResponse } from "next/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiRoute } from "@/lib/auth/guard";
import { listUsers } from "@/lib/accounts/queries";
import { db } from "@/lib/db";
import { toCsv, watermark } from "@/lib/exports/csv";
import { route } from "@/lib/http/route";

// SEC-04: the access-review list for the annual review; watermarked and audited (SEC-08).
export const GET = route("/admin/access-review/export", async () => {
  const check = await requireApiRoute("/admin/access-review/export");
  if ("response" in check) return check.response;
  const me = check.user!;
  const users = await listUsers(db());
  const now = new Date();
  await recordAudit(db(), me, { action: "access-review.exported", details: { rows: users.length } });
  const body =
    watermark(me, now) +
    toCsv(
      ["name", "email", "role", "organisation", "status", "last_sign_in", "mfa_on", "training_acknowledged_on", "reveal_designated"],
      users.map((u) => [u.displayName, u.email, u.role, u.organisation?.name ?? "", u.status, u.lastSignInAt, u.mfaEnabledAt ? "yes" : "no", u.trainingAcknowledgedOn?.toISOString().slice(0, 10) ?? "", u.revealDesignated ? "yes" : "no"]),
    );
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // A neutral file name: no program or person in it.
      "Content-Disposition": `attachment; filename="access-review-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
