import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { listOrganisations, listUsers } from "@/lib/accounts/queries";
import { db } from "@/lib/db";
import { InviteForm } from "./InviteForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("usersTitle") };
}

export default async function UsersPage() {
  await requireRoute("/admin/users");
  const t = await getTranslations("Admin");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const [users, organisations] = await Promise.all([listUsers(db()), listOrganisations(db())]);
  return (
    <div className="grid-container">
      <h1>{t("usersTitle")}</h1>
      <p className="usa-intro">{t("usersIntro")}</p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colEmail")}</th>
            <th scope="col">{t("colRole")}</th>
            <th scope="col">{t("colOrganisation")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colMfa")}</th>
            <th scope="col">{t("colLastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" data-label={t("colName")}>
                <Link href={`/admin/users/${u.id}`}>{u.displayName}</Link>
              </th>
              <td data-label={t("colEmail")}>{u.email}</td>
              <td data-label={t("colRole")}>{roles(u.role)}</td>
              <td data-label={t("colOrganisation")}>{u.organisation?.name ?? ""}</td>
              <td data-label={t("colStatus")}>{t(`status.${u.status}`)}</td>
              <td data-label={t("colMfa")}>{u.mfaEnabledAt ? t("yes") : t("no")}</td>
              <td data-label={t("colLastSignIn")}>{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("inviteHeading")}</h2>
      <InviteForm organisations={organisations} />
    </div>
  );
}
