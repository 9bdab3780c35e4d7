import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { totpQrSvg } from "@/lib/auth/totp";
import { pendingMfaSecret } from "@/lib/accounts/account-actions";
import { db } from "@/lib/db";
import { startMfa } from "../actions";
import { ConfirmMfaForm } from "./ConfirmMfaForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Mfa"))("title") };
}

export default async function MfaPage() {
  const user = (await requireRoute("/account/mfa"))!;
  const t = await getTranslations("Mfa");
  if (user.mfaEnabled) {
    return (
      <div className="grid-container usa-prose">
        <h1>{t("title")}</h1>
        <p>{t("alreadyOn")}</p>
      </div>
    );
  }
  const secret = await pendingMfaSecret(db(), user.id);
  // The QR code is drawn on our server as SVG: the secret never leaves for another service.
  const qr = secret ? await totpQrSvg(secret, "account") : null;
  return (
    <div className="grid-container">
      <div className="usa-prose">
        <h1>{t("title")}</h1>
        <p className="usa-intro">{user.needsMfaEnrolment ? t("required") : t("offered")}</p>
      </div>
      {!secret ? (
        <form action={startMfa}>
          <button className="usa-button" type="submit">
            {t("start")}
          </button>
        </form>
      ) : (
        <>
          <ol className="usa-process-list">
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">{t("step1")}</h2>
              <p>{t("step1Text")}</p>
            </li>
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">{t("step2")}</h2>
              <div className="acp-qr" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qr! }} />
              <p>
                {t("manual")} <code className="acp-secret">{secret.match(/.{1,4}/g)!.join(" ")}</code>
              </p>
            </li>
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">{t("step3")}</h2>
              <ConfirmMfaForm />
            </li>
          </ol>
        </>
      )}
    </div>
  );
}
