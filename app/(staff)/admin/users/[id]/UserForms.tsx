"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { FormAlert } from "@/components/form/Field";
import { formKey, type ActionState } from "@/lib/action-state";
import { ROLES } from "@/lib/auth/roles";
import { updateUserAction } from "../actions";

function Result({ state }: { state: ActionState }) {
  const t = useTranslations("Admin");
  const m = useFormMessage();
  if (state.status === "ok") return <FormAlert kind="success">{t(`done.${state.message as "deactivate"}`)}</FormAlert>;
  if (state.status === "error") return <FormAlert kind="error">{m(state.message)}</FormAlert>;
  if (state.status === "invalid") return <FormAlert kind="error">{m(Object.values(state.errors)[0])}</FormAlert>;
  if (state.status === "forbidden") return <FormAlert kind="error">{m("Errors.forbiddenTitle")}</FormAlert>;
  return null;
}

export function UserForms({ userId, role, active }: { userId: string; role: string; active: boolean }) {
  const t = useTranslations("Admin");
  const roles = useTranslations("Roles");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  return (
    <div>
      <Result state={state} />
      <h2>{t("changeRole")}</h2>
      <form key={formKey(state)} action={formAction} className="usa-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="op" value="change-role" />
        <label className="usa-label" htmlFor="role">
          {t("role")}
        </label>
        <select className="usa-select" id="role" name="role" defaultValue={role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </select>
        <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
          {t("saveRole")}
        </button>
      </form>
      <h2>{t("sendReset")}</h2>
      <p>{t("sendResetText")}</p>
      <form key={formKey(state)} action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="op" value="send-reset" />
        <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
          {t("sendReset")}
        </button>
      </form>
      <h2>{t("resetMfa")}</h2>
      <p>{t("resetMfaText")}</p>
      <form key={formKey(state)} action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="op" value="reset-mfa" />
        <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
          {t("resetMfa")}
        </button>
      </form>
      <h2>{active ? t("deactivate") : t("reactivate")}</h2>
      {active && <p>{t("deactivateText")}</p>}
      <form key={formKey(state)} action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="op" value={active ? "deactivate" : "reactivate"} />
        <button className={`usa-button${active ? " usa-button--secondary" : ""}`} type="submit" disabled={pending}>
          {active ? t("deactivate") : t("reactivate")}
        </button>
      </form>
    </div>
  );
}
