"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { ROLES } from "@/lib/auth/roles";
import { inviteUserAction } from "./actions";

export function InviteForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const t = useTranslations("Admin");
  const m = useFormMessage();
  const roles = useTranslations("Roles");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(inviteUserAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && <FormAlert kind="success">{t("invited")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <Field name="email" type="email" autoComplete="off" label={t("email")} error={m(errors.email)} defaultValue={values.email} />
      <Field name="displayName" autoComplete="off" label={t("name")} error={m(errors.displayName)} defaultValue={values.displayName} />
      <SelectField name="role" label={t("role")} error={m(errors.role)} defaultValue={values.role} placeholder={t("chooseRole")} options={ROLES.map((r) => ({ value: r, label: roles(r) }))} />
      <SelectField
        name="organisationId"
        label={t("organisation")}
        hint={t("organisationHint")}
        error={m(errors.organisationId)}
        defaultValue={values.organisationId}
        placeholder={t("noOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("invite")}
      </button>
    </form>
  );
}
