"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import type { VerifyAnswer } from "@/lib/verification/verify-participant";
import { verifyAction } from "./actions";

export function VerifyForm() {
  const t = useTranslations("Verify");
  const m = useFormMessage();
  const format = useFormatter();
  const [state, formAction, pending] = useActionState<ActionState<VerifyAnswer>, FormData>(verifyAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const answer = state.status === "ok" ? state.data : undefined;
  return (
    <>
      {answer && (
        <div className={`usa-alert ${answer.active ? "usa-alert--success" : "usa-alert--warning"}`} role="status" data-testid="verify-answer">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {answer.active ? t("active", { date: format.dateTime(new Date(`${answer.validUntil}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) }) : t("noMatch")}
            </p>
          </div>
        </div>
      )}
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <Field name="participantNumber" label={t("number")} hint={t("numberHint")} error={m(errors.participantNumber)} defaultValue={values.participantNumber} autoComplete="off" inputMode="numeric" />
        <Field name="lastName" label={t("lastName")} error={m(errors.lastName)} defaultValue={values.lastName} autoComplete="off" />
        <Field name="dateOfBirth" type="date" label={t("dateOfBirth")} hint={t("dateOfBirthHint")} error={m(errors.dateOfBirth)} defaultValue={values.dateOfBirth} autoComplete="off" />
        <button className="usa-button" type="submit" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </>
  );
}
