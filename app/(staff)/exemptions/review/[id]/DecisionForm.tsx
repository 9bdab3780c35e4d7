"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, SelectField, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { decideAction, decideAppealAction } from "../../actions";

type Msg = (m?: string) => string | undefined;

/** §4 [V]: the two parts of the test, answered yes or no, and the written findings (rules §5 item 3). */
function FindingsFields({ errors, values, m, id }: { errors: Record<string, string>; values: Record<string, string>; m: Msg; id: string }) {
  const t = useTranslations("Exemptions.decide");
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend usa-legend--large">{t("testLegend")}</legend>
      <p className="usa-hint">{t("testHint")}</p>
      <SelectField name="findingBonaFideNeed" id={`${id}-bona-fide`} label={t("findingBonaFideNeed")} error={m(errors.findingBonaFideNeed)} defaultValue={values.findingBonaFideNeed} placeholder={t("choose")} options={yesNo} />
      <SelectField name="findingUseLimited" id={`${id}-use-limited`} label={t("findingUseLimited")} error={m(errors.findingUseLimited)} defaultValue={values.findingUseLimited} placeholder={t("choose")} options={yesNo} />
      <TextAreaField name="findings" id={`${id}-findings`} label={t("findings")} hint={t("findingsHint")} error={m(errors.findings)} defaultValue={values.findings} />
    </fieldset>
  );
}

/** 131.07(5) [P]; U-9: the conditions of a grant, with its term (default from the settings) and purge date. */
function ConditionFields({ errors, values, m, id, defaultTerm, accessDefault }: { errors: Record<string, string>; values: Record<string, string>; m: Msg; id: string; defaultTerm: string; accessDefault: string }) {
  const t = useTranslations("Exemptions.decide");
  return (
    <fieldset className="usa-fieldset" data-testid="grant-conditions">
      <legend className="usa-legend usa-legend--large">{t("conditionsLegend")}</legend>
      <TextAreaField name="confidentialityDuties" id={`${id}-duties`} label={t("confidentialityDuties")} hint={t("confidentialityDutiesHint")} error={m(errors.confidentialityDuties)} defaultValue={values.confidentialityDuties} />
      <TextAreaField name="useAndAccessLimits" id={`${id}-access`} label={t("useAndAccessLimits")} hint={t("useAndAccessLimitsHint")} error={m(errors.useAndAccessLimits)} defaultValue={values.useAndAccessLimits ?? accessDefault} />
      <TextAreaField name="recordFormat" id={`${id}-format`} label={t("recordFormat")} hint={t("recordFormatHint")} error={m(errors.recordFormat)} defaultValue={values.recordFormat} />
      <Field name="termEndsOn" id={`${id}-term`} type="date" label={t("termEndsOn")} hint={t("termEndsOnHint")} error={m(errors.termEndsOn)} defaultValue={values.termEndsOn ?? defaultTerm} />
      <Field name="purgeOn" id={`${id}-purge`} type="date" label={t("purgeOn")} hint={t("purgeOnHint")} error={m(errors.purgeOn)} defaultValue={values.purgeOn} />
    </fieldset>
  );
}

function Alerts({ state, m }: { state: ActionState; m: Msg }) {
  const t = useTranslations("Exemptions.decide");
  if (state.status === "invalid") return <FormAlert kind="error">{t("fixErrors")}</FormAlert>;
  if (state.status === "error") return <FormAlert kind="error">{m(state.message)}</FormAlert>;
  if (state.status === "ok") return <FormAlert kind="success">{m(state.message)}</FormAlert>;
  return null;
}

/** The Program Manager's determination (131.07(4)–(5) [P]). */
export function DecisionForm({ requestId, canGrant, defaultTerm, accessDefault }: { requestId: string; canGrant: boolean; defaultTerm: string; accessDefault: string }) {
  const t = useTranslations("Exemptions.decide");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const [outcome, setOutcome] = useState(values.outcome ?? "");
  return (
    <section aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t("title")}</h2>
      <p>{t("intro")}</p>
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        <Alerts state={state} m={m} />
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="outcome"
          id="decide-outcome"
          label={t("outcome")}
          error={m(errors.outcome ?? errors.requestId)}
          value={outcome}
          onChange={setOutcome}
          placeholder={t("choose")}
          options={[...(canGrant ? [{ value: "GRANTED", label: t("grant") }] : []), { value: "WITHHELD", label: t("withhold") }]}
        />
        <FindingsFields errors={errors} values={values} m={m} id="decide" />
        <TextAreaField name="reasons" id="decide-reasons" label={t("reasons")} hint={t("reasonsHint")} error={m(errors.reasons)} defaultValue={values.reasons} />
        {outcome === "GRANTED" && <ConditionFields errors={errors} values={values} m={m} id="decide" defaultTerm={defaultTerm} accessDefault={accessDefault} />}
        <button className="usa-button" type="submit" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}

/**
 * The reconsideration (U-9), for the reviewer the configuration names. Upholding needs reasons;
 * changing is a new determination (findings, and for a grant every condition).
 */
export function AppealDecisionForm({ requestId, appealedFrom, defaultTerm, accessDefault }: { requestId: string; appealedFrom: "GRANTED" | "WITHHELD"; defaultTerm: string; accessDefault: string }) {
  const t = useTranslations("Exemptions.decide");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideAppealAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const [outcome, setOutcome] = useState(values.outcome ?? "");
  return (
    <section aria-labelledby="appeal-heading">
      <h2 id="appeal-heading">{t("appealTitle")}</h2>
      <p>{appealedFrom === "GRANTED" ? t("appealIntroGranted") : t("appealIntroWithheld")}</p>
      <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
        <Alerts state={state} m={m} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="appealedFrom" value={appealedFrom} />
        <SelectField
          name="outcome"
          id="appeal-outcome"
          label={t("appealOutcome")}
          error={m(errors.outcome ?? errors.requestId ?? errors.appealedFrom)}
          value={outcome}
          onChange={setOutcome}
          placeholder={t("choose")}
          options={[
            { value: "UPHELD", label: appealedFrom === "GRANTED" ? t("upholdGrant") : t("upholdWithhold") },
            { value: "CHANGED", label: appealedFrom === "GRANTED" ? t("changeToWithhold") : t("changeToGrant") },
          ]}
        />
        <TextAreaField name="reasons" id="appeal-reasons" label={t("reasons")} hint={t("reasonsHint")} error={m(errors.reasons)} defaultValue={values.reasons} />
        {outcome === "CHANGED" && <FindingsFields errors={errors} values={values} m={m} id="appeal" />}
        {outcome === "CHANGED" && appealedFrom === "WITHHELD" && <ConditionFields errors={errors} values={values} m={m} id="appeal" defaultTerm={defaultTerm} accessDefault={accessDefault} />}
        <button className="usa-button" type="submit" disabled={pending}>
          {t("appealSubmit")}
        </button>
      </form>
    </section>
  );
}
