"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field, FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { setPassword } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("SetPassword");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setPassword, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {errors.token && <FormAlert kind="error">{t("badLink")}</FormAlert>}
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" autoComplete="new-password" label={t("password")} hint={t("passwordHint")} error={m(errors.password)} />
      <Field name="confirm" type="password" autoComplete="new-password" label={t("confirm")} error={m(errors.confirm)} />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
