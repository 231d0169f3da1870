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
    "computed_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("assignment_id", "as_of"),
    CONSTRAINT "status_snapshots_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_safeguard_measures" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "plan_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "lead_units_text" TEXT NOT NULL DEFAULT '',
    "responsible_units_text" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "safeguard_measures_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_safeguard_measures" ("body", "id", "number", "plan_id", "title") SELECT "body", "id", "number", "plan_id", "title" FROM "safeguard_measures";
DROP TABLE "safeguard_measures";
ALTER TABLE "new_safeguard_measures" RENAME TO "safeguard_measures";
CREATE UNIQUE INDEX "safeguard_measures_plan_id_number_key" ON "safeguard_measures"("plan_id", "number");
CREATE TABLE "new_work_items" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key_task_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "lead_units_text" TEXT NOT NULL DEFAULT '',
    "responsible_units_text" TEXT NOT NULL DEFAULT '',
    "deadline_text" TEXT NOT NULL,
    "deadline" JSONB NOT NULL,
    CONSTRAINT "work_items_key_task_id_fkey" FOREIGN KEY ("key_task_id") REFERENCES "key_tasks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_work_items" ("content", "deadline", "deadline_text", "id", "key_task_id", "position") SELECT "content", "deadline", "deadline_text", "id", "key_task_id", "position" FROM "work_items";
DROP TABLE "work_items";
ALTER TABLE "new_work_items" RENAME TO "work_items";
CREATE UNIQUE INDEX "work_items_key_task_id_position_key" ON "work_items"("key_task_id", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "status_snapshots_as_of_status_idx" ON "status_snapshots"("as_of", "status");
