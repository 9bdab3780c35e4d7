import { getFormatter, getTranslations } from "next-intl/server";
import type { ExemptionDetail } from "@/lib/exemptions/queries";

/** Free text keeps the line breaks the writer typed. */
export const PRE = { whiteSpace: "pre-wrap" } as const;

/**
 * What a request says and what became of it, for the agency and for staff: the 131.07(1) items, the
 * determination (the §4 findings, reasons and conditions), the attachments and the history with
 * every question and answer. Staff see who took each step; the agency sees the role only.
 */
export async function RequestDetails({ request: r, audience, names }: { request: ExemptionDetail; audience: "agency" | "staff"; names?: Map<string, string> }) {
  const t = await getTranslations("Exemptions");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  // Calendar dates are stored at UTC midnight: shown in UTC so they never shift a day.
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const yesNo = (b: boolean | null) => (b === null ? "—" : b ? t("yes") : t("no"));
  const showConditions = !!r.termEndsOn && (r.status === "GRANTED" || r.status === "EXPIRED" || r.status === "REVOKED" || (r.status === "APPEALED" && r.appealedFrom === "GRANTED"));
  const step = (from: string | null, to: string | null) =>
    from === null && to === "SUBMITTED" ? t("history.filed") : to ? t("history.moved", { from: from ? t(`status.${from as "SUBMITTED"}`) : "—", to: t(`status.${to as "SUBMITTED"}`) }) : t("history.note");
  return (
    <>
      <section aria-labelledby="request-heading">
        <h2 id="request-heading">{t("details.requestTitle")}</h2>
        <dl className="acp-facts">
          <dt>{t("details.statuteOrRule")}</dt>
          <dd style={PRE}>{r.statuteOrRule}</dd>
          <dt>{t("details.recordSeries")}</dt>
          <dd style={PRE}>{r.recordSeries}</dd>
          <dt>{t("details.namedIndividuals")}</dt>
          <dd>
            <ul className="usa-list usa-list--unstyled">
              {r.namedIndividuals.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </dd>
          <dt>{t("details.whyProceduresInsufficient")}</dt>
          <dd style={PRE}>{r.whyProceduresInsufficient}</dd>
          <dt>{t("details.confidentialityMeasures")}</dt>
          <dd style={PRE}>{r.confidentialityMeasures}</dd>
          <dt>{t("details.certifiedBy")}</dt>
          <dd>{t("details.certification", { name: r.agencyHeadName, title: r.agencyHeadTitle, at: when(r.agencyHeadCertifiedAt) })}</dd>
        </dl>
      </section>

      {r.decidedAt && r.findings && (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t("details.decisionTitle")}</h2>
          <dl className="acp-facts">
            <dt>{t("details.testBonaFide")}</dt>
            <dd data-testid="finding-bona-fide">{yesNo(r.findingBonaFideNeed)}</dd>
            <dt>{t("details.testUseLimited")}</dt>
            <dd data-testid="finding-use-limited">{yesNo(r.findingUseLimited)}</dd>
            <dt>{t("details.findings")}</dt>
            <dd style={PRE}>{r.findings}</dd>
            <dt>{t("details.reasons")}</dt>
            <dd style={PRE}>{r.reasons}</dd>
            {showConditions && (
              <>
                <dt>{t("details.termEndsOn")}</dt>
                <dd>{day(r.termEndsOn!)}</dd>
                <dt>{t("details.purgeOn")}</dt>
                <dd>{r.purgeOn ? day(r.purgeOn) : "—"}</dd>
                <dt>{t("details.useAndAccessLimits")}</dt>
                <dd style={PRE}>{r.useAndAccessLimits}</dd>
                <dt>{t("details.recordFormat")}</dt>
                <dd style={PRE}>{r.recordFormat}</dd>
                <dt>{t("details.confidentialityDuties")}</dt>
                <dd style={PRE}>{r.confidentialityDuties}</dd>
              </>
            )}
            {r.appealDecidedAt && r.appealOutcome && (
              <>
                <dt>{t("details.reconsideration")}</dt>
                <dd>{t(r.appealOutcome === "CHANGED" ? "details.appealChanged" : "details.appealUpheld", { at: when(r.appealDecidedAt) })}</dd>
              </>
            )}
            {r.revokedReason && (
              <>
                <dt>{t("details.revokedReason")}</dt>
                <dd style={PRE}>{r.revokedReason}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("attachments.title")}</h2>
        {r.attachments.length === 0 ? (
          <p>{t("attachments.none")}</p>
        ) : (
          <table className="usa-table usa-table--borderless acp-table">
            <caption>{t("attachments.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("attachments.colFile")}</th>
                <th scope="col">{t("attachments.colType")}</th>
                <th scope="col">{t("attachments.colSize")}</th>
                <th scope="col">{t("attachments.colCheck")}</th>
                <th scope="col">{t("attachments.colAdded")}</th>
              </tr>
            </thead>
            <tbody>
              {r.attachments.map((a, i) => (
                <tr key={a.id}>
                  <td>
                    {audience === "staff" && (a.scanStatus === "CLEAN" || a.scanStatus === "NOT_SCANNED") ? (
                      <a href={`/exemptions/review/${r.id}/attachments/${a.id}`}>{t("attachments.open", { n: i + 1 })}</a>
                    ) : (
                      t("attachments.file", { n: i + 1 })
                    )}
                  </td>
                  <td>{a.mediaType === "application/pdf" ? "PDF" : a.mediaType === "image/png" ? "PNG" : "JPEG"}</td>
                  <td>{t("attachments.size", { kb: Math.max(1, Math.round(a.sizeBytes / 1024)) })}</td>
                  <td>{t(`attachments.scan.${a.scanStatus}`)}</td>
                  <td>{when(a.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history.title")}</h2>
        <ol className="usa-list" data-testid="exemption-history">
          {r.events.map((e) => (
            <li key={e.id}>
              <strong>{when(e.at)}</strong>: {step(e.fromStatus, e.toStatus)} ({audience === "staff" ? `${names?.get(e.actorId) ?? ""}, ${roles(e.actorRole)}` : roles(e.actorRole)})
              {e.note && <div style={PRE}>{e.note}</div>}
            </li>
          ))}
          {r.status === "EXPIRED" && r.termEndsOn && <li>{t("history.expired", { on: day(r.termEndsOn) })}</li>}
        </ol>
      </section>
    </>
  );
}
