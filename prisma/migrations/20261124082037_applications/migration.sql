-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('SELF', 'PARENT_OF_MINOR', 'GUARDIAN_OF_INCAPACITATED');

-- CreateEnum
CREATE TYPE "Signer" AS ENUM ('APPLICANT', 'ASSISTANT');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('LAW_ENFORCEMENT_RECORD', 'COURT_RECORD', 'AGENCY_RECORD', 'OTHER', 'PROFESSIONAL_ROLE', 'CUSTODY_OR_GUARDIANSHIP', 'IDENTITY_DOCUMENT');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('PENDING', 'CLEAN', 'INFECTED', 'NOT_SCANNED');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "applicantType" "ApplicantType" NOT NULL DEFAULT 'SELF',
ADD COLUMN     "applicantUserId" TEXT,
ADD COLUMN     "assistantRegistrationNumber" TEXT,
ADD COLUMN     "collectionNoticeVersion" TEXT,
ADD COLUMN     "currentStep" TEXT NOT NULL DEFAULT 'applicant',
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionReasons" TEXT,
ADD COLUMN     "formEnc" TEXT,
ADD COLUMN     "formVersion" TEXT NOT NULL DEFAULT '1',
ADD COLUMN     "identityIndex" TEXT;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "cardIssuedOn" DATE,
ADD COLUMN     "cardName" TEXT,
ADD COLUMN     "certifiedById" TEXT,
ADD COLUMN     "isApplicant" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ApplicationSignature" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "signer" "Signer" NOT NULL,
    "typedName" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipPrefix" TEXT,
    "statementVersion" TEXT NOT NULL,
    "userId" TEXT,

    CONSTRAINT "ApplicationSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStatusChange" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus" NOT NULL,
    "toStatus" "ApplicationStatus" NOT NULL,
    "reasons" TEXT,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentRequest" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "documents" TEXT[],
    "note" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "DocumentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "scanStatus" "ScanStatus" NOT NULL,
    "scanSignature" TEXT,
    "scannedAt" TIMESTAMP(3),
    "documentRequestId" TEXT,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationSignature_applicationId_signer_key" ON "ApplicationSignature"("applicationId", "signer");

-- CreateIndex
CREATE INDEX "ApplicationStatusChange_applicationId_at_idx" ON "ApplicationStatusChange"("applicationId", "at");

-- CreateIndex
CREATE INDEX "DocumentRequest_applicationId_idx" ON "DocumentRequest"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceItem_storageKey_key" ON "EvidenceItem"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceItem_applicationId_idx" ON "EvidenceItem"("applicationId");

-- CreateIndex
CREATE INDEX "EvidenceItem_scanStatus_idx" ON "EvidenceItem"("scanStatus");

-- CreateIndex
CREATE INDEX "Application_applicantUserId_idx" ON "Application"("applicantUserId");

-- CreateIndex
CREATE INDEX "Application_identityIndex_idx" ON "Application"("identityIndex");

-- AddForeignKey
ALTER TABLE "ApplicationSignature" ADD CONSTRAINT "ApplicationSignature_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStatusChange" ADD CONSTRAINT "ApplicationStatusChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRequest" ADD CONSTRAINT "DocumentRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- 2.4: the danger affirmation and signatures are immutable events; the status history is append-only
-- (7: every decision keeps who, when and why). Same refusal as the audit trail.
CREATE FUNCTION acp_refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ApplicationSignature_append_only" BEFORE UPDATE OR DELETE ON "ApplicationSignature"
  FOR EACH ROW EXECUTE FUNCTION acp_refuse_record_change();
CREATE TRIGGER "ApplicationStatusChange_append_only" BEFORE UPDATE OR DELETE ON "ApplicationStatusChange"
  FOR EACH ROW EXECUTE FUNCTION acp_refuse_record_change();
