"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field, FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { confirmMfa } from "../actions";

export function ConfirmMfaForm() {
  const t = useTranslations("Mfa");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState<{ recoveryCodes: string[] }>, FormData>(confirmMfa, { status: "idle" });
  if (state.status === "ok" && state.data) {
    return (
      <div>
        <FormAlert kind="success">{t("done")}</FormAlert>
        <h2>{t("recoveryHeading")}</h2>
        <p>{t("recoveryText")}</p>
        <ul className="acp-recovery-codes">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link className="usa-button" href="/account">
            {t("continue")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form key={formKey(state)} action={formAction} className="usa-form">
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <Field
        name="code"
        label={t("codeLabel")}
        hint={t("codeHint")}
        error={state.status === "invalid" ? m(state.errors.code) : undefined}
        inputMode="numeric"
        autoComplete="one-time-code"
        className="usa-input--small"
      />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("confirm")}
      </button>
    </form>
  );
}
