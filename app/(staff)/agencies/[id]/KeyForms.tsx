"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { createKeyAction, revokeKeyAction } from "../actions";

export function CreateKeyForm({ agencyId }: { agencyId: string }) {
  const t = useTranslations("Agencies");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState<{ key: string }>, FormData>(createKeyAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.errors : {};
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && state.data && (
        <div className="usa-alert usa-alert--warning" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("keyOnce")}</p>
            <code className="acp-api-key" data-testid="new-api-key">
              {state.data.key}
            </code>
          </div>
        </div>
      )}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field name="label" id="key-label" label={t("keyLabel")} hint={t("keyLabelHint")} error={m(errors.label)} autoComplete="off" />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("createKey")}
      </button>
    </form>
  );
}

export function RevokeKeyButton({ agencyId, keyId, label }: { agencyId: string; keyId: string; label: string }) {
  const t = useTranslations("Agencies");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(revokeKeyAction, { status: "idle" });
  return (
    <form action={formAction}>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="keyId" value={keyId} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending} aria-label={t("revokeNamed", { label })}>
        {t("revoke")}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
