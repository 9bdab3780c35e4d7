"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { participantNoticeAction } from "../actions";

/** U-16: one notice's next step: record it sent, start or renew a delay (30 days), or end the delay. */
export function NoticeForms({ requestId, reference, delayed, delayAllowed }: { requestId: string; reference: string; delayed: boolean; delayAllowed: boolean }) {
  const t = useTranslations("Disclosures");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(participantNoticeAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  return (
    <div>
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {!delayed && (
        <form action={formAction}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="op" value="sent" />
          <button className="usa-button usa-button--outline" type="submit" disabled={pending} aria-label={t("markSentFor", { reference })}>
            {t("markSent")}
          </button>
        </form>
      )}
      {delayed && (
        <form action={formAction}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="op" value="lift" />
          <button className="usa-button usa-button--outline" type="submit" disabled={pending} aria-label={t("liftDelayFor", { reference })}>
            {t("liftDelay")}
          </button>
        </form>
      )}
      {delayAllowed && (
        <details>
          <summary>{delayed ? t("renewDelay") : t("startDelay")}</summary>
          <form key={formKey(state)} action={formAction} className="usa-form">
            <input type="hidden" name="requestId" value={requestId} />
            <input type="hidden" name="op" value="delay" />
            <Field name="reason" id={`delay-reason-${requestId}`} label={t("delayReason")} hint={t("delayReasonHint")} error={m(errors.reason)} autoComplete="off" />
            <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
              {t("delaySubmit")}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
