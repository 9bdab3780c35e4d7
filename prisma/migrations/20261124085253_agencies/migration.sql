-- CreateEnum
CREATE TYPE "DisseminationKind" AS ENUM ('VERIFICATION', 'EXEMPTION_GRANT', 'ADDRESS_RELEASE', 'ADDRESS_REFUSAL');

-- CreateEnum
CREATE TYPE "ExemptionStatus" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'GRANTED', 'WITHHELD', 'APPEALED', 'EXPIRED', 'REVOKED');

-- CreateEnum
CREATE TYPE "DisclosureRoute" AS ENUM ('LAW_ENFORCEMENT', 'AGENCY_COMMISSIONER', 'COURT_ORDER', 'FALSE_INFORMATION');

-- CreateEnum
CREATE TYPE "DisclosureStatus" AS ENUM ('RECEIVED', 'VERIFIED', 'RELEASED', 'REFUSED');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT;

-- CreateTable
CREATE TABLE "AgencyApiKey" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "AgencyApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisseminationLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "DisseminationKind" NOT NULL,
    "participantId" TEXT,
    "disclosed" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientOrganisation" TEXT,
    "organisationId" TEXT,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "reason" TEXT,
    "legalRoute" TEXT NOT NULL,

    CONSTRAINT "DisseminationLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StaffAlert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisationId" TEXT,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "StaffAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExemptionRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "status" "ExemptionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "statuteOrRule" TEXT NOT NULL,
    "recordSeries" TEXT NOT NULL,
    "namedIndividuals" TEXT[],
    "whyProceduresInsufficient" TEXT NOT NULL,
    "confidentialityMeasures" TEXT NOT NULL,
    "agencyHeadName" TEXT NOT NULL,
    "agencyHeadTitle" TEXT NOT NULL,
    "agencyHeadCertifiedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "findingBonaFideNeed" BOOLEAN,
    "findingUseLimited" BOOLEAN,
    "findings" TEXT,
    "reasons" TEXT,
    "confidentialityDuties" TEXT,
    "useAndAccessLimits" TEXT,
    "termEndsOn" DATE,
    "recordFormat" TEXT,
    "purgeOn" DATE,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "appealedFrom" "ExemptionStatus",
    "appealReasons" TEXT,
    "appealOutcome" TEXT,
    "appealDecidedAt" TIMESTAMP(3),
    "appealDecidedById" TEXT,
    "revokedReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExemptionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExemptionEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "ExemptionStatus",
    "toStatus" "ExemptionStatus",
    "note" TEXT,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExemptionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExemptionAttachment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "scanStatus" "ScanStatus" NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExemptionAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExemptionParticipant" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "noticeQueuedAt" TIMESTAMP(3),

    CONSTRAINT "ExemptionParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "route" "DisclosureRoute" NOT NULL,
    "status" "DisclosureStatus" NOT NULL DEFAULT 'RECEIVED',
    "participantId" TEXT NOT NULL,
    "fields" TEXT[],
    "requesterName" TEXT NOT NULL,
    "requesterTitle" TEXT NOT NULL,
    "requesterOrganisation" TEXT NOT NULL,
    "requesterUserId" TEXT,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "writtenRequestDueAt" TIMESTAMP(3),
    "writtenRequestReceivedAt" TIMESTAMP(3),
    "callbackNumber" TEXT,
    "callbackVerifiedAt" TIMESTAMP(3),
    "namedOfficer" TEXT,
    "needShown" TEXT,
    "courtOrderStorageKey" TEXT,
    "courtOrderNamesRecipient" BOOLEAN,
    "courtOrderStatesReasons" BOOLEAN,
    "reason" TEXT NOT NULL,
    "receivedById" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "verificationNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReasons" TEXT,
    "noticeDelayReason" TEXT,
    "noticeDelayReviewOn" DATE,
    "participantNotifiedAt" TIMESTAMP(3),

    CONSTRAINT "DisclosureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRelease" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipientUserId" TEXT,
    "byLetter" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT,
    "fields" TEXT[],
    "expiresAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureRelease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgencyApiKey_keyHash_key" ON "AgencyApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "AgencyApiKey_organisationId_idx" ON "AgencyApiKey"("organisationId");

-- CreateIndex
CREATE INDEX "DisseminationLog_at_idx" ON "DisseminationLog"("at");

-- CreateIndex
CREATE INDEX "DisseminationLog_participantId_at_idx" ON "DisseminationLog"("participantId", "at");

-- CreateIndex
CREATE INDEX "DisseminationLog_organisationId_at_idx" ON "DisseminationLog"("organisationId", "at");

-- CreateIndex
CREATE INDEX "DisseminationLog_userId_at_idx" ON "DisseminationLog"("userId", "at");

-- CreateIndex
CREATE INDEX "StaffAlert_acknowledgedAt_createdAt_idx" ON "StaffAlert"("acknowledgedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExemptionRequest_reference_key" ON "ExemptionRequest"("reference");

-- CreateIndex
CREATE INDEX "ExemptionRequest_organisationId_status_idx" ON "ExemptionRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "ExemptionRequest_status_submittedAt_idx" ON "ExemptionRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ExemptionRequest_status_termEndsOn_idx" ON "ExemptionRequest"("status", "termEndsOn");

-- CreateIndex
CREATE INDEX "ExemptionEvent_requestId_at_idx" ON "ExemptionEvent"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ExemptionAttachment_storageKey_key" ON "ExemptionAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "ExemptionAttachment_requestId_idx" ON "ExemptionAttachment"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ExemptionParticipant_requestId_participantId_key" ON "ExemptionParticipant"("requestId", "participantId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureRequest_reference_key" ON "DisclosureRequest"("reference");

-- CreateIndex
CREATE INDEX "DisclosureRequest_status_emergency_receivedAt_idx" ON "DisclosureRequest"("status", "emergency", "receivedAt");

-- CreateIndex
CREATE INDEX "DisclosureRequest_participantId_idx" ON "DisclosureRequest"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureRelease_tokenHash_key" ON "DisclosureRelease"("tokenHash");

-- AddForeignKey
ALTER TABLE "AgencyApiKey" ADD CONSTRAINT "AgencyApiKey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExemptionRequest" ADD CONSTRAINT "ExemptionRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExemptionEvent" ADD CONSTRAINT "ExemptionEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExemptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExemptionAttachment" ADD CONSTRAINT "ExemptionAttachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExemptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExemptionParticipant" ADD CONSTRAINT "ExemptionParticipant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExemptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRelease" ADD CONSTRAINT "DisclosureRelease_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DisclosureRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- SEC-10: the dissemination log is append-only, like the audit trail.
CREATE TRIGGER "DisseminationLog_append_only" BEFORE UPDATE OR DELETE ON "DisseminationLog"
  FOR EACH ROW EXECUTE FUNCTION acp_refuse_record_change();
CREATE TRIGGER "ExemptionEvent_append_only" BEFORE UPDATE OR DELETE ON "ExemptionEvent"
  FOR EACH ROW EXECUTE FUNCTION acp_refuse_record_change();
