/**
 * The architecture as rules (issue #14 item 9, decision 013). `npm run lint:arch` checks them
 * and `npm test` runs that before the build. The layers, outermost first:
 *
 *   routes ──▶ models ──▶ db            (routes reach data only through models)
 *     │  ╲        │
 *     │   ╲       ▼
 *     ▼    ╲─▶ domain, views, i18n ──▶ finance (pure: imports only itself)
 *   components ─┘
 *
 * Type-only imports count (tsPreCompilationDeps): a component naming a model's type is the
 * same coupling as importing its function, so view types live in app/views.
 */
const TESTS = "\\.test\\.tsx?$";
const SERVER_MODULE = "\\.server\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "routes-data-through-models",
      comment: "Routes are thin: guard → parse → one model call → respond. They reach data only through app/models — never db/, the ORM or a driver.",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: ["^db/", "(^|/)node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/"] },
    },
    {
      name: "routes-no-database-handle",
      comment:
        "Routes take their context from the tenant door (or the system door) and pass it to a model; the raw database handle (app/db.server.ts) is for models only (issue #14 item 2).",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: "^app/db\\.server\\.ts$" },
    },
    {
      name: "components-no-models-or-db",
      comment: "Components render what they are given. They import no model and nothing of db/ — types included: the types a page receives live in app/views.",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: ["^app/models/", "^db/", "^app/db\\.server\\.ts$", "(^|/)node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/"] },
    },
    {
      name: "finance-is-pure",
      comment:
        "The finance engine is pure: figures in, figures and codes out. It imports nothing outside app/finance — no model, db, route, i18n, React or any package. Its tests may reach its edge.",
      severity: "error",
      from: { path: "^app/finance/", pathNot: TESTS },
      to: { pathNot: "^app/finance/" },
    },
    {
      name: "db-imports-nothing-from-app",
      comment:
        "db/ (client, schema, tenancy, drivers) is the bottom layer: it imports nothing from app/. The programs in db/cli, the seeders and tests sit on top and may.",
      severity: "error",
      from: { path: "^db/", pathNot: ["^db/cli/", "^db/seed[^/]*\\.ts$", TESTS] },
      to: { path: "^app/" },
    },
    {
      name: "no-server-module-in-browser-code",
      comment:
        "A *.server module is emptied in the browser bundle. Components and every shared (non-.server) module must not import one for its values. Route modules and root.tsx may (their loader/action run on the server): tests/static/server-imports.test.ts checks the values they use stay there.",
      severity: "error",
      from: {
        path: "^app/",
        pathNot: [SERVER_MODULE, TESTS, "^app/routes/", "^app/root\\.tsx$", "^app/entry\\.server\\.tsx$"],
      },
      // One deliberate exception: translate.ts reads the full compiled catalogue (messages.server.ts) to resolve
      // message refs on the server; in the browser that module is empty by design (decision 012).
      to: { path: SERVER_MODULE, pathNot: "^app/i18n/messages\\.server\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-no-server-modules",
      comment: "Components import no *.server module at all, not even for a type: what they receive is a view type (app/views).",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: SERVER_MODULE },
    },
    {
      name: "no-circular",
      comment: "No module depends on itself through others: a cycle makes the layers meaningless and the load order fragile.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves (a path the rules cannot see is a path they cannot check).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: ["^build/", "^public/build/", "\\.cache/", "^app/i18n/messages/"] },
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
