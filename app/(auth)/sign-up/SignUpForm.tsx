"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const t = useTranslations("SignUp");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signUpAction, { status: "idle" });
  if (state.status === "ok") {
    return (
      <div className="usa-alert usa-alert--success" role="status">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t("sentTitle")}</h2>
          <p className="usa-alert__text">{t("sent")}</p>
        </div>
      </div>
    );
  }
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <Field name="displayName" label={t("name")} hint={t("nameHint")} error={m(errors.displayName)} defaultValue={values.displayName} autoComplete="off" />
      <Field name="email" type="email" label={t("email")} hint={t("emailHint")} error={m(errors.email)} defaultValue={values.email} autoComplete="email" />
      <div className={`usa-form-group${errors.healthCareWorker ? " usa-form-group--error" : ""}`}>
        {errors.healthCareWorker && <span className="usa-error-message" id="hcw-error">{m(errors.healthCareWorker)}</span>}
        <div className="usa-checkbox">
          <input className="usa-checkbox__input" id="healthCareWorker" type="checkbox" name="healthCareWorker" value="yes" defaultChecked={values.healthCareWorker === "yes"} aria-describedby={errors.healthCareWorker ? "hcw-error" : undefined} />
          <label className="usa-checkbox__label" htmlFor="healthCareWorker">
            {t("healthCareWorker")}
          </label>
        </div>
      </div>
      <button className="usa-button" type="submit" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
