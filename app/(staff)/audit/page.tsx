import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { AUDIT_ACTIONS, auditFilterSchema, searchAudit } from "@/lib/audit/queries";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { ApproveButton, RequestExportForm } from "./ExportForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/audit"))!;
  const t = await getTranslations("Audit");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const raw = await searchParams;
  const f = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const result = await searchAudit(db(), f);
  await recordAudit(db(), user, { action: "audit.searched", details: { resultCount: result.total } });
  const mayExport = can(user, "audit:export");
  const mayApprove = can(user, "export:approve");
  const exports = mayExport || mayApprove ? await db().exportRequest.findMany({ where: { kind: "audit" }, orderBy: { requestedAt: "desc" }, take: 20 }) : [];
  const names = new Map((await db().user.findMany({ where: { id: { in: [...new Set(result.rows.map((r) => r.actorId).concat(exports.map((e) => e.requestedById)).filter((x): x is string => !!x))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const filters = { action: f.action, from: f.from, to: f.to, actorId: f.actorId, targetId: f.targetId };
  const pageLink = (page: number) => `/audit?${new URLSearchParams(Object.entries({ ...filters, page: String(page) }).filter((e): e is [string, string] => !!e[1])).toString()}`;
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <form method="get" className="usa-form usa-form--large acp-filters" aria-label={t("filters")}>
        <label className="usa-label" htmlFor="action">
          {t("action")}
        </label>
        <select className="usa-select" id="action" name="action" defaultValue={f.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="from">
          {t("from")}
        </label>
        <input className="usa-input" type="date" id="from" name="from" defaultValue={f.from} />
        <label className="usa-label" htmlFor="to">
          {t("to")}
        </label>
        <input className="usa-input" type="date" id="to" name="to" defaultValue={f.to} />
        <label className="usa-label" htmlFor="actorId">
          {t("actor")}
        </label>
        <input className="usa-input" id="actorId" name="actorId" defaultValue={f.actorId} autoComplete="off" />
        <label className="usa-label" htmlFor="targetId">
          {t("target")}
        </label>
        <input className="usa-input" id="targetId" name="targetId" defaultValue={f.targetId} autoComplete="off" />
        <button className="usa-button" type="submit">
          {t("search")}
        </button>
      </form>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption", { total: result.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colWhen")}</th>
            <th scope="col">{t("colWho")}</th>
            <th scope="col">{t("colEvent")}</th>
            <th scope="col">{t("colOutcome")}</th>
            <th scope="col">{t("colTarget")}</th>
            <th scope="col">{t("colPurpose")}</th>
            <th scope="col">{t("colIp")}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.id.toString()}>
              <td data-label={t("colWhen")}>{format.dateTime(r.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
              <th scope="row" data-label={t("colWho")}>
                {r.actorId ? `${names.get(r.actorId) ?? r.actorId}${r.actorRole ? ` (${roles(r.actorRole)})` : ""}` : t("system")}
              </th>
              <td data-label={t("colEvent")}>
                {r.action}
                {r.details && Object.keys(r.details as object).length > 0 ? ` ${JSON.stringify(r.details)}` : ""}
              </td>
              <td data-label={t("colOutcome")}>{r.outcome}</td>
              <td data-label={t("colTarget")}>{r.targetType ? `${r.targetType} ${r.targetId}` : ""}</td>
              <td data-label={t("colPurpose")}>{[r.purpose, r.reason].filter(Boolean).join(": ")}</td>
              <td data-label={t("colIp")}>{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="acp-pager" aria-label={t("caption", { total: result.total })}>
        {f.page > 1 && <Link href={pageLink(f.page - 1)}>{t("previous")}</Link>}
        {f.page < result.pages && <Link href={pageLink(f.page + 1)}>{t("next")}</Link>}
      </nav>
      {mayExport && (
        <>
          <h2>{t("exportHeading")}</h2>
          <p>{t("exportIntro")}</p>
          <RequestExportForm filters={filters} />
        </>
      )}
      {exports.length > 0 && (
        <>
          <h2>{t("exportsHeading")}</h2>
          <table className="usa-table usa-table--borderless acp-table">
            <thead>
              <tr>
                <th scope="col">{t("colRequested")}</th>
                <th scope="col">{t("colBy")}</th>
                <th scope="col">{t("colState")}</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.requestedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td>{names.get(e.requestedById) ?? e.requestedById}</td>
                  <td>
                    {e.downloadedAt ? (
                      t("downloaded")
                    ) : e.approvedAt ? (
                      <>
                        {e.overrideReason ? t("overridden", { reason: e.overrideReason }) : t("approved")}{" "}
                        {e.requestedById === user.id && (
                          <a href={`/audit/export?id=${e.id}`} download>
                            {t("download")}
                          </a>
                        )}
                      </>
                    ) : (
                      <>
                        {t("waiting")} {mayApprove && e.requestedById !== user.id && <ApproveButton exportId={e.id} />}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
