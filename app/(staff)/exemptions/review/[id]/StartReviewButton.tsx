"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { startReviewAction } from "../../actions";

/** 3.F: SUBMITTED → UNDER_REVIEW. */
export function StartReviewButton({ requestId }: { requestId: string }) {
  const t = useTranslations("Exemptions");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startReviewAction, { status: "idle" });
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">{t("start.title")}</h2>
      <form action={formAction}>
        {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="confirm" value="start" />
        <button className="usa-button" type="submit" disabled={pending}>
          {t("start.submit")}
        </button>
      </form>
    </section>
  );
}
