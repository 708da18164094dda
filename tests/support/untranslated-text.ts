import path from "node:path";
import ts from "typescript";
import { isTranslationKey } from "../../app/i18n/translate";

/**
 * Finds user-facing text written straight into a component instead of going through t():
 * - JSX text with a letter in it (`<p>Log in</p>`);
 * - a string or template literal with a letter shown as a JSX child (`{ok ? "Yes" : "No"}`) or
 *   given to a prop people read (label, title, aria-label, placeholder, hint, pendingText, …);
 * - a literal with a letter assigned to an object property of those names (`{ title: "…" }` in
 *   `meta`, `{ label: "Budgets" }` in a nav list).
 * Not flagged: literals passed to a call (`t("auth.login.submit")`, `encodeURIComponent("…")`),
 * message keys themselves, class names and other attributes, and any line carrying the
 * comment `i18n-exempt` (say why next to it: a brand, a code sample).
 */
const USER_FACING = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "aria-roledescription",
  "title",
  "alt",
  "placeholder",
  "label",
  "legend",
  "hint",
  "description",
  "pendingText",
  "error",
  "formError",
  "message",
  "body",
  "text",
  "confirmText",
  "emptyText",
]);
const LETTER = /\p{L}/u;
const SHOWN_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.CommaToken,
]);

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
  return null;
}

function nameOf(node: ts.PropertyName | ts.JsxAttributeName): string {
  if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isJsxNamespacedName(node)) return `${node.namespace.text}:${node.name.text}`;
  return "";
}

/** Where a literal ends up: shown (flag), passed to a call (fine), or somewhere else (fine). */
function isShown(literal: ts.Node): boolean {
  let child: ts.Node = literal;
  for (let node = literal.parent; node; child = node, node = node.parent) {
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) return false;
    // A comparison (`kind === "startup"`) or an index (`labels["x"]`) is not shown; `a ?? "x"`, `ok && "x"`, `"x" + y` may be.
    if (ts.isElementAccessExpression(node)) return false;
    if (ts.isBinaryExpression(node) && !SHOWN_OPERATORS.has(node.operatorToken.kind)) return false;
    if (ts.isJsxAttribute(node)) return USER_FACING.has(nameOf(node.name));
    if (ts.isJsxExpression(node)) {
      if (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) return true;
      continue;
    }
    if (ts.isPropertyAssignment(node)) return node.initializer === child && USER_FACING.has(nameOf(node.name));
    if (ts.isStatement(node) || ts.isFunctionLike(node) || ts.isSourceFile(node)) return false;
  }
  return false;
}

export function findUntranslatedText(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = text.split("\n");
  const relative = path.relative(path.resolve(__dirname, "../.."), file) || file;
  const problems: string[] = [];
  const report = (node: ts.Node, shown: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    if (/i18n-exempt/.test(lines[line] ?? "") || /i18n-exempt/.test(lines[line - 1] ?? "")) return;
    problems.push(`${relative}:${line + 1}: ${shown.trim().replace(/\s+/g, " ")}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text);
    } else {
      const literal = literalText(node);
      if (literal !== null && LETTER.test(literal) && !isTranslationKey(literal) && isShown(node)) report(node, literal);
      if (literal !== null && !ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}
