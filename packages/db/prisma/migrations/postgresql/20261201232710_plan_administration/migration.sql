-- AlterTable
ALTER TABLE "assessment_runs" ADD COLUMN     "data_up_to" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "outside_events" ADD COLUMN     "doc_number" TEXT,
ADD COLUMN     "issuer" TEXT,
ADD COLUMN     "notice_title" TEXT,
ADD COLUMN     "published_on" TEXT,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "archived_at" TIMESTAMP(3),
ADD COLUMN     "previous_plan_id" TEXT;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "address" TEXT,
ADD COLUMN     "last_seen_at" TIMESTAMP(3),
ADD COLUMN     "user_agent" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "last_plan_id" TEXT,
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "manual_scores" (
    "id" TEXT NOT NULL,
    "scheme_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "entered_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "manual_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "notices" JSONB NOT NULL,
    "doc_number" TEXT,
    "origin" TEXT NOT NULL,
    "loaded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "manual_scores_unit_id_idx" ON "manual_scores"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "manual_scores_scheme_id_unit_id_indicator_id_key" ON "manual_scores"("scheme_id", "unit_id", "indicator_id");

-- CreateIndex
CREATE INDEX "calendar_days_year_idx" ON "calendar_days"("year");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_days_scope_date_key" ON "calendar_days"("scope", "date");

-- AddForeignKey
ALTER TABLE "manual_scores" ADD CONSTRAINT "manual_scores_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "assessment_schemes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_scores" ADD CONSTRAINT "manual_scores_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_scores" ADD CONSTRAINT "manual_scores_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The change marker's trigger on the new tables (see 20261201203000_change_marker). Hand-written.
CREATE TRIGGER "qxg_note_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "manual_scores"
FOR EACH STATEMENT EXECUTE FUNCTION "qxg_note_change"();
CREATE TRIGGER "qxg_note_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_years"
FOR EACH STATEMENT EXECUTE FUNCTION "qxg_note_change"();
CREATE TRIGGER "qxg_note_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_days"
FOR EACH STATEMENT EXECUTE FUNCTION "qxg_note_change"();
