"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { REVEAL_PURPOSES } from "@/lib/audit/events";
import type { ProtectedField } from "@/lib/participants/reveal-protected-field";
import { revealAction } from "../actions";

/** Masked until revealed; the value lives only in this component's state, never in the URL or title. */
export function RevealForm({ participantId, field }: { participantId: string; field: ProtectedField }) {
  const t = useTranslations("Participants");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState<{ values: string[] }>, FormData>(revealAction, { status: "idle" });
  const id = useId();
  if (state.status === "ok" && state.data) {
    return (
      <div className="acp-revealed">
        {state.data.values.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="usa-list usa-list--unstyled">
            {state.data.values.map((v, i) => (
              <li key={i} className="acp-revealed__value">
                {v}
              </li>
            ))}
          </ul>
        )}
        <p className="usa-hint">{t("revealed")}</p>
      </div>
    );
  }
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const fieldLabel = t(`field.${field}`);
  return (
    <details className="acp-reveal">
      <summary>{t("revealHeading", { field: fieldLabel })}</summary>
      <form key={formKey(state)} action={formAction} className="usa-form">
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        {state.status === "forbidden" && <FormAlert kind="error">{t("noPermission")}</FormAlert>}
        <input type="hidden" name="participantId" value={participantId} />
        <input type="hidden" name="field" value={field} />
        <SelectField
          name="purpose"
          id={`${id}-purpose`}
          label={t("purpose")}
          error={m(errors.purpose)}
          defaultValue={values.purpose}
          placeholder={t("choosePurpose")}
          options={REVEAL_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
        />
        <Field name="reason" id={`${id}-reason`} label={t("reason")} hint={t("reasonHint")} error={m(errors.reason)} defaultValue={values.reason} autoComplete="off" />
        <Field name="code" id={`${id}-code`} label={t("code")} hint={t("codeHint")} error={m(errors.code)} inputMode="numeric" autoComplete="one-time-code" />
        <button className="usa-button usa-button--secondary" type="submit" disabled={pending}>
          {t("reveal")}
        </button>
      </form>
    </details>
  );
}
