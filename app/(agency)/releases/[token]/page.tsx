import type { Metadata } from "next";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { openRelease } from "@/lib/disclosures/open-release";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("viewTitle") };
}

/**
 * The recipient's one-time view of a §5 release: exactly the released fields, once, before it
 * expires. Opening it is what uses it up (lib/disclosures/open-release.ts audits it). A token that
 * is unknown, used, expired or someone else's gets the same answer and nothing else.
 */
export default async function ReleaseViewPage({ params }: { params: Promise<{ token: string }> }) {
  const user = (await requireRoute("/releases/[token]"))!;
  const { token } = await params;
  const t = await getTranslations("Disclosures");
  const opened = await openRelease(db(), user, token);
  if (!opened) {
    return (
      <div className="grid-container usa-prose">
        <h1>{t("viewGone")}</h1>
      </div>
    );
  }
  return (
    <div className="grid-container">
      <h1>{t("viewTitle")}</h1>
      <div className="usa-alert usa-alert--warning">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t("viewWarning")}</p>
        </div>
      </div>
      <dl className="acp-facts" data-testid="released-fields">
        <dt>{t("colReference")}</dt>
        <dd>{opened.reference}</dd>
        <dt>{t("viewParticipant")}</dt>
        <dd>{opened.participantName}</dd>
        {opened.fields.map((f) => (
          <Fragment key={f.field}>
            <dt>{t(`fields.${f.field}`)}</dt>
            <dd data-field={f.field}>{f.values.length ? f.values.join("; ") : t("noneOnFile")}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}
