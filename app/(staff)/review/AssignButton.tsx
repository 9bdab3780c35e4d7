"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { assignAction } from "./actions";

export function AssignButton({ applicationId, mine, reference }: { applicationId: string; mine: boolean; reference: string }) {
  const t = useTranslations("Review");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(assignAction, { status: "idle" });
  return (
    <form action={formAction}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="assign" value={mine ? "release" : "me"} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending} aria-label={`${mine ? t("release") : t("assignMe")}: ${reference}`}>
        {mine ? t("release") : t("assignMe")}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
