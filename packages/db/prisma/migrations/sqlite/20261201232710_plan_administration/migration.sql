-- AlterTable
ALTER TABLE "assessment_runs" ADD COLUMN "data_up_to" DATETIME;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN "archived_at" DATETIME;
ALTER TABLE "plans" ADD COLUMN "previous_plan_id" TEXT;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN "address" TEXT;
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" DATETIME;
ALTER TABLE "sessions" ADD COLUMN "user_agent" TEXT;

-- CreateTable
CREATE TABLE "manual_scores" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scheme_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "entered_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "manual_scores_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "assessment_schemes" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "manual_scores_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "manual_scores_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "notices" JSONB NOT NULL,
    "doc_number" TEXT,
    "origin" TEXT NOT NULL,
    "loaded_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "date" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "calendar_days_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_outside_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "unit_id" TEXT,
    "text" TEXT NOT NULL,
    "doc_number" TEXT,
    "notice_title" TEXT,
    "issuer" TEXT,
    "published_on" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outside_events_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_outside_events" ("created_at", "event_key", "id", "kind", "occurred_on", "text", "unit_id") SELECT "created_at", "event_key", "id", "kind", "occurred_on", "text", "unit_id" FROM "outside_events";
DROP TABLE "outside_events";
ALTER TABLE "new_outside_events" RENAME TO "outside_events";
CREATE UNIQUE INDEX "outside_events_event_key_key" ON "outside_events"("event_key");
CREATE INDEX "outside_events_unit_id_idx" ON "outside_events"("unit_id");
CREATE INDEX "outside_events_occurred_on_idx" ON "outside_events"("occurred_on");
CREATE TABLE "new_users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unit_id" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "last_plan_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_users" ("created_at", "disabled", "id", "password_hash", "role", "unit_id", "updated_at", "username") SELECT "created_at", "disabled", "id", "password_hash", "role", "unit_id", "updated_at", "username" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "manual_scores_unit_id_idx" ON "manual_scores"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "manual_scores_scheme_id_unit_id_indicator_id_key" ON "manual_scores"("scheme_id", "unit_id", "indicator_id");

-- CreateIndex
CREATE INDEX "calendar_days_year_idx" ON "calendar_days"("year");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_days_scope_date_key" ON "calendar_days"("scope", "date");
