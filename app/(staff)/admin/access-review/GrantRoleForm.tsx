"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { grantStaffRoleAction } from "../users/actions";

const STAFF_ROLES = ["PROGRAM_STAFF", "GENERAL_COUNSEL", "PROGRAM_MANAGER"] as const;

/** The Program Manager's own control over who holds the roles that can reveal (SEC-05). */
export function GrantRoleForm({ userId, role, name }: { userId: string; role: string; name: string }) {
  const t = useTranslations("Admin");
  const m = useFormMessage();
  const roles = useTranslations("Roles");
  const id = useId();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(grantStaffRoleAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction} className="acp-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="usa-sr-only" htmlFor={id}>{`${t("role")}: ${name}`}</label>
      <select className="usa-select usa-select--small" id={id} name="role" defaultValue={role}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {roles(r)}
          </option>
        ))}
      </select>
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending}>
        {t("saveRole")}
      </button>
      {(state.status === "error" || state.status === "invalid") && (
        <span className="usa-error-message">{state.status === "error" ? state.message : m(Object.values(state.errors)[0])}</span>
      )}
    </form>
  );
}
