-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "assignedToUserId" TEXT;

-- CreateIndex
CREATE INDEX "Application_assignedToUserId_status_idx" ON "Application"("assignedToUserId", "status");

-- CreateIndex
CREATE INDEX "Application_track_status_submittedAt_idx" ON "Application"("track", "status", "submittedAt");

