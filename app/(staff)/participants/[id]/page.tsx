import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { getParticipant } from "@/lib/participants/queries";
import type { ProtectedField } from "@/lib/participants/reveal-protected-field";
import { RevealForm } from "./RevealForm";

export async function generateMetadata(): Promise<Metadata> {
  // Never the participant's name or number in a title: titles land in history and on shared screens.
  return { title: (await getTranslations("Participants"))("recordTitle") };
}

const FIELDS: ProtectedField[] = ["residence", "school", "work", "mailing", "phone", "date-of-birth"];

export default async function ParticipantPage({ params }: { params: Promise<{ id: string }> }) {
  const user = (await requireRoute("/participants/[id]"))!;
  const { id } = await params;
  const p = await getParticipant(db(), user, id);
  if (!p) notFound();
  await recordAudit(db(), user, { action: "participant.viewed", details: {}, target: { type: "Participant", id: p.id } });
  const t = await getTranslations("Participants");
  const format = await getFormatter();
  const mayReveal = can(user, "protected:reveal");
  const kinds = new Set(p.contacts.map((c) => c.kind.toLowerCase()));
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="grid-container">
      <h1>{t("recordTitle")}</h1>
      <dl className="acp-facts">
        <dt>{t("colNumber")}</dt>
        <dd>{formatParticipantNumber(p.participantNumber)}</dd>
        <dt>{t("colName")}</dt>
        <dd>
          {p.firstName} {p.lastName}
        </dd>
        <dt>{t("colTrack")}</dt>
        <dd>{t(`track.${p.track}`)}</dd>
        <dt>{t("colStatus")}</dt>
        <dd>{t(`status.${p.status}`)}</dd>
        <dt>{t("effective")}</dt>
        <dd>{date(p.effectiveOn)}</dd>
        <dt>{t("colExpires")}</dt>
        <dd>{date(p.expiresOn)}</dd>
        <dt>{t("unit")}</dt>
        <dd>{p.household.unitNumber}</dd>
      </dl>
      <h2>{t("protectedHeading")}</h2>
      <p>{t("protectedIntro")}</p>
      <dl className="acp-facts acp-protected">
        {FIELDS.map((f) => (
          <div key={f} className="acp-protected__item">
            <dt>{t(`field.${f}`)}</dt>
            <dd>
              <span className="acp-masked">{f === "date-of-birth" || kinds.has(f) ? `•••••• (${t("hidden")})` : t("none")}</span>
              {mayReveal && (f === "date-of-birth" || kinds.has(f)) && <RevealForm participantId={p.id} field={f} />}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
