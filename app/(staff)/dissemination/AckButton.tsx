"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { acknowledgeAlertAction } from "./actions";

export function AckButton({ alertId }: { alertId: string }) {
  const t = useTranslations("Dissemination");
  const [, formAction, pending] = useActionState<ActionState, FormData>(acknowledgeAlertAction, { status: "idle" });
  return (
    <form action={formAction} className="acp-inline-form">
      <input type="hidden" name="alertId" value={alertId} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending}>
        {t("acknowledge")}
      </button>
    </form>
  );
}
