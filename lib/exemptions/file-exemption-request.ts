import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { AGENCY_KINDS } from "../agencies/agencies";
import { AppError } from "../errors";
import { discardAttachments, recordAttachments, scanNew, sealAttachments, type AttachmentDeps } from "./attachments";
import type { FileRequestInput } from "./schema";
import type { ExemptionActor } from "./transition";

/** An opaque reference, read over the phone and printed on letters: never a name. */
export function exemptionReference(): string {
  return `EXR-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * An agency asks for an exemption (131.07(1) [P]; formerly 950 CMR 13.09): the statute or rule and
 * authority, the record or record series, the named individuals, why a change of internal procedures
 * cannot meet the obligation, how the address will be kept confidential, and the agency head's
 * certification. Attachments are sealed first; the request, its first history row, the file records
 * and the audit entries commit together.
 */
export async function fileExemptionRequest(db: Db, actor: ExemptionActor, input: FileRequestInput, files: Buffer[] = [], deps: AttachmentDeps = {}, now = new Date()) {
  if (actor.role !== "AGENCY_USER") throw new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
  const agency = actor.organisationId
    ? await db.organisation.findFirst({ where: { id: actor.organisationId, kind: { in: [...AGENCY_KINDS] } }, select: { id: true } })
    : null;
  if (!agency) throw new AppError("NO_AGENCY", "AppErrors.exemptionNoAgency");
  const { sealed, scanner, store } = await sealAttachments(db, files, deps);
  let created;
  try {
    created = await db.$transaction(async (tx) => {
      const r = await tx.exemptionRequest.create({
        data: {
          reference: exemptionReference(),
          organisationId: agency.id,
          submittedById: actor.id,
          statuteOrRule: input.statuteOrRule,
          recordSeries: input.recordSeries,
          namedIndividuals: input.namedIndividuals,
          whyProceduresInsufficient: input.whyProceduresInsufficient,
          confidentialityMeasures: input.confidentialityMeasures,
          agencyHeadName: input.agencyHeadName,
          agencyHeadTitle: input.agencyHeadTitle,
          agencyHeadCertifiedAt: now,
          submittedAt: now,
        },
        select: { id: true, reference: true },
      });
      await tx.exemptionEvent.create({ data: { requestId: r.id, fromStatus: null, toStatus: "SUBMITTED", actorId: actor.id, actorRole: actor.role, at: now } });
      await recordAudit(tx, actor, { action: "exemption.filed", details: { attachments: sealed.length }, target: { type: "ExemptionRequest", id: r.id } });
      const ids = await recordAttachments(tx, actor, r.id, sealed, !!scanner);
      return { ...r, attachmentIds: ids };
    });
  } catch (e) {
    await discardAttachments(store, sealed);
    throw e;
  }
  await scanNew(db, store, scanner, created.attachmentIds, sealed);
  return { id: created.id, reference: created.reference };
}
