"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { approveExport, requestAuditExport } from "@/lib/audit/export-audit";
import { auditFilterSchema } from "@/lib/audit/queries";
import { db } from "@/lib/db";

const requestSchema = auditFilterSchema.extend({ overrideReason: z.string().trim().max(300, "Validation.max300").optional() });

const request = action("audit/request-export", requestSchema, async ({ overrideReason, ...filters }, { user }) => {
  await requestAuditExport(db(), user!, filters, overrideReason || undefined);
  revalidatePath("/audit");
  return { status: "ok", message: overrideReason ? "ready" : "requested" };
});
export async function requestExportAction(prev: ActionState, formData: FormData) {
  return request(prev, formData);
}

const approve = action("audit/approve-export", z.object({ exportId: z.string().min(1).max(40) }), async ({ exportId }, { user }) => {
  await approveExport(db(), user!, exportId);
  revalidatePath("/audit");
  return { status: "ok" };
});
export async function approveExportAction(prev: ActionState, formData: FormData) {
  return approve(prev, formData);
}
