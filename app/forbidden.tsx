import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Errors"))("forbiddenTitle") };
}

export default async function Forbidden() {
  const t = await getTranslations("Errors");
  return (
    <div className="grid-container usa-prose">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenText")}</p>
      <p>
        <Link href="/account">{t("accountLink")}</Link>
      </p>
    </div>
  );
}
