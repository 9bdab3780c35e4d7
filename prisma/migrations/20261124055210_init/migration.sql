-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICATION_ASSISTANT', 'HEALTH_CARE_APPLICANT', 'PARTICIPANT', 'AGENCY_USER', 'PROGRAM_STAFF', 'PROGRAM_MANAGER', 'GENERAL_COUNSEL', 'APPEALS_COMMITTEE', 'SYSTEM_ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('SECRETARY_OF_THE_COMMONWEALTH', 'STATE_AGENCY', 'LOCAL_AGENCY', 'NONPROFIT');

-- CreateEnum
CREATE TYPE "AssistantStatus" AS ENUM ('DESIGNATED', 'TRAINED', 'ACCEPTED', 'REGISTERED', 'SUSPENDED', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "Track" AS ENUM ('SURVIVOR', 'HEALTH_CARE');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'AWAITING_DOCUMENTS', 'PENDING_GC_APPROVAL', 'CERTIFIED', 'DENIED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ParticipantStatus" AS ENUM ('ACTIVE', 'CANCELLATION_PENDING', 'CANCELLED', 'WITHDRAWN', 'NON_RENEWED', 'EXPIRED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "passwordHash" TEXT NOT NULL,
    "organisationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationAssistant" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "organisationId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" "AssistantStatus" NOT NULL DEFAULT 'DESIGNATED',
    "registrationNumber" TEXT,
    "designatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trainedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "registrationExpiresOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationAssistant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "track" "Track" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "assistantId" TEXT,
    "applicantFirstName" TEXT NOT NULL,
    "applicantLastName" TEXT NOT NULL,
    "preparedOn" DATE,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "unitNumber" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "participantNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "lastNameKey" TEXT NOT NULL,
    "track" "Track" NOT NULL,
    "status" "ParticipantStatus" NOT NULL DEFAULT 'ACTIVE',
    "effectiveOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "householdId" TEXT NOT NULL,
    "applicationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationAssistant_userId_key" ON "ApplicationAssistant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationAssistant_registrationNumber_key" ON "ApplicationAssistant"("registrationNumber");

-- CreateIndex
CREATE INDEX "ApplicationAssistant_organisationId_idx" ON "ApplicationAssistant"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");

-- CreateIndex
CREATE INDEX "Application_status_submittedAt_idx" ON "Application"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Application_assistantId_idx" ON "Application"("assistantId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_unitNumber_key" ON "Household"("unitNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_participantNumber_key" ON "Participant"("participantNumber");

-- CreateIndex
CREATE INDEX "Participant_lastNameKey_idx" ON "Participant"("lastNameKey");

-- CreateIndex
CREATE INDEX "Participant_status_expiresOn_idx" ON "Participant"("status", "expiresOn");

-- CreateIndex
CREATE INDEX "Participant_householdId_idx" ON "Participant"("householdId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAssistant" ADD CONSTRAINT "ApplicationAssistant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationAssistant" ADD CONSTRAINT "ApplicationAssistant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assistantId_fkey" FOREIGN KEY ("assistantId") REFERENCES "ApplicationAssistant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

