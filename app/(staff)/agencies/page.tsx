import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listAgencies } from "@/lib/agencies/agencies";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AgencyForm } from "./AgencyForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Agencies"))("title") };
}

export default async function AgenciesPage() {
  await requireRoute("/agencies");
  const t = await getTranslations("Agencies");
  const agencies = await listAgencies(db());
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption", { total: agencies.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("contactName")}</th>
            <th scope="col">{t("users")}</th>
            <th scope="col">{t("keys")}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={t("name")}>
                <Link href={`/agencies/${a.id}`}>{a.name}</Link>
              </th>
              <td data-label={t("kind")}>{t(`kinds.${a.kind as "STATE_AGENCY"}`)}</td>
              <td data-label={t("contactName")}>{a.contactName ?? "—"}</td>
              <td data-label={t("users")}>{a._count.users}</td>
              <td data-label={t("keys")}>{a._count.apiKeys}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("addTitle")}</h2>
      <AgencyForm />
    </div>
  );
}
