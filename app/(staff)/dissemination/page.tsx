import type { Metadata } from "next";
import Link from "next/link";
import { AGENCY_KINDS } from "@/lib/agencies/agencies";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { disseminationFilterSchema, openAlerts, searchDisseminationLog } from "@/lib/dissemination/queries";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { AckButton } from "./AckButton";
import { PhoneVerifyForm } from "./PhoneVerifyForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Dissemination"))("title") };
}

const KINDS = ["VERIFICATION", "EXEMPTION_GRANT", "ADDRESS_RELEASE", "ADDRESS_REFUSAL"] as const;

/** SEC-10: who received which information, when, why, and by which legal route. */
export default async function DisseminationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/dissemination"))!;
  const t = await getTranslations("Dissemination");
  const format = await getFormatter();
  const raw = await searchParams;
  const f = disseminationFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const [log, alerts, agencies] = await Promise.all([
    searchDisseminationLog(db(), user, f),
    openAlerts(db()),
    db().organisation.findMany({ where: { kind: { in: [...AGENCY_KINDS] } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const query = (page: number) => new URLSearchParams(Object.entries({ ...f, page: String(page) }).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]]))).toString();
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      {alerts.length > 0 && (
        <section aria-labelledby="alerts-heading" className="usa-alert usa-alert--warning">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading" id="alerts-heading">
              {t("alertsTitle")}
            </h2>
            <ul className="usa-list">
              {alerts.map((a) => (
                <li key={a.id} data-testid="staff-alert">
                  {t(`alerts.${a.kind as "verification-sweep"}`)} {a.who && `(${a.who})`} — {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" })} <AckButton alertId={a.id} />
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {can(user, "participant:verify-phone") && <PhoneVerifyForm agencies={agencies} />}
      <h2>{t("logTitle")}</h2>
      <form method="get" className="usa-form usa-form--large acp-filters" aria-label={t("filters")}>
        <label className="usa-label" htmlFor="kind">{t("kind")}</label>
        <select className="usa-select" id="kind" name="kind" defaultValue={f.kind ?? ""}>
          <option value="">{t("anyKind")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(`kinds.${k}`)}</option>
          ))}
        </select>
        <label className="usa-label" htmlFor="participantNumber">{t("participantNumber")}</label>
        <input className="usa-input" id="participantNumber" name="participantNumber" defaultValue={f.participantNumber ?? ""} autoComplete="off" inputMode="numeric" />
        <label className="usa-label" htmlFor="from">{t("from")}</label>
        <input className="usa-input" type="date" id="from" name="from" defaultValue={f.from ?? ""} />
        <label className="usa-label" htmlFor="to">{t("to")}</label>
        <input className="usa-input" type="date" id="to" name="to" defaultValue={f.to ?? ""} />
        <button className="usa-button" type="submit">{t("apply")}</button>
      </form>
      {can(user, "dissemination:export") && (
        <p>
          <a href={`/dissemination/export?${query(1)}`}>{t("export")}</a>
        </p>
      )}
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption", { total: log.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colWhen")}</th>
            <th scope="col">{t("colKind")}</th>
            <th scope="col">{t("colParticipant")}</th>
            <th scope="col">{t("colWhat")}</th>
            <th scope="col">{t("colTo")}</th>
            <th scope="col">{t("colRoute")}</th>
            <th scope="col">{t("colReason")}</th>
          </tr>
        </thead>
        <tbody>
          {log.rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("colWhen")}>{format.dateTime(r.at, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" })}</td>
              <td data-label={t("colKind")}>{t(`kinds.${r.kind}`)}</td>
              <td data-label={t("colParticipant")}>{r.participantNumber ? formatParticipantNumber(r.participantNumber) : "—"}</td>
              <td data-label={t("colWhat")}>{r.disclosed}</td>
              <td data-label={t("colTo")}>{[r.recipientName, r.recipientOrganisation].filter(Boolean).join(", ")}</td>
              <td data-label={t("colRoute")}>{r.legalRoute}</td>
              <td data-label={t("colReason")}>{r.reason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="acp-pager" aria-label={t("page", { page: f.page, pages: log.pages })}>
        <p>{t("page", { page: f.page, pages: log.pages })}</p>
        {f.page > 1 && <Link href={`/dissemination?${query(f.page - 1)}`}>{t("previous")}</Link>}
        {f.page < log.pages && <Link href={`/dissemination?${query(f.page + 1)}`}>{t("next")}</Link>}
      </nav>
    </div>
  );
}
