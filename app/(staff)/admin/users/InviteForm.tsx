"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import type { ActionState } from "@/lib/action";
import { ROLES } from "@/lib/auth/roles";
import { inviteUserAction } from "./actions";

export function InviteForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const t = useTranslations("Admin");
  const roles = useTranslations("Roles");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(inviteUserAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="usa-form usa-form--large" key={state.status === "ok" ? "sent" : "form"}>
      {state.status === "ok" && <FormAlert kind="success">{t("invited")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{state.message}</FormAlert>}
      <Field name="email" type="email" autoComplete="off" label={t("email")} error={errors.email} defaultValue={values.email} />
      <Field name="displayName" autoComplete="off" label={t("name")} error={errors.displayName} defaultValue={values.displayName} />
      <div className={`usa-form-group${errors.role ? " usa-form-group--error" : ""}`}>
        <label className="usa-label" htmlFor="role">
          {t("role")}
        </label>
        {errors.role && (
          <span className="usa-error-message" id="role-error">
            {errors.role}
          </span>
        )}
        <select className="usa-select" id="role" name="role" defaultValue={values.role ?? ""} aria-describedby={errors.role ? "role-error" : undefined}>
          <option value="">{t("chooseRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </select>
      </div>
      <div className={`usa-form-group${errors.organisationId ? " usa-form-group--error" : ""}`}>
        <label className="usa-label" htmlFor="organisationId">
          {t("organisation")}
        </label>
        <span className="usa-hint" id="organisationId-hint">
          {t("organisationHint")}
        </span>
        {errors.organisationId && (
          <span className="usa-error-message" id="organisationId-error">
            {errors.organisationId}
          </span>
        )}
        <select
          className="usa-select"
          id="organisationId"
          name="organisationId"
          defaultValue={values.organisationId ?? ""}
          aria-describedby={errors.organisationId ? "organisationId-hint organisationId-error" : "organisationId-hint"}
        >
          <option value="">{t("noOrganisation")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button className="usa-button" type="submit" disabled={pending}>
        {t("invite")}
      </button>
    </form>
  );
}
