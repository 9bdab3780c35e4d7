import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { getUser } from "@/lib/accounts/queries";
import { db } from "@/lib/db";
import { UserForms } from "./UserForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("userTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRoute("/admin/users/[id]");
  const { id } = await params;
  const user = await getUser(db(), id);
  if (!user) notFound();
  const t = await getTranslations("Admin");
  const roles = await getTranslations("Roles");
  return (
    <div className="grid-container">
      <h1>{t("userTitle")}</h1>
      <dl className="acp-facts">
        <dt>{t("colName")}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t("colEmail")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("colRole")}</dt>
        <dd>{roles(user.role)}</dd>
        <dt>{t("colStatus")}</dt>
        <dd>{t(`status.${user.status}`)}</dd>
        <dt>{t("colMfa")}</dt>
        <dd>{user.mfaEnabledAt ? t("yes") : t("no")}</dd>
      </dl>
      <UserForms userId={user.id} role={user.role} active={user.status === "ACTIVE"} />
    </div>
  );
}
