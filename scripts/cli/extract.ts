/**
 * Extracts incidents from one article without touching the database and prints one JSON document
 * (the contract of issue 3). Usage: tsx scripts/cli/extract.ts <file|-> [--published YYYY-MM-DD] [--lang fr|en]
 * HTML files (by extension or content) are converted to text; feeds should go through the ingest command.
 */
import { readFileSync } from "node:fs";
import { extractArticle, normalizePublishedAt, type ArticleInput } from "../../lib/ingest/pipeline";
import { reportFailures } from "../lib/cli";

reportFailures("npm run extract");

const MAX_BYTES = 10 * 1024 * 1024;
const USAGE = "usage: extract <file|-> [--published YYYY-MM-DD] [--lang fr|en]";

class UsageError extends Error {}

interface CliOptions {
  path: string;
  published?: string;
  language?: "fr" | "en";
}

function parseArgs(argv: string[]): CliOptions {
  let path: string | undefined;
  let published: string | undefined;
  let language: "fr" | "en" | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--published" || flag === "--lang") {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(`${flag} needs a value`);
      if (flag === "--published") {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !normalizePublishedAt(value)) {
          throw new UsageError(`invalid --published date "${value}" (expected a real day as YYYY-MM-DD)`);
        }
        published = value;
      } else {
        if (value !== "fr" && value !== "en") throw new UsageError(`invalid --lang "${value}" (expected fr or en)`);
        language = value;
      }
    } else if (flag === "-h" || flag === "--help") {
      throw new UsageError(USAGE);
    } else if (flag.startsWith("--")) {
      throw new UsageError(`unknown option ${flag}`);
    } else if (path === undefined) {
      path = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (!path) throw new UsageError("missing input file (use - for standard input)");
  return { path, published, language };
}

function readInput(path: string): Buffer {
  try {
    return path === "-" ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `no such file: ${path}` : code === "EISDIR" ? `${path} is a directory` : `cannot read ${path}: ${code ?? error}`);
  }
}

/** Text must be UTF-8 and not binary: a NUL byte or invalid UTF-8 means the wrong file was given. */
function decodeText(bytes: Buffer): string {
  if (bytes.length > MAX_BYTES) throw new UsageError(`input is ${bytes.length} bytes; the limit is ${MAX_BYTES}`);
  if (bytes.includes(0)) throw new UsageError("input looks binary (NUL bytes); expected text, Markdown or HTML");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError("input is not valid UTF-8 text");
  }
  text = text.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new UsageError("input is empty");
  return text;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const text = decodeText(readInput(options.path));
  const isHtml = /\.html?$/i.test(options.path) || /^\s*(<!doctype html|<html\b)/i.test(text);
  const input: ArticleInput = isHtml
    ? { text: "", html: text, publishedAt: options.published, language: options.language }
    : { text, publishedAt: options.published, language: options.language };
  process.stdout.write(`${JSON.stringify(extractArticle(input), null, 2)}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`extract: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`extract: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
