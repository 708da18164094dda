import path from "node:path";
import ts from "typescript";
import { first } from "./at";

/**
 * Route modules are bundled for the browser too: Remix strips `loader`/`action` and empties
 * `*.server` modules there. A value imported from a `.server` module and used anywhere the
 * browser runs — the component, `meta`, or a module-level constant (evaluated on load, even if
 * only the action reads it) — is `undefined` in the browser: the page crashes or fails to
 * hydrate. Twice this slipped through review and was only caught in a real browser; this check
 * finds it from the source.
 */
export const ROOT = path.resolve(__dirname, "../..");
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);

function valueImportsFromServerModules(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!/\.server$/.test(from)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (statement.importClause?.name) names.add(statement.importClause.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
    }
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
  }
  return names;
}

/** The name a top-level statement declares, and whether its body runs only when called. */
function describeStatement(statement: ts.Statement): { name: string | null; deferred: boolean } {
  if (ts.isFunctionDeclaration(statement)) return { name: statement.name?.text ?? "default", deferred: true };
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const declaration = first(statement.declarationList.declarations, "declaration");
    const init = declaration.initializer;
    const deferred = !!init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
    return { name: ts.isIdentifier(declaration.name) ? declaration.name.text : null, deferred };
  }
  return { name: null, deferred: false };
}

function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent)) && parent.name === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
  for (let n: ts.Node | undefined = parent; n; n = n.parent) if (ts.isTypeNode(n)) return false; // erased
  return true;
}

export function findBrowserUsesOfServerValues(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const serverValues = valueImportsFromServerModules(source);
  if (serverValues.size === 0) return [];
  // app/root.tsx is the root route: its loader runs on the server like any route's.
  const isRoute = file.includes(`${path.sep}routes${path.sep}`) || path.basename(file) === "root.tsx";
  const statements = source.statements.filter((s) => !ts.isImportDeclaration(s));
  const info = statements.map((s) => ({ statement: s, ...describeStatement(s) }));

  // References to each top-level name, by the top-level statement they sit in.
  const referencesTo = new Map<string, ts.Statement[]>();
  const serverValueUses: { statement: ts.Statement; name: string; line: number }[] = [];
  for (const statement of statements) {
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && isReference(node)) {
        const list = referencesTo.get(node.text) ?? [];
        list.push(statement);
        referencesTo.set(node.text, list);
        if (serverValues.has(node.text)) {
          serverValueUses.push({ statement, name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(statement, visit);
  }

  // Server-only: loader/action/headers, then deferred helpers referenced only from server-only code.
  const serverOnly = new Set<ts.Statement>();
  if (isRoute) for (const i of info) if (i.name && SERVER_ONLY_EXPORTS.has(i.name)) serverOnly.add(i.statement);
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of info) {
      if (serverOnly.has(i.statement) || !i.deferred || !i.name) continue;
      const users = (referencesTo.get(i.name) ?? []).filter((s) => s !== i.statement);
      if (users.length > 0 && users.every((s) => serverOnly.has(s))) {
        serverOnly.add(i.statement);
        changed = true;
      }
    }
  }
  return serverValueUses
    .filter((use) => !serverOnly.has(use.statement))
    .map((use) => `${path.relative(ROOT, file)}:${use.line} uses ${use.name} from a .server module where the browser runs it`);
}
