import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { trainingCurrent } from "@/lib/auth/training";
import { signOut, signOutEverywhereAction } from "./actions";
import { TrainingForm } from "./TrainingForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("title") };
}

export default async function AccountPage() {
  const user = (await requireRoute("/account"))!;
  const t = await getTranslations("Account");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const trained = trainingCurrent(user.trainingAcknowledgedOn);
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <dl className="acp-facts">
        <dt>{t("name")}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t("role")}</dt>
        <dd>{roles(user.role)}</dd>
        <dt>{t("mfa")}</dt>
        <dd>{user.mfaEnabled ? t("mfaOn") : <Link href="/account/mfa">{t("mfaOff")}</Link>}</dd>
        <dt>{t("training")}</dt>
        <dd>
          {user.trainingAcknowledgedOn
            ? t("trainingOn", { date: format.dateTime(user.trainingAcknowledgedOn, { dateStyle: "long", timeZone: "UTC" }) })
            : t("trainingNever")}
        </dd>
      </dl>
      {!trained && <p>{t("trainingDue")}</p>}
      <h2>{t("trainingHeading")}</h2>
      <TrainingForm />
      <h2>{t("signOutHeading")}</h2>
      <p>{t("signOutText")}</p>
      <div className="usa-button-group">
        <form action={signOut}>
          <button className="usa-button" type="submit">
            {t("signOut")}
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button className="usa-button usa-button--secondary" type="submit">
            {t("signOutEverywhere")}
          </button>
        </form>
      </div>
    </div>
  );
}
