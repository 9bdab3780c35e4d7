"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { startAction } from "./actions";

export function StartButton() {
  const t = useTranslations("Applications");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startAction, { status: "idle" });
  return (
    <form action={formAction}>
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <input type="hidden" name="confirm" value="start" />
      <button className="usa-button" type="submit" disabled={pending}>
        {t("start")}
      </button>
    </form>
  );
}
