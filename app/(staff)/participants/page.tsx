import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { SearchForm } from "./SearchForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Participants"))("title") };
}

export default async function ParticipantsPage() {
  await requireRoute("/participants");
  const t = await getTranslations("Participants");
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <SearchForm />
    </div>
  );
}
