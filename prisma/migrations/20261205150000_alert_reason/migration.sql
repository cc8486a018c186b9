-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "reason" JSONB;
