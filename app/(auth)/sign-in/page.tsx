import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { oidcConfigured } from "@/lib/auth/next-auth";
import { programSettings } from "@/lib/config/program";
import { SignInForm } from "./SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignIn"))("title") };
}

const NOTICES = ["idle", "signed-out", "password-set"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireRoute("/sign-in");
  if (user) redirect("/account");
  const t = await getTranslations("SignIn");
  const { notice } = await searchParams;
  const p = programSettings();
  return (
    <div className="grid-container">
      <div className="grid-row">
        <div className="tablet:grid-col-8 desktop:grid-col-6">
          <h1>{t("title")}</h1>
          <p className="usa-intro">{t("intro")}</p>
          <SignInForm notice={NOTICES.find((n) => n === notice)} idp={oidcConfigured()} />
          <p>{t("help", { phone: p.phone })}</p>
          <p>
            {t("healthCareSignUp")} <Link href="/sign-up">{t("signUpLink")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
