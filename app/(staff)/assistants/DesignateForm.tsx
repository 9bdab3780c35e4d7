"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { designateAction } from "./actions";

export function DesignateForm({ employers }: { employers: { id: string; name: string }[] }) {
  const t = useTranslations("Assistants");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(designateAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && <FormAlert kind="success">{t("designated")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <Field name="displayName" label={t("name")} error={m(errors.displayName)} defaultValue={values.displayName} autoComplete="off" />
      <Field name="email" type="email" label={t("email")} hint={t("emailHint")} error={m(errors.email)} defaultValue={values.email} autoComplete="off" />
      <SelectField
        name="organisationId"
        label={t("employer")}
        error={m(errors.organisationId)}
        defaultValue={values.organisationId}
        placeholder={t("chooseEmployer")}
        options={employers.map((e) => ({ value: e.id, label: e.name }))}
      />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("designate")}
      </button>
    </form>
  );
}
