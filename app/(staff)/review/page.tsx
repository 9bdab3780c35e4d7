import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OPEN_STATUSES, queueFilterSchema, reviewQueue } from "@/lib/applications/queue";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AssignButton } from "./AssignButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Review"))("title") };
}

const AGES = [7, 14, 30, 60];

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/review"))!;
  const t = await getTranslations("Review");
  const raw = await searchParams;
  const f = queueFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const now = new Date();
  const [queue, organisations, staff] = await Promise.all([
    reviewQueue(db(), user, f, now),
    db().organisation.findMany({ where: { assistants: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().user.findMany({ where: { role: { in: ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"] } }, select: { id: true, displayName: true } }),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const link = (page: number) =>
    `/review?${new URLSearchParams(Object.entries({ ...f, page: String(page) }).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]]))).toString()}`;
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <form method="get" className="usa-form usa-form--large acp-filters" aria-label={t("filters")}>
        <label className="usa-label" htmlFor="status">{t("status")}</label>
        <select className="usa-select" id="status" name="status" defaultValue={f.status ?? ""}>
          <option value="">{t("anyStatus")}</option>
          {OPEN_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`statuses.${s}`)}</option>
          ))}
        </select>
        <label className="usa-label" htmlFor="track">{t("track")}</label>
        <select className="usa-select" id="track" name="track" defaultValue={f.track ?? ""}>
          <option value="">{t("anyTrack")}</option>
          <option value="SURVIVOR">{t("tracks.SURVIVOR")}</option>
          <option value="HEALTH_CARE">{t("tracks.HEALTH_CARE")}</option>
        </select>
        <label className="usa-label" htmlFor="organisationId">{t("organisation")}</label>
        <select className="usa-select" id="organisationId" name="organisationId" defaultValue={f.organisationId ?? ""}>
          <option value="">{t("anyOrganisation")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
        <label className="usa-label" htmlFor="olderThanDays">{t("olderThan")}</label>
        <select className="usa-select" id="olderThanDays" name="olderThanDays" defaultValue={f.olderThanDays ? String(f.olderThanDays) : ""}>
          <option value="">{t("anyAge")}</option>
          {AGES.map((d) => (
            <option key={d} value={d}>{t("days", { days: d })}</option>
          ))}
        </select>
        <label className="usa-label" htmlFor="assigned">{t("assigned")}</label>
        <select className="usa-select" id="assigned" name="assigned" defaultValue={f.assigned ?? ""}>
          <option value="">{t("anyone")}</option>
          <option value="me">{t("me")}</option>
          <option value="nobody">{t("nobody")}</option>
        </select>
        <label className="usa-label" htmlFor="sort">{t("sort")}</label>
        <select className="usa-select" id="sort" name="sort" defaultValue={f.sort}>
          <option value="oldest">{t("oldest")}</option>
          <option value="newest">{t("newest")}</option>
        </select>
        <button className="usa-button" type="submit">{t("apply")}</button>
      </form>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption", { total: queue.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colApplicant")}</th>
            <th scope="col">{t("colTrack")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colOrganisation")}</th>
            <th scope="col">{t("colWaiting")}</th>
            <th scope="col">{t("colAssigned")}</th>
          </tr>
        </thead>
        <tbody>
          {queue.rows.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/review/${a.id}`}>{a.reference}</Link>
              </th>
              <td data-label={t("colApplicant")}>{a.applicantLastName}, {a.applicantFirstName}</td>
              <td data-label={t("colTrack")}>{t(`tracks.${a.track}`)}</td>
              <td data-label={t("colStatus")}>{t(`statuses.${a.status as (typeof OPEN_STATUSES)[number]}`)}</td>
              <td data-label={t("colOrganisation")}>{a.assistant?.organisation.name ?? t("healthCare")}</td>
              <td data-label={t("colWaiting")}>{a.submittedAt ? t("waitingDays", { days: Math.floor((now.getTime() - a.submittedAt.getTime()) / 86_400_000) }) : ""}</td>
              <td data-label={t("colAssigned")}>
                {a.assignedToUserId === user.id ? t("you") : a.assignedToUserId ? (names.get(a.assignedToUserId) ?? "") : t("unassigned")}
                <AssignButton applicationId={a.id} mine={a.assignedToUserId === user.id} reference={a.reference} />
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
