"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { REVEAL_PURPOSES } from "@/lib/audit/events";
import type { Track } from "@/lib/db/generated/enums";
import { revealAnswersAction } from "../actions";

/** SEC-05: the answers stay masked until a purpose and a note are given (and the second factor is fresh). */
export function RevealAnswers({ applicationId }: { applicationId: string; track: Track }) {
  const t = useTranslations("Review");
  const p = useTranslations("Participants");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState<{ values: Record<string, string> }>, FormData>(revealAnswersAction, { status: "idle" });
  if (state.status === "ok" && state.data) {
    return (
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("answersTitle")}</h2>
        <dl className="acp-facts acp-revealed">
          {Object.entries(state.data.values)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className="acp-revealed__value">{v}</dd>
              </div>
            ))}
        </dl>
        <p className="usa-hint">{p("revealed")}</p>
      </section>
    );
  }
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <details className="acp-reveal">
      <summary>{t("revealAnswers")}</summary>
      <form key={formKey(state)} action={formAction} className="usa-form">
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <input type="hidden" name="applicationId" value={applicationId} />
        <SelectField name="purpose" id="answers-purpose" label={p("purpose")} error={m(errors.purpose)} defaultValue={values.purpose ?? "APPLICATION_REVIEW"} placeholder={p("choosePurpose")} options={REVEAL_PURPOSES.map((x) => ({ value: x, label: p(`purposes.${x}`) }))} />
        <Field name="reason" id="answers-reason" label={p("reason")} hint={p("reasonHint")} error={m(errors.reason)} defaultValue={values.reason} autoComplete="off" />
        <Field name="code" id="answers-code" label={p("code")} hint={p("codeHint")} error={m(errors.code)} inputMode="numeric" autoComplete="one-time-code" />
        <button className="usa-button usa-button--secondary" type="submit" disabled={pending}>
          {p("reveal")}
        </button>
      </form>
    </details>
  );
}
