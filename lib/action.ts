import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "./audit/record-audit";
import { currentUser, type CurrentUser } from "./auth/current-user";
import { can } from "./auth/policy";
import { ACTION_ACCESS, type ActionName } from "./auth/actions";
import { db } from "./db";
import { AppError } from "./errors";
import { logger } from "./logging/logger";

export type { ActionState } from "./action-state";
import type { ActionState } from "./action-state";

export const IDLE: ActionState = { status: "idle" };

function formValues(formData: FormData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(formData instanceof FormData)) return out;
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/**
 * Every server action is built with this (STYLE.md §2, §6): server actions are public POST
 * endpoints, so each one states its name, and ACTION_ACCESS says who may call it. It checks the
 * policy first, then validates the form with the same zod schema the form uses, and hands back what
 * the user typed with field errors, so nothing is lost. Secrets (passwords, codes) are never echoed.
 */
export function action<S extends z.ZodType, T = undefined>(
  name: ActionName,
  schema: S,
  fn: (input: z.infer<S>, ctx: { user: CurrentUser | null; formData: FormData }) => Promise<ActionState<T>>,
) {
  const run = async (prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => ({ ...(await check(prev, formData)), id: randomUUID() });
  const check = async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const access = ACTION_ACCESS[name];
    const user = await currentUser();
    if (access !== "public") {
      if (!user || (user.needsMfaEnrolment && access !== "signed-in")) return { status: "forbidden" };
      if (access !== "signed-in" && !can(user, access)) {
        await recordAudit(db(), { id: user.id, role: user.role, ip: user.ip }, { action: "access.denied", outcome: "DENIED", details: { permission: access, route: name } });
        return { status: "forbidden" };
      }
    }
    const values = formValues(formData);
    const safeValues = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|confirm|code|secret/i.test(k)));
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        errors[key] ??= issue.message;
      }
      return { status: "invalid", errors, values: safeValues };
    }
    try {
      return await fn(parsed.data, { user, formData });
    } catch (e) {
      if (e instanceof AppError) {
        if (e.field) return { status: "invalid", errors: { [e.field]: e.message }, values: safeValues };
        return { status: "error", message: e.message, values: safeValues };
      }
      if (e && typeof e === "object" && "digest" in e) throw e; // redirect() and friends
      logger.error({ action: name, err: { type: (e as Error)?.name, code: (e as { code?: string })?.code } }, "action failed");
      return { status: "error", message: "Errors.actionFailed", values: safeValues };
    }
  };
  return run;
}
