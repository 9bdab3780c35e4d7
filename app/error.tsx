"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

// Shows no detail of the error: messages can hold data that must not reach the screen (the log has the code).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <div className="grid-container usa-prose">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorText")}</p>
      <p>
        <button type="button" className="usa-button" onClick={() => reset()}>
          {t("tryAgain")}
        </button>
      </p>
      <p>
        <Link href="/">{t("homeLink")}</Link>
      </p>
    </div>
  );
}
