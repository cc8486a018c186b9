-- AlterTable
ALTER TABLE "user" ADD COLUMN     "locale" VARCHAR(5);
