"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { REQUESTABLE_DOCUMENTS } from "@/lib/applications/evidence-rules";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { decideAction } from "../actions";

const NEEDS_REASONS: ApplicationStatus[] = ["AWAITING_DOCUMENTS", "DENIED"];

/** The next steps open to this staff member (lib/applications/status.ts decides which). */
export function DecisionForm({ applicationId, steps }: { applicationId: string; steps: ApplicationStatus[] }) {
  const t = useTranslations("Review");
  const a = useTranslations("Applications");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideAction, { status: "idle" });
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.status === "invalid" ? state.errors : {};
  const [to, setTo] = useState<string>(values.to ?? "");
  const [docs, setDocs] = useState<string[]>(values.documents ? values.documents.split(",") : []);
  if (steps.length === 0) {
    return (
      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t("decideTitle")}</h2>
        {state.status === "ok" && <FormAlert kind="success">{t("decided")}</FormAlert>}
        <p>{t("noStep")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t("decideTitle")}</h2>
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "ok" && <FormAlert kind="success">{t("decided")}</FormAlert>}
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <input type="hidden" name="applicationId" value={applicationId} />
        <SelectField name="to" id="decide-to" label={t("nextStep")} error={m(errors.to)} value={to} onChange={setTo} placeholder={t("chooseStep")} options={steps.map((s) => ({ value: s, label: t(`steps.${s as "CERTIFIED"}`) }))} />
        {to === "AWAITING_DOCUMENTS" && (
          <fieldset className={`usa-fieldset usa-form-group${errors.documents ? " usa-form-group--error" : ""}`}>
            <legend className="usa-legend">{t("documentsLegend")}</legend>
            {errors.documents && <span className="usa-error-message">{m(errors.documents)}</span>}
            <input type="hidden" name="documents" value={docs.join(",")} />
            {REQUESTABLE_DOCUMENTS.map((d) => (
              <div className="usa-checkbox" key={d}>
                <input className="usa-checkbox__input" type="checkbox" id={`doc-${d}`} checked={docs.includes(d)} onChange={(e) => setDocs((x) => (e.target.checked ? [...x, d] : x.filter((y) => y !== d)))} />
                <label className="usa-checkbox__label" htmlFor={`doc-${d}`}>
                  {a(`documents.${d}`)}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <div className={`usa-form-group${errors.reasons ? " usa-form-group--error" : ""}`}>
          <label className="usa-label" htmlFor="decide-reasons">
            {NEEDS_REASONS.includes(to as ApplicationStatus) || to === "UNDER_REVIEW" ? t("reasonsRequired") : t("reasonsOptional")}
          </label>
          <span className="usa-hint" id="decide-reasons-hint">{t("reasonsHint")}</span>
          {errors.reasons && <span className="usa-error-message" id="decide-reasons-error">{m(errors.reasons)}</span>}
          <textarea className="usa-textarea" id="decide-reasons" name="reasons" defaultValue={values.reasons} aria-describedby={`decide-reasons-hint${errors.reasons ? " decide-reasons-error" : ""}`} />
        </div>
        <button className="usa-button" type="submit" disabled={pending}>
          {t("record")}
        </button>
      </form>
    </section>
  );
}
