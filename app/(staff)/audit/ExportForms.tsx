"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { approveExportAction, requestExportAction } from "./actions";

export function RequestExportForm({ filters }: { filters: Record<string, string | undefined> }) {
  const t = useTranslations("Audit");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(requestExportAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction} className="usa-form usa-form--large">
      {state.status === "ok" && <FormAlert kind="success">{t(state.message === "ready" ? "ready" : "requested")}</FormAlert>}
      {state.status === "error" && <FormAlert kind="error">{state.message}</FormAlert>}
      {Object.entries(filters).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <Field name="overrideReason" label={t("override")} hint={t("overrideHint")} error={state.status === "invalid" ? state.errors.overrideReason : undefined} autoComplete="off" />
      <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
        {t("requestExport")}
      </button>
    </form>
  );
}

export function ApproveButton({ exportId }: { exportId: string }) {
  const t = useTranslations("Audit");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(approveExportAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction}>
      <input type="hidden" name="exportId" value={exportId} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending}>
        {t("approve")}
      </button>
      {state.status === "error" && <span className="usa-error-message">{state.message}</span>}
    </form>
  );
}
