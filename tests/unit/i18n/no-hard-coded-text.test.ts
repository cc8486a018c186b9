/**
 * No user-facing English left in JSX: every text node and every user-facing attribute (placeholder, title,
 * aria-label, alt, label) of app/ and components/ goes through the messages. Parsed with TypeScript's own
 * parser, so only real JSX text counts, not comments or class names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];
const USER_FACING_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt", "label", "caption", "description"]);
/** Words that are the same in every language: product and format names, technical tokens shown as code. */
const ALLOWED = [/^Vigie$/, /^SVG$/, /^UTC$/, /^CSV$/, /^Authorization: Bearer/, /^curl /, /^https:\/\/…$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

function hardCoded(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (text: string, node: ts.Node) => {
    const value = text.replace(/\s+/g, " ").trim();
    if (!/[A-Za-zÀ-ÿ]{2,}/.test(value) || ALLOWED.some((pattern) => pattern.test(value))) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path}:${line + 1}: ${value}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node.text, node);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init.text, init);
      if (ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))) {
        report(init.expression.text, init);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("translated interface", () => {
  it("has no hard-coded user-facing text in app/ and components/", () => {
    expect(ROOTS.flatMap(files).flatMap(hardCoded)).toEqual([]);
  });
});
