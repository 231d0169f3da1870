-- AlterTable
ALTER TABLE "assessment_explanations" ADD COLUMN     "indicator_id" TEXT,
ADD COLUMN     "text_en" TEXT;
