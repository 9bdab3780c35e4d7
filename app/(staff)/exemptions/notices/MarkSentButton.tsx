"use client";

import { useActionState } from "react";
import { useFormMessage } from "@/components/form/use-form-message";
import type { ActionState } from "@/lib/action-state";
import { markNoticeSentAction } from "../actions";

/** U-16: record that the letter to the participant is in the mail. */
export function MarkSentButton({ noticeId, label }: { noticeId: string; label: string }) {
  const m = useFormMessage();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(markNoticeSentAction, { status: "idle" });
  return (
    <form action={formAction}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="confirm" value="sent" />
      <button className="usa-button usa-button--outline" type="submit" disabled={pending || state.status === "ok"}>
        {state.status === "ok" ? m(state.message) : label}
      </button>
      {state.status === "error" && <span className="usa-error-message">{m(state.message)}</span>}
    </form>
  );
}
