/**
 * Every message the data layer and routes throw as an AppError reaches a French reader in French: each
 * literal `new AppError(code, "…")` in lib/ and app/ is either keyed or matched by a template of
 * `apiErrors.templates`. A new English message without its French wording fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { errorWording } from "@/lib/errors/localize";

/** Messages left in English on purpose: JSON shapes quoted for developers, and wrappers of other messages. */
const ENGLISH_ON_PURPOSE = [
  "Send {",
  "delimiter: must be , or ;",
  "${what} is empty",
  "${what} looks like a binary file",
  "bucket: ${message}",
  // Worded per case by two literal templates (demote, disable).
  "Cannot ${change} the last active admin",
  // Worded by two templates each (with and without the line; one column or several; one bad line or several).
  "The file is not valid CSV${",
  "line 1: missing column${",
  "${errors.length} bad line${",
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function thrownMessages(): { file: string; code: ErrorCode; literal: string }[] {
  const found: { file: string; code: ErrorCode; literal: string }[] = [];
  for (const file of [...sources("lib"), ...sources("app")]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/new AppError\(\s*"(\w+)",\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/g)) {
      found.push({ file, code: match[1] as ErrorCode, literal: match[2]!.slice(1, -1) });
    }
  }
  return found;
}

describe("thrown error messages in French", () => {
  it("finds the thrown messages it checks", () => {
    expect(thrownMessages().length).toBeGreaterThan(40);
  });

  it("words every literal AppError message in French, keyed or by template", async () => {
    const words = await errorWording("fr");
    const english = thrownMessages()
      .filter(({ literal }) => !ENGLISH_ON_PURPOSE.some((prefix) => literal.startsWith(prefix)))
      .map(({ file, code, literal }) => {
        let sample = 0;
        const message = literal.replace(/\$\{[^}]*\}/g, () => `${++sample}`).replace(/\\"/g, '"');
        return { file, message, french: words.message(new AppError(code, message)) };
      })
      .filter(({ message, french }) => french === message);
    expect(english).toEqual([]);
  });
});
