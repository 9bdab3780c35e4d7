import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { releasesFor } from "@/lib/disclosures/open-release";
import { OpenButton } from "./OpenButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("releasesTitle") };
}

/** §5: what the program has released to this account holder; each release opens once, until it expires. */
export default async function ReleasesPage() {
  const user = (await requireRoute("/releases"))!;
  const t = await getTranslations("Disclosures");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  const now = new Date();
  const rows = await releasesFor(db(), user);
  return (
    <div className="grid-container">
      <h1>{t("releasesTitle")}</h1>
      <p className="usa-intro">{t("releasesIntro")}</p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table" data-testid="releases">
        <caption>{t("releasesCaption", { total: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colReleased")}</th>
            <th scope="col">{t("colExpires")}</th>
            <th scope="col">{t("colStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const waiting = !r.openedAt && !!r.expiresAt && r.expiresAt > now;
            return (
              <tr key={r.id}>
                <th scope="row" data-label={t("colReference")}>
                  {r.request.reference}
                </th>
                <td data-label={t("colReleased")}>{when(r.createdAt)}</td>
                <td data-label={t("colExpires")}>{r.expiresAt ? when(r.expiresAt) : "—"}</td>
                <td data-label={t("colStatus")}>{waiting ? <OpenButton releaseId={r.id} reference={r.request.reference} /> : r.openedAt ? t("openedAt", { at: when(r.openedAt) }) : t("expired")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p>{t("noReleases")}</p>}
    </div>
  );
}
