import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { grantsRegister, REMINDER_DAYS, type ReminderState } from "@/lib/exemptions/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("registerTitle") };
}

/**
 * The register of grants (rules §5 items 4 and 6; U-9): grants in force with their term end and purge
 * date, and ended grants whose purge date is near, each flagged when due within 30 days or overdue.
 */
export default async function GrantsRegisterPage() {
  const user = (await requireRoute("/exemptions/register"))!;
  const t = await getTranslations("Exemptions");
  const format = await getFormatter();
  const { active, ended } = await grantsRegister(db(), user);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const tag = (s: ReminderState) =>
    s && (
      <span className={`usa-tag ${s === "overdue" ? "bg-secondary-dark" : "bg-accent-warm-dark"}`} data-testid={`reminder-${s}`}>
        {s === "overdue" ? t("register.overdue") : t("register.due", { days: REMINDER_DAYS })}
      </span>
    );
  const table = (rows: typeof active, caption: string, testid: string) => (
    <table className="usa-table usa-table--borderless usa-table--stacked acp-table" data-testid={testid}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("colReference")}</th>
          <th scope="col">{t("colAgency")}</th>
          <th scope="col">{t("colRecordSeries")}</th>
          <th scope="col">{t("colStatus")}</th>
          <th scope="col">{t("colTermEnds")}</th>
          <th scope="col">{t("colPurgeBy")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" data-label={t("colReference")}>
              <Link href={`/exemptions/review/${r.id}`}>{r.reference}</Link>
            </th>
            <td data-label={t("colAgency")}>{r.organisation.name}</td>
            <td data-label={t("colRecordSeries")}>{r.recordSeries.length > 80 ? `${r.recordSeries.slice(0, 80)}…` : r.recordSeries}</td>
            <td data-label={t("colStatus")}>{t(`status.${r.status}`)}</td>
            <td data-label={t("colTermEnds")}>
              {day(r.termEndsOn)} {tag(r.termReminder)}
            </td>
            <td data-label={t("colPurgeBy")}>
              {day(r.purgeOn)} {tag(r.purgeReminder)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const reminders = [...active, ...ended].filter((r) => r.termReminder || r.purgeReminder).length;
  return (
    <div className="grid-container">
      <h1>{t("registerTitle")}</h1>
      <p className="usa-intro">{t("register.intro", { days: REMINDER_DAYS })}</p>
      <div className={`usa-alert usa-alert--slim ${reminders ? "usa-alert--warning" : "usa-alert--info"}`} data-testid="reminder-count">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t("register.reminders", { count: reminders })}</p>
        </div>
      </div>
      <h2>{t("register.activeTitle")}</h2>
      {table(active, t("register.activeCaption", { total: active.length }), "active-grants")}
      <h2>{t("register.endedTitle")}</h2>
      {table(ended, t("register.endedCaption", { total: ended.length }), "ended-grants")}
    </div>
  );
}
