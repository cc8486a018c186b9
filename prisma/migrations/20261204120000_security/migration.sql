-- CreateEnum
CREATE TYPE "token_scope" AS ENUM ('read', 'read-write');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "session_generation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "scope" "token_scope" NOT NULL DEFAULT 'read-write';

-- AlterTable
ALTER TABLE "login_attempt" ADD COLUMN     "throttled" BOOLEAN NOT NULL DEFAULT false;
