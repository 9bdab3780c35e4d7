-- AlterTable
ALTER TABLE "DisseminationLog" ADD COLUMN     "subjectKey" TEXT;

-- CreateIndex
CREATE INDEX "DisseminationLog_apiKeyId_at_idx" ON "DisseminationLog"("apiKeyId", "at");

