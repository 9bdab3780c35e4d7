import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getAgency } from "@/lib/agencies/agencies";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AgencyForm } from "../AgencyForm";
import { CreateKeyForm, RevokeKeyButton } from "./KeyForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Agencies"))("detailTitle") };
}

export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRoute("/agencies/[id]");
  const { id } = await params;
  const agency = await getAgency(db(), id);
  if (!agency) notFound();
  const t = await getTranslations("Agencies");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" }) : "—");
  return (
    <div className="grid-container">
      <h1>{t("detailTitle")}</h1>
      <p className="usa-intro">{agency.name}</p>
      <AgencyForm agency={{ id: agency.id, name: agency.name, kind: agency.kind, contactName: agency.contactName, contactEmail: agency.contactEmail, contactPhone: agency.contactPhone }} />
      <h2>{t("usersTitle")}</h2>
      <p>{t("usersHint")}</p>
      <ul className="usa-list">
        {agency.users.map((u) => (
          <li key={u.id}>
            {u.displayName} ({u.status === "ACTIVE" ? t("active") : t("inactive")})
          </li>
        ))}
      </ul>
      <h2>{t("keysTitle")}</h2>
      <p>{t("keysHint")}</p>
      <table className="usa-table usa-table--borderless acp-table">
        <caption>{t("keysCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("keyLabel")}</th>
            <th scope="col">{t("keyPrefix")}</th>
            <th scope="col">{t("keyCreated")}</th>
            <th scope="col">{t("keyLastUsed")}</th>
            <th scope="col">{t("keyStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {agency.apiKeys.map((k) => (
            <tr key={k.id}>
              <td>{k.label}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{when(k.createdAt)}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>{k.revokedAt ? t("revokedOn", { at: when(k.revokedAt) }) : <RevokeKeyButton agencyId={agency.id} keyId={k.id} label={k.label} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateKeyForm agencyId={agency.id} />
    </div>
  );
}
