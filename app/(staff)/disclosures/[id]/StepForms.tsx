"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, FormAlert, SelectField, TextAreaField } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { FieldChoice } from "../_components/Controls";
import { confirmCallbackAction, decideRequestAction, receiveWrittenAction, verifyRequestAction } from "../actions";

type Act = (prev: ActionState, formData: FormData) => Promise<ActionState>;

function useStep(act: Act) {
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(act, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  const values = state.status === "invalid" || state.status === "error" ? (state.values ?? {}) : {};
  const alert =
    state.status === "ok" ? <FormAlert kind="success">{m(state.message)}</FormAlert> : state.status === "error" ? <FormAlert kind="error">{m(state.message)}</FormAlert> : state.status === "forbidden" ? <FormAlert kind="error">{m("AppErrors.notYourStep")}</FormAlert> : null;
  return { state, formAction, pending, errors, values, alert, e: (k: string) => m(errors[k]) };
}

/** U-8: staff call the agency back on the number on file before anything else. */
export function CallbackForm({ requestId, numberOnFile }: { requestId: string; numberOnFile: string }) {
  const t = useTranslations("Disclosures");
  const s = useStep(confirmCallbackAction);
  return (
    <section aria-labelledby="callback-heading">
      <h2 id="callback-heading">{t("callbackTitle")}</h2>
      <form key={formKey(s.state)} action={s.formAction} className="usa-form usa-form--large">
        {s.alert}
        <input type="hidden" name="requestId" value={requestId} />
        <CheckboxField name="confirmed" id="callback-confirmed" label={t("callbackConfirm", { number: numberOnFile })} error={s.e("confirmed")} />
        <button className="usa-button" type="submit" disabled={s.pending}>
          {t("callbackSubmit")}
        </button>
      </form>
    </section>
  );
}

/** U-8: the signed written request that follows an emergency oral one. */
export function WrittenRequestForm({ requestId }: { requestId: string }) {
  const t = useTranslations("Disclosures");
  const s = useStep(receiveWrittenAction);
  return (
    <section aria-labelledby="written-heading">
      <h2 id="written-heading">{t("writtenTitle")}</h2>
      <form key={formKey(s.state)} action={s.formAction} className="usa-form usa-form--large">
        {s.alert}
        <input type="hidden" name="requestId" value={requestId} />
        <CheckboxField name="signed" id="written-signed" label={t("signed")} error={s.e("signed")} />
        <Field name="signerName" id="written-signerName" label={t("signerName")} hint={t("signerNameHint")} error={s.e("signerName")} defaultValue={s.values.signerName} autoComplete="off" />
        <button className="usa-button usa-button--outline" type="submit" disabled={s.pending}>
          {t("writtenSubmit")}
        </button>
      </form>
    </section>
  );
}

/** Rules 3.G: staff confirm the requester's authority for the route. */
export function VerifyForm({ requestId, courtOrder }: { requestId: string; courtOrder: boolean }) {
  const t = useTranslations("Disclosures");
  const s = useStep(verifyRequestAction);
  return (
    <section aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t("verifyTitle")}</h2>
      <form key={formKey(s.state)} action={s.formAction} className="usa-form usa-form--large">
        {s.alert}
        <input type="hidden" name="requestId" value={requestId} />
        {courtOrder && (
          <>
            <CheckboxField name="orderNamesRecipientAndParticipant" id="order-names" label={t("orderNames")} error={s.e("orderNamesRecipientAndParticipant")} defaultChecked={s.values.orderNamesRecipientAndParticipant === "yes"} />
            <CheckboxField name="orderStatesReasons" id="order-reasons" label={t("orderReasons")} error={s.e("orderStatesReasons")} defaultChecked={s.values.orderStatesReasons === "yes"} />
          </>
        )}
        <TextAreaField name="note" id="verify-note" label={t("verifyNote")} hint={t("verifyNoteHint")} error={s.e("note")} defaultValue={s.values.note} />
        <button className="usa-button" type="submit" disabled={s.pending}>
          {t("verifySubmit")}
        </button>
      </form>
    </section>
  );
}

/** The Program Manager decides (3.G): release some or all of the requested fields, or refuse with reasons. */
export function DecideForm({ requestId, canRelease, requested, recipient, delayAllowed }: { requestId: string; canRelease: boolean; requested: string[]; recipient: string | null; delayAllowed: boolean }) {
  const t = useTranslations("Disclosures");
  const s = useStep(decideRequestAction);
  const [decision, setDecision] = useState(s.values.decision ?? "");
  const [fields, setFields] = useState<string[]>(requested);
  const [delay, setDelay] = useState(false);
  return (
    <section aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t("decideTitle")}</h2>
      <form key={formKey(s.state)} action={s.formAction} className="usa-form usa-form--large">
        {s.alert}
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="decision"
          id="decision"
          label={t("decision")}
          error={s.e("decision")}
          value={decision}
          onChange={setDecision}
          placeholder={t("choose")}
          options={[...(canRelease ? [{ value: "RELEASE", label: t("decisions.RELEASE") }] : []), { value: "REFUSE", label: t("decisions.REFUSE") }]}
        />
        {decision === "RELEASE" && (
          <>
            <FieldChoice name="fields" idPrefix="release-fields" legend={t("releaseFields")} error={s.e("fields")} value={fields} onChange={setFields} options={requested.map((f) => ({ value: f, label: t(`fields.${f as "residence"}`) }))} />
            <p className="usa-hint" data-testid="release-method">
              {recipient ? t("releaseOnline", { recipient }) : t("releaseLetter")}
            </p>
            {delayAllowed && (
              <>
                <CheckboxField name="delayNotice" id="delayNotice" label={t("delayNotice")} error={s.e("delayNotice")} checked={delay} onChange={setDelay} />
                {delay && <Field name="delayReason" id="delayReason" label={t("delayReason")} hint={t("delayReasonHint")} error={s.e("delayReason")} defaultValue={s.values.delayReason} autoComplete="off" />}
              </>
            )}
          </>
        )}
        <TextAreaField name="reasons" id="decide-reasons" label={decision === "REFUSE" ? t("reasonsRequired") : t("reasonsOptional")} hint={t("reasonsHint")} error={s.e("reasons")} defaultValue={s.values.reasons} />
        <button className="usa-button" type="submit" disabled={s.pending}>
          {t("decideSubmit")}
        </button>
      </form>
    </section>
  );
}
