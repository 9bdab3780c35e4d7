-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "heldByUserId" TEXT;

-- AlterTable
ALTER TABLE "ApplicationAssistant" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "AssistantStatusChange" (
    "id" TEXT NOT NULL,
    "assistantId" TEXT NOT NULL,
    "fromStatus" "AssistantStatus",
    "toStatus" "AssistantStatus" NOT NULL,
    "reason" TEXT,
    "trainedOn" DATE,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistantStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssistantStatusChange_assistantId_at_idx" ON "AssistantStatusChange"("assistantId", "at");

-- CreateIndex
CREATE INDEX "ApplicationAssistant_status_registrationExpiresOn_idx" ON "ApplicationAssistant"("status", "registrationExpiresOn");

-- AddForeignKey
ALTER TABLE "AssistantStatusChange" ADD CONSTRAINT "AssistantStatusChange_assistantId_fkey" FOREIGN KEY ("assistantId") REFERENCES "ApplicationAssistant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

