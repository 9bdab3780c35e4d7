"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useFormMessage } from "@/components/form/use-form-message";
import { Field } from "@/components/form/Field";
import { signInSchema } from "@/lib/auth/schema";

type Step = "password" | "code";

/** Two steps on one page: e-mail and password, then the authenticator code when the account has one. */
export function SignInForm({ notice, idp = false }: { notice?: "idle" | "signed-out" | "password-set"; idp?: boolean }) {
  const t = useTranslations("SignIn");
  const m = useFormMessage();
  const router = useRouter();
  const [step, setStep] = useState<Step>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password, code: step === "code" ? code : undefined });
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues) errs[String(i.path[0])] ??= i.message;
      setErrors(errs);
      return;
    }
    if (step === "code" && !/^\s*(\d{3}\s?\d{3}|[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4})\s*$/.test(code)) {
      setErrors({ code: t("codeFormat") });
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await signIn("credentials", { redirect: false, email, password, code: step === "code" ? code : "" });
    setBusy(false);
    const error = res?.error ?? null;
    if (!error && res?.ok) {
      router.replace("/account");
      router.refresh();
      return;
    }
    if (error === "MFA_REQUIRED") {
      setStep("code");
      return;
    }
    if (error === "MFA_INVALID") {
      setCode("");
      setErrors({ code: t("codeWrong") });
      return;
    }
    setStep("password");
    setCode("");
    // The same words whether the address is unknown or the password wrong (no account enumeration).
    setFormError(error === "LOCKED" ? t("locked") : t("invalid"));
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      {notice && (
        <div className="usa-alert usa-alert--info usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t(`notice.${notice}`)}</p>
          </div>
        </div>
      )}
      {formError && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{formError}</p>
          </div>
        </div>
      )}
      <fieldset className="usa-fieldset" disabled={busy}>
        <legend className="usa-legend usa-legend--large">{step === "password" ? t("legend") : t("codeLegend")}</legend>
        {step === "password" ? (
          <>
            <Field
              name="email"
              type="email"
              label={t("email")}
              error={m(errors.email)}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <Field name="password" type="password" label={t("password")} error={m(errors.password)} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </>
        ) : (
          <Field
            name="code"
            type="text"
            label={t("code")}
            hint={t("codeHint")}
            error={m(errors.code)}
            className="usa-input--medium"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
        <button className="usa-button" type="submit">
          {busy ? t("working") : step === "password" ? t("submit") : t("verify")}
        </button>
      </fieldset>
      {idp && (
        <>
          <p>{t("or")}</p>
          <button className="usa-button usa-button--outline" type="button" onClick={() => signIn("state-idp", { callbackUrl: "/account" })}>
            {t("idp")}
          </button>
        </>
      )}
    </form>
  );
}
