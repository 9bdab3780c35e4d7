import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { SetPasswordForm } from "./SetPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SetPassword"))("title") };
}

// Reached from the invite or reset e-mail. The token is random and single-use; it names no one.
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  await requireRoute("/set-password");
  const t = await getTranslations("SetPassword");
  const { token } = await searchParams;
  return (
    <div className="grid-container">
      <div className="grid-row">
        <div className="tablet:grid-col-8 desktop:grid-col-6">
          <h1>{t("title")}</h1>
          {token ? (
            <>
              <p className="usa-intro">{t("intro")}</p>
              <SetPasswordForm token={token} />
            </>
          ) : (
            <p>{t("badLink")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
