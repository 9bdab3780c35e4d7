"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, SelectField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { createAgencyAction, updateAgencyAction } from "./actions";

export interface AgencyValues {
  id?: string;
  name: string;
  kind: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** Add an agency, or change one's name and contacts (the phone on file is the law-enforcement callback number, U-8). */
export function AgencyForm({ agency }: { agency?: AgencyValues }) {
  const t = useTranslations("Agencies");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(agency ? updateAgencyAction : createAgencyAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values: Record<string, string | undefined> = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : { name: agency?.name, kind: agency?.kind, contactName: agency?.contactName ?? "", contactEmail: agency?.contactEmail ?? "", contactPhone: agency?.contactPhone ?? "" };
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && <FormAlert kind="success">{t("saved")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {agency?.id && <input type="hidden" name="agencyId" value={agency.id} />}
      <Field name="name" id={agency ? "edit-name" : "new-name"} label={t("name")} error={m(errors.name)} defaultValue={values.name} autoComplete="off" />
      <SelectField name="kind" id={agency ? "edit-kind" : "new-kind"} label={t("kind")} error={m(errors.kind)} defaultValue={values.kind} placeholder={t("choose")} options={[{ value: "STATE_AGENCY", label: t("kinds.STATE_AGENCY") }, { value: "LOCAL_AGENCY", label: t("kinds.LOCAL_AGENCY") }]} />
      <Field name="contactName" id={agency ? "edit-contactName" : "new-contactName"} label={t("contactName")} error={m(errors.contactName)} defaultValue={values.contactName} autoComplete="off" />
      <Field name="contactEmail" id={agency ? "edit-contactEmail" : "new-contactEmail"} type="email" label={t("contactEmail")} error={m(errors.contactEmail)} defaultValue={values.contactEmail} autoComplete="off" />
      <Field name="contactPhone" id={agency ? "edit-contactPhone" : "new-contactPhone"} type="tel" label={t("contactPhone")} hint={t("contactPhoneHint")} error={m(errors.contactPhone)} defaultValue={values.contactPhone} autoComplete="off" />
      <button className="usa-button" type="submit" disabled={pending}>
        {agency ? t("save") : t("add")}
      </button>
    </form>
  );
}
