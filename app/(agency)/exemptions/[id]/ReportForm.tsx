"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { reportParticipantsAction } from "../actions";

/**
 * U-16: the agency lists the participant numbers whose records it holds under the grant. The answer
 * is the same whatever matched: it never says whether a number belongs to a participant.
 */
export function ReportForm({ requestId }: { requestId: string }) {
  const t = useTranslations("Exemptions.report");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(reportParticipantsAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t("title")}</h2>
      <p>{t("intro")}</p>
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "ok" && <FormAlert kind="success">{m(state.message)}</FormAlert>}
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <input type="hidden" name="requestId" value={requestId} />
        <TextAreaField name="numbers" id="report-numbers" label={t("label")} hint={t("hint")} error={m(errors.numbers ?? errors.requestId)} defaultValue={values.numbers} autoComplete="off" />
        <button className="usa-button" type="submit" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
