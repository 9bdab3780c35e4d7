import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { SignUpForm } from "./SignUpForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignUp"))("title") };
}

/** §2(1)(b): health-care workers apply without an assistant, so they create their own account. */
export default async function SignUpPage() {
  await requireRoute("/sign-up");
  const t = await getTranslations("SignUp");
  return (
    <div className="grid-container">
      <div className="grid-row">
        <div className="tablet:grid-col-8 desktop:grid-col-6">
          <h1>{t("title")}</h1>
          <p className="usa-intro">{t("intro")}</p>
          <p>{t("survivors")}</p>
          {env().ACP_SELF_SIGN_UP ? <SignUpForm /> : <p>{t("off")}</p>}
          <p>
            <Link href="/sign-in">{t("haveAccount")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
