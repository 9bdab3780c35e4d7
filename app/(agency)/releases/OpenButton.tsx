"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/Field";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { openReleaseAction } from "./actions";

/**
 * Opens a release in a full page load: the view is shown once, so it must not be fetched twice
 * (prefetched, or rendered for a client transition and again on arrival).
 */
export function OpenButton({ releaseId, reference }: { releaseId: string; reference: string }) {
  const t = useTranslations("Disclosures");
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState<{ path: string }>, FormData>(openReleaseAction, { status: "idle" });
  const path = state.status === "ok" ? state.data?.path : undefined;
  useEffect(() => {
    if (path) window.location.assign(path);
  }, [path]);
  return (
    <form action={formAction}>
      {state.status === "error" && <FormAlert kind="error">{m(state.message)}</FormAlert>}
      <input type="hidden" name="releaseId" value={releaseId} />
      <button className="usa-button" type="submit" disabled={pending || !!path} aria-label={t("openReleaseFor", { reference })}>
        {t("openRelease")}
      </button>
    </form>
  );
}
