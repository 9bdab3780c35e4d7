"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { formKey, type ActionState } from "@/lib/action-state";
import { designateRevealAction } from "../users/actions";

export function DesignateForm({ userId, designated, name }: { userId: string; designated: boolean; name: string }) {
  const t = useTranslations("Admin");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(designateRevealAction, { status: "idle" });
  return (
    <form key={formKey(state)} action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="designated" value={designated ? "no" : "yes"} />
      <button className="usa-button usa-button--unstyled" type="submit" disabled={pending} aria-label={`${designated ? t("undesignate") : t("designate")}: ${name}`}>
        {designated ? t("undesignate") : t("designate")}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
