import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { agenciesOnFile } from "@/lib/disclosures/queries";
import { RequestForm } from "./RequestForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("newTitle") };
}

/** §5: staff record a request for a participant's actual address, with the proof its route needs. */
export default async function NewDisclosurePage() {
  await requireRoute("/disclosures/new");
  const t = await getTranslations("Disclosures");
  const agencies = await agenciesOnFile(db());
  return (
    <div className="grid-container">
      <div className="grid-row">
        <div className="tablet:grid-col-8">
          <p>
            <Link href="/disclosures">{t("backToQueue")}</Link>
          </p>
          <h1>{t("newTitle")}</h1>
          <p className="usa-intro">{t("newIntro")}</p>
          <RequestForm agencies={agencies.map((a) => ({ id: a.id, name: a.name, hasPhone: !!a.contactPhone }))} />
        </div>
      </div>
    </div>
  );
}
