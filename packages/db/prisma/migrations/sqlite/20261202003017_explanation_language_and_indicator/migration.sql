-- AlterTable
ALTER TABLE "assessment_explanations" ADD COLUMN "indicator_id" TEXT;
ALTER TABLE "assessment_explanations" ADD COLUMN "text_en" TEXT;
