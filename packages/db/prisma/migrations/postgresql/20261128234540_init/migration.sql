-- CreateEnum
CREATE TYPE "publicity" AS ENUM ('PUBLIC', 'ON_REQUEST', 'NOT_PUBLIC');

-- CreateEnum
CREATE TYPE "assignment_role" AS ENUM ('LEAD', 'RESPONSIBLE');

-- CreateEnum
CREATE TYPE "progress_state" AS ENUM ('STARTED', 'PARTIAL', 'DONE');

-- CreateEnum
CREATE TYPE "outside_event_kind" AS ENUM ('PLATFORM_LIVE', 'COMMENDATION', 'CRITICISM', 'TRAINING', 'EXPERIENCE_PROMOTED', 'OTHER');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'REPORTER', 'ANALYST');

-- CreateTable
CREATE TABLE "units" (
    "id" TEXT NOT NULL,
    "canonical_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_aliases" (
    "id" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,

    CONSTRAINT "unit_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "doc_number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "recipients" TEXT NOT NULL,
    "publicity" "publicity" NOT NULL,
    "basis_documents" JSONB NOT NULL,
    "source_text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "categories" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_tasks" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "category_id" TEXT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "body_units" JSONB NOT NULL,
    "deadline_phrases" JSONB NOT NULL,

    CONSTRAINT "key_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safeguard_measures" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "safeguard_measures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_items" (
    "id" TEXT NOT NULL,
    "key_task_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "deadline_text" TEXT NOT NULL,
    "deadline" JSONB NOT NULL,

    CONSTRAINT "work_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignments" (
    "id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "work_item_id" TEXT NOT NULL,
    "role" "assignment_role" NOT NULL,
    "expanded_from" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_reports" (
    "id" TEXT NOT NULL,
    "assignment_id" TEXT NOT NULL,
    "reported_on" TEXT NOT NULL,
    "state" "progress_state" NOT NULL,
    "percent" INTEGER,
    "note" TEXT,
    "supersedes_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "site_column" TEXT,
    "published_on" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outside_events" (
    "id" TEXT NOT NULL,
    "kind" "outside_event_kind" NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "unit_id" TEXT,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outside_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_schemes" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_schemes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_runs" (
    "id" TEXT NOT NULL,
    "scheme_id" TEXT NOT NULL,
    "as_of" TEXT NOT NULL,
    "results" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_explanations" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "unit_id" TEXT,
    "position" INTEGER NOT NULL,
    "points" DOUBLE PRECISION,
    "text" TEXT NOT NULL,

    CONSTRAINT "assessment_explanations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "unit_id" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_canonical_name_key" ON "units"("canonical_name");

-- CreateIndex
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");

-- CreateIndex
CREATE INDEX "units_kind_idx" ON "units"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "unit_aliases_alias_key" ON "unit_aliases"("alias");

-- CreateIndex
CREATE INDEX "unit_aliases_unit_id_idx" ON "unit_aliases"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "plans_doc_number_key" ON "plans"("doc_number");

-- CreateIndex
CREATE INDEX "plans_year_idx" ON "plans"("year");

-- CreateIndex
CREATE UNIQUE INDEX "categories_plan_id_number_key" ON "categories"("plan_id", "number");

-- CreateIndex
CREATE INDEX "key_tasks_category_id_idx" ON "key_tasks"("category_id");

-- CreateIndex
CREATE UNIQUE INDEX "key_tasks_plan_id_number_key" ON "key_tasks"("plan_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "safeguard_measures_plan_id_number_key" ON "safeguard_measures"("plan_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "work_items_key_task_id_position_key" ON "work_items"("key_task_id", "position");

-- CreateIndex
CREATE INDEX "assignments_unit_id_idx" ON "assignments"("unit_id");

-- CreateIndex
CREATE INDEX "assignments_work_item_id_idx" ON "assignments"("work_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_work_item_id_unit_id_role_key" ON "assignments"("work_item_id", "unit_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "progress_reports_supersedes_id_key" ON "progress_reports"("supersedes_id");

-- CreateIndex
CREATE INDEX "progress_reports_assignment_id_reported_on_idx" ON "progress_reports"("assignment_id", "reported_on");

-- CreateIndex
CREATE INDEX "progress_reports_created_by_id_idx" ON "progress_reports"("created_by_id");

-- CreateIndex
CREATE INDEX "evidence_report_id_idx" ON "evidence"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "outside_events_event_key_key" ON "outside_events"("event_key");

-- CreateIndex
CREATE INDEX "outside_events_unit_id_idx" ON "outside_events"("unit_id");

-- CreateIndex
CREATE INDEX "outside_events_occurred_on_idx" ON "outside_events"("occurred_on");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_schemes_plan_id_name_key" ON "assessment_schemes"("plan_id", "name");

-- CreateIndex
CREATE INDEX "assessment_runs_scheme_id_as_of_idx" ON "assessment_runs"("scheme_id", "as_of");

-- CreateIndex
CREATE INDEX "assessment_explanations_run_id_unit_id_idx" ON "assessment_explanations"("run_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_explanations_run_id_position_key" ON "assessment_explanations"("run_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_aliases" ADD CONSTRAINT "unit_aliases_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safeguard_measures" ADD CONSTRAINT "safeguard_measures_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_key_task_id_fkey" FOREIGN KEY ("key_task_id") REFERENCES "key_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "progress_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outside_events" ADD CONSTRAINT "outside_events_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_runs" ADD CONSTRAINT "assessment_runs_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "assessment_schemes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_explanations" ADD CONSTRAINT "assessment_explanations_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "assessment_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
