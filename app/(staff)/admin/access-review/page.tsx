import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { listUsers } from "@/lib/accounts/queries";
import { db } from "@/lib/db";
import { DesignateForm } from "./DesignateForm";
import { GrantRoleForm } from "./GrantRoleForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("accessReviewTitle") };
}

export default async function AccessReviewPage() {
  const me = (await requireRoute("/admin/access-review"))!;
  const t = await getTranslations("Admin");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const users = await listUsers(db());
  const mayDesignate = can(me, "user:designate-reveal");
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : t("never"));
  return (
    <div className="grid-container">
      <h1>{t("accessReviewTitle")}</h1>
      <p className="usa-intro">{t("accessReviewIntro")}</p>
      <p>
        <a className="usa-button usa-button--outline" href="/admin/access-review/export" download>
          {t("download")}
        </a>
      </p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colRole")}</th>
            <th scope="col">{t("colOrganisation")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colLastSignIn")}</th>
            <th scope="col">{t("colMfa")}</th>
            <th scope="col">{t("colTraining")}</th>
            <th scope="col">{t("colReveal")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" data-label={t("colName")}>
                {u.displayName}
              </th>
              <td data-label={t("colRole")}>
                {mayDesignate && u.id !== me.id && ["PROGRAM_STAFF", "GENERAL_COUNSEL", "PROGRAM_MANAGER"].includes(u.role) ? (
                  <GrantRoleForm userId={u.id} role={u.role} name={u.displayName} />
                ) : (
                  roles(u.role)
                )}
              </td>
              <td data-label={t("colOrganisation")}>{u.organisation?.name ?? ""}</td>
              <td data-label={t("colStatus")}>{t(`status.${u.status}`)}</td>
              <td data-label={t("colLastSignIn")}>{date(u.lastSignInAt)}</td>
              <td data-label={t("colMfa")}>{u.mfaEnabledAt ? t("yes") : t("no")}</td>
              <td data-label={t("colTraining")}>{date(u.trainingAcknowledgedOn)}</td>
              <td data-label={t("colReveal")}>
                {u.role === "PROGRAM_MANAGER" || u.role === "GENERAL_COUNSEL" ? (
                  t("revealAlways")
                ) : u.role === "PROGRAM_STAFF" ? (
                  <>
                    {u.revealDesignated ? t("yes") : t("no")}
                    {mayDesignate && <DesignateForm userId={u.id} designated={u.revealDesignated} name={u.displayName} />}
                  </>
                ) : (
                  t("revealNever")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
