-- AlterTable
ALTER TABLE "safeguard_measures" ADD COLUMN     "lead_units_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "responsible_units_text" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "work_items" ADD COLUMN     "lead_units_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "responsible_units_text" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "status_snapshots" (
    "assignment_id" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "due_on" TEXT,
    "is_overdue" BOOLEAN NOT NULL,
    "working_days_left" INTEGER,
    "explanation_zh" TEXT NOT NULL,
    "explanation_en" TEXT NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_snapshots_pkey" PRIMARY KEY ("assignment_id","as_of")
);

-- CreateIndex
CREATE INDEX "status_snapshots_as_of_status_idx" ON "status_snapshots"("as_of", "status");

-- AddForeignKey
ALTER TABLE "status_snapshots" ADD CONSTRAINT "status_snapshots_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
