"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field, FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { approveExportAction, requestExportAction } from "./actions";

export function RequestExportForm({ filters }: { filters: Record<string, string | undefined> }) {
  const t = useTranslations("Audit");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(requestExportAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && <FormAlert kind="success">{t(state.message === "ready" ? "ready" : "requested")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      {Object.entries(filters).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <Field name="overrideReason" label={t("override")} hint={t("overrideHint")} error={state.status === "invalid" ? m(state.errors.overrideReason) : undefined} autoComplete="off" />
      <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
        {t("requestExport")}
      </button>
    </form>
  );
}

export function ApproveButton({ exportId }: { exportId: string }) {
  const t = useTranslations("Audit");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(approveExportAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction}>
      <input type="hidden" name="exportId" value={exportId} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending}>
        {t("approve")}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
