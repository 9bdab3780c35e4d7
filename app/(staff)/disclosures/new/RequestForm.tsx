"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, FormAlert, SelectField, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { COMMISSIONER_AUTHORITY, DISCLOSURE_FIELDS, DISCLOSURE_ROUTES } from "@/lib/disclosures/fields";
import { FieldChoice } from "../_components/Controls";
import { recordRequestAction } from "../actions";

/**
 * Staff record a §5 request. The route decides which proof is asked for (rules 4.2, U-8): the
 * sections for the other routes are not shown, and the server ignores them.
 */
export function RequestForm({ agencies }: { agencies: { id: string; name: string; hasPhone: boolean }[] }) {
  const t = useTranslations("Disclosures");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(recordRequestAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const [route, setRoute] = useState(values.route ?? "");
  const [fields, setFields] = useState<string[]>(values.fields ? values.fields.split(",") : []);
  const [authority, setAuthority] = useState(values.authority ?? "");
  const [emergency, setEmergency] = useState(values.emergency === "yes");
  const e = (k: string) => m(errors[k]);
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large" noValidate>
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {state.status === "forbidden" && <FormAlert kind="error">{t("forbidden")}</FormAlert>}
      {Object.keys(errors).length > 0 && <FormAlert kind="error">{t("fixErrors")}</FormAlert>}
      <SelectField name="route" id="route" label={t("route")} hint={t("routeHint")} error={e("route")} value={route} onChange={setRoute} placeholder={t("choose")} options={DISCLOSURE_ROUTES.map((r) => ({ value: r, label: t(`routes.${r}`) }))} />
      <Field name="participantNumber" label={t("participantNumber")} hint={t("participantNumberHint")} error={e("participantNumber")} defaultValue={values.participantNumber} autoComplete="off" inputMode="numeric" />
      <FieldChoice name="fields" idPrefix="fields" legend={t("fieldsLegend")} hint={t("fieldsHint")} error={e("fields")} value={fields} onChange={setFields} options={DISCLOSURE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))} />

      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t("requesterLegend")}</legend>
        <Field name="requesterName" label={t("requesterName")} error={e("requesterName")} defaultValue={values.requesterName} autoComplete="off" />
        <Field name="requesterTitle" label={t("requesterTitle")} hint={t("requesterTitleHint")} error={e("requesterTitle")} defaultValue={values.requesterTitle} autoComplete="off" />
        <SelectField name="agencyId" id="agencyId" label={t("agency")} hint={t("agencyHint")} error={e("agencyId")} defaultValue={values.agencyId} placeholder={t("noAgency")} options={agencies.map((a) => ({ value: a.id, label: a.hasPhone ? a.name : t("agencyNoPhone", { name: a.name }) }))} />
        <Field name="requesterOrganisation" label={t("requesterOrganisation")} hint={t("requesterOrganisationHint")} error={e("requesterOrganisation")} defaultValue={values.requesterOrganisation} autoComplete="off" />
        <Field name="requesterEmail" type="email" label={t("requesterEmail")} hint={t("requesterEmailHint")} error={e("requesterEmail")} defaultValue={values.requesterEmail} autoComplete="off" />
        <TextAreaField name="reason" id="reason" label={t("reason")} hint={t("reasonHint")} error={e("reason")} defaultValue={values.reason} />
      </fieldset>

      {route === "LAW_ENFORCEMENT" && (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">{t("lawEnforcementLegend")}</legend>
          <p className="usa-hint">{t("lawEnforcementIntro")}</p>
          <CheckboxField name="emergency" id="emergency" label={t("emergency")} checked={emergency} onChange={setEmergency} />
          <CheckboxField name="signed" id="signed" label={emergency ? t("signedLater") : t("signed")} error={e("signed")} defaultChecked={values.signed === "yes"} />
          <Field name="signerName" label={t("signerName")} hint={t("signerNameHint")} error={e("signerName")} defaultValue={values.signerName} autoComplete="off" />
          <Field name="callbackNumber" type="tel" label={t("callbackNumber")} hint={t("callbackNumberHint")} error={e("callbackNumber")} defaultValue={values.callbackNumber} autoComplete="off" />
          <Field name="namedOfficer" label={t("namedOfficer")} hint={t("namedOfficerHint")} error={e("namedOfficer")} defaultValue={values.namedOfficer} autoComplete="off" />
        </fieldset>
      )}

      {route === "AGENCY_COMMISSIONER" && (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">{t("commissionerLegend")}</legend>
          <SelectField name="authority" id="authority" label={t("authority")} error={e("authority")} value={authority} onChange={setAuthority} placeholder={t("choose")} options={COMMISSIONER_AUTHORITY.map((a) => ({ value: a, label: t(`authorities.${a}`) }))} />
          {authority === "DESIGNEE" && <Field name="designation" label={t("designation")} hint={t("designationHint")} error={e("designation")} defaultValue={values.designation} autoComplete="off" />}
          <TextAreaField name="needShown" id="needShown" label={t("needShown")} hint={t("needShownHint")} error={e("needShown")} defaultValue={values.needShown} />
        </fieldset>
      )}

      {route === "COURT_ORDER" && (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">{t("courtOrderLegend")}</legend>
          <div className={`usa-form-group${errors.courtOrder ? " usa-form-group--error" : ""}`}>
            <label className="usa-label" htmlFor="courtOrder">
              {t("courtOrder")}
            </label>
            <span className="usa-hint" id="courtOrder-hint">
              {t("courtOrderHint")}
            </span>
            {errors.courtOrder && (
              <span className="usa-error-message" id="courtOrder-error">
                {e("courtOrder")}
              </span>
            )}
            <input className="usa-file-input" id="courtOrder" name="courtOrder" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby={`courtOrder-hint${errors.courtOrder ? " courtOrder-error" : ""}`} />
          </div>
        </fieldset>
      )}

      {route === "FALSE_INFORMATION" && (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">{t("falseInformationLegend")}</legend>
          <CheckboxField name="falseInformationConfirmed" id="falseInformationConfirmed" label={t("falseInformationConfirmed")} error={e("falseInformationConfirmed")} defaultChecked={values.falseInformationConfirmed === "yes"} />
        </fieldset>
      )}

      <button className="usa-button" type="submit" disabled={pending}>
        {t("recordSubmit")}
      </button>
    </form>
  );
}
