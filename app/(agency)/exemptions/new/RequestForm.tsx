"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, FormAlert, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { FilesField } from "@/components/exemptions/fields";
import { formKey, type ActionState } from "@/lib/action-state";
import { fileRequestAction } from "../actions";

/** The request form (131.07(1) [P]). A mistake is named beside its field; what was typed stays. */
export function RequestForm() {
  const t = useTranslations("Exemptions.form");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(fileRequestAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large" noValidate>
      {state.status === "invalid" && <FormAlert kind="error">{t("fixErrors")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {state.status === "forbidden" && <FormAlert kind="error">{m("Errors.forbiddenText")}</FormAlert>}
      <TextAreaField name="statuteOrRule" id="ex-statute" label={t("statuteOrRule")} hint={t("statuteOrRuleHint")} error={m(errors.statuteOrRule)} defaultValue={values.statuteOrRule} />
      <TextAreaField name="recordSeries" id="ex-records" label={t("recordSeries")} hint={t("recordSeriesHint")} error={m(errors.recordSeries)} defaultValue={values.recordSeries} />
      <TextAreaField name="namedIndividuals" id="ex-people" label={t("namedIndividuals")} hint={t("namedIndividualsHint")} error={m(errors.namedIndividuals)} defaultValue={values.namedIndividuals} />
      <TextAreaField name="whyProceduresInsufficient" id="ex-why" label={t("whyProceduresInsufficient")} hint={t("whyProceduresInsufficientHint")} error={m(errors.whyProceduresInsufficient)} defaultValue={values.whyProceduresInsufficient} />
      <TextAreaField name="confidentialityMeasures" id="ex-measures" label={t("confidentialityMeasures")} hint={t("confidentialityMeasuresHint")} error={m(errors.confidentialityMeasures)} defaultValue={values.confidentialityMeasures} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t("certificationLegend")}</legend>
        <Field name="agencyHeadName" id="ex-head-name" label={t("agencyHeadName")} error={m(errors.agencyHeadName)} defaultValue={values.agencyHeadName} autoComplete="off" />
        <Field name="agencyHeadTitle" id="ex-head-title" label={t("agencyHeadTitle")} error={m(errors.agencyHeadTitle)} defaultValue={values.agencyHeadTitle} autoComplete="off" />
        <CheckboxField name="certified" id="ex-certified" label={t("certified")} error={m(errors.certified)} defaultChecked={values.certified === "yes"} />
      </fieldset>
      <FilesField id="ex-files" label={t("files")} hint={t("filesHint")} error={m(errors.files)} />
      <button className="usa-button" type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
