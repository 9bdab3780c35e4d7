import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { DesignateForm } from "./DesignateForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assistants"))("title") };
}

export default async function AssistantsPage() {
  const user = (await requireRoute("/assistants"))!;
  const t = await getTranslations("Assistants");
  const format = await getFormatter();
  const [assistants, employers] = await Promise.all([
    db().applicationAssistant.findMany({
      select: { id: true, displayName: true, status: true, registrationNumber: true, registrationExpiresOn: true, organisation: { select: { name: true } } },
      orderBy: [{ status: "asc" }, { displayName: "asc" }],
    }),
    db().organisation.findMany({ where: { kind: { not: "SECRETARY_OF_THE_COMMONWEALTH" } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colEmployer")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colNumber")}</th>
            <th scope="col">{t("colExpires")}</th>
          </tr>
        </thead>
        <tbody>
          {assistants.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={t("colName")}>
                <Link href={`/assistants/${a.id}`}>{a.displayName}</Link>
              </th>
              <td data-label={t("colEmployer")}>{a.organisation.name}</td>
              <td data-label={t("colStatus")}>{t(`status.${a.status}`)}</td>
              <td data-label={t("colNumber")}>{a.registrationNumber ?? t("none")}</td>
              <td data-label={t("colExpires")}>{a.registrationExpiresOn ? format.dateTime(a.registrationExpiresOn, { dateStyle: "medium", timeZone: "UTC" }) : t("none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(user, "assistant:manage") && (
        <>
          <h2>{t("designateHeading")}</h2>
          <p>{t("designateIntro")}</p>
          <DesignateForm employers={employers} />
        </>
      )}
    </div>
  );
}
