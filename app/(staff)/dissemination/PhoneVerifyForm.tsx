"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import type { VerifyAnswer } from "@/lib/verification/verify-participant";
import { phoneVerifyAction } from "./actions";

/** The phone route of 130.06(3): the same confirm-only answer, read out to the caller, and logged. */
export function PhoneVerifyForm({ agencies }: { agencies: { id: string; name: string }[] }) {
  const t = useTranslations("Dissemination");
  const v = useTranslations("Verify");
  const m = useFormMessage();
  const format = useFormatter();
  const [state, formAction, pending] = useActionState<ActionState<VerifyAnswer>, FormData>(phoneVerifyAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const answer = state.status === "ok" ? state.data : undefined;
  return (
    <section aria-labelledby="phone-heading">
      <h2 id="phone-heading">{t("phoneTitle")}</h2>
      <p>{t("phoneIntro")}</p>
      {answer && (
        <div className={`usa-alert ${answer.active ? "usa-alert--success" : "usa-alert--warning"}`} role="status" data-testid="phone-answer">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{answer.active ? v("active", { date: format.dateTime(new Date(`${answer.validUntil}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) }) : v("noMatch")}</p>
          </div>
        </div>
      )}
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <SelectField name="agencyId" id="phone-agency" label={t("phoneAgency")} error={m(errors.agencyId)} defaultValue={values.agencyId} placeholder={t("phoneChoose")} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        <Field name="callerName" id="phone-caller" label={t("phoneCaller")} error={m(errors.callerName)} defaultValue={values.callerName} autoComplete="off" />
        <Field name="participantNumber" id="phone-number" label={v("number")} error={m(errors.participantNumber)} defaultValue={values.participantNumber} autoComplete="off" inputMode="numeric" />
        <Field name="lastName" id="phone-last" label={v("lastName")} error={m(errors.lastName)} defaultValue={values.lastName} autoComplete="off" />
        <Field name="dateOfBirth" id="phone-dob" type="date" label={v("dateOfBirth")} error={m(errors.dateOfBirth)} defaultValue={values.dateOfBirth} autoComplete="off" />
        <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
          {t("phoneSubmit")}
        </button>
      </form>
    </section>
  );
}
