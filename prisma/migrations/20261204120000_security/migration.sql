-- AlterTable
ALTER TABLE "login_attempt" ADD COLUMN     "throttled" BOOLEAN NOT NULL DEFAULT false;
