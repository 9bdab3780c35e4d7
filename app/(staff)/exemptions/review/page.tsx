import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { exemptionQueue } from "@/lib/exemptions/queries";
import { queueFilterSchema } from "@/lib/exemptions/schema";
import { DECISION_TARGET_DAYS, EXEMPTION_STATUSES } from "@/lib/exemptions/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("queueTitle") };
}

/** The staff queue of exemption requests: oldest first, days open, the 30-day target flagged (U-9). */
export default async function ExemptionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/exemptions/review"))!;
  const t = await getTranslations("Exemptions");
  const format = await getFormatter();
  const raw = await searchParams;
  const f = queueFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const queue = await exemptionQueue(db(), user, f);
  const link = (page: number) => `/exemptions/review?${new URLSearchParams({ ...(f.status ? { status: f.status } : {}), page: String(page) }).toString()}`;
  return (
    <div className="grid-container">
      <h1>{t("queueTitle")}</h1>
      <p className="usa-intro">{t("queueIntro", { days: DECISION_TARGET_DAYS })}</p>
      <ul className="usa-list usa-list--unstyled acp-inline-form">
        <li>
          <Link href="/exemptions/register">{t("registerLink")}</Link>
        </li>
        <li>
          <Link href="/exemptions/notices">{t("noticesLink")}</Link>
        </li>
      </ul>
      <form method="get" className="usa-form acp-inline-form" aria-label={t("filters")}>
        <label className="usa-label" htmlFor="status">
          {t("colStatus")}
        </label>
        <select className="usa-select" id="status" name="status" defaultValue={f.status ?? ""}>
          <option value="">{t("openRequests")}</option>
          {EXEMPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <button className="usa-button" type="submit">
          {t("apply")}
        </button>
      </form>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("queueCaption", { total: queue.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colAgency")}</th>
            <th scope="col">{t("colRecordSeries")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colReceived")}</th>
            <th scope="col">{t("colDaysOpen")}</th>
          </tr>
        </thead>
        <tbody>
          {queue.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/exemptions/review/${r.id}`}>{r.reference}</Link>
              </th>
              <td data-label={t("colAgency")}>{r.organisation.name}</td>
              <td data-label={t("colRecordSeries")}>{r.recordSeries.length > 80 ? `${r.recordSeries.slice(0, 80)}…` : r.recordSeries}</td>
              <td data-label={t("colStatus")}>{t(`status.${r.status}`)}</td>
              <td data-label={t("colReceived")}>{format.dateTime(r.submittedAt, { dateStyle: "medium", timeZone: "America/New_York" })}</td>
              <td data-label={t("colDaysOpen")}>
                {t("daysOpen", { days: r.daysOpen })}{" "}
                {r.overTarget && (
                  <span className="usa-tag usa-tag--big bg-secondary-dark" data-testid="over-target">
                    {t("overTarget", { days: DECISION_TARGET_DAYS })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="acp-pager" aria-label={t("page", { page: f.page, pages: queue.pages })}>
        <p>{t("page", { page: f.page, pages: queue.pages })}</p>
        {f.page > 1 && <Link href={link(f.page - 1)}>{t("previous")}</Link>}
        {f.page < queue.pages && <Link href={link(f.page + 1)}>{t("next")}</Link>}
      </nav>
    </div>
  );
}
