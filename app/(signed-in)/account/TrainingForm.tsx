"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { acknowledgeTrainingAction } from "./actions";

export function TrainingForm() {
  const t = useTranslations("Account");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(acknowledgeTrainingAction, { status: "idle" });
  const error = state.status === "invalid" ? m(state.errors.confirm) : undefined;
  return (
    <form key={formKey(state)} action={formAction} className="usa-form">
      {state.status === "ok" && <FormAlert kind="success">{t("trainingSaved")}</FormAlert>}
      <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
        {error && (
          <span className="usa-error-message" id="confirm-error">
            {error}
          </span>
        )}
        <div className="usa-checkbox">
          <input className="usa-checkbox__input" id="confirm" type="checkbox" name="confirm" value="yes" aria-describedby={error ? "confirm-error" : undefined} />
          <label className="usa-checkbox__label" htmlFor="confirm">
            {t("trainingConfirm")}
          </label>
        </div>
      </div>
      <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
        {t("trainingSubmit")}
      </button>
    </form>
  );
}
