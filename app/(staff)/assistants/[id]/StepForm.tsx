"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { changeStatusAction } from "../actions";

export type StepLabel = "TRAINED" | "ACCEPTED" | "REGISTERED" | "REGISTERED_RENEW" | "REGISTERED_REINSTATE" | "SUSPENDED" | "REVOKED" | "EXPIRED";

/** One step of the registry: a button, with the reason or training date the step needs. */
export function StepForm({ assistantId, to, label, reason, trainingDate }: { assistantId: string; to: string; label: StepLabel; reason: boolean; trainingDate: boolean }) {
  const t = useTranslations("Assistants");
  const m = useFormMessage();
  const id = useId();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changeStatusAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form acp-step">
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <input type="hidden" name="assistantId" value={assistantId} />
      <input type="hidden" name="to" value={to} />
      {trainingDate && <Field name="trainedOn" id={`${id}-trainedOn`} type="date" label={t("trainedOn")} hint={t("trainedOnHint")} error={m(errors.trainedOn)} defaultValue={values.trainedOn} />}
      {reason && <Field name="reason" id={`${id}-reason`} label={t("reason")} error={m(errors.reason)} defaultValue={values.reason} autoComplete="off" />}
      <button className={`usa-button${to === "REVOKED" || to === "SUSPENDED" ? " usa-button--secondary" : ""}`} type="submit" disabled={pending}>
        {t(`to.${label}`)}
      </button>
    </form>
  );
}
