import fs from "node:fs";
import path from "node:path";

/**
 * Every public endpoint of the app, found from the source files rather than from a list
 * someone has to remember: each export of a "use server" file (a server action is a POST
 * endpoint anyone can call) and each HTTP method a route handler (`app/**\/route.ts`) exports.
 * Names look like `createClaimAction` and `PATCH /api/claims/[id]`.
 */
export interface ServerEndpoints {
  actions: string[];
  routes: string[];
  /** Files with a "use server" directive inside a function: inline actions the test cannot list. */
  inlineActions: string[];
}

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
// The directive must be the file's first statement (comments and blank lines may precede it).
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /["']use server["']/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => SOURCE.test(f))
    .map((f) => path.join(dir, f));
}

/** The names a module exports at run time (types and interfaces left out). */
export function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(
    /^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+(\w+)/gm,
  )) {
    names.push(m[1]);
  }
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name && !name.startsWith("type ")) names.push(name);
    }
  }
  return names;
}

/** Scans `roots` (relative to `cwd`) for server actions, and `appDir` for route handlers. */
export function discoverServerEndpoints(
  cwd: string,
  roots = ["app", "components", "lib"],
  appDir = "app",
): ServerEndpoints {
  const actions: string[] = [];
  const inlineActions: string[] = [];
  for (const root of roots) {
    for (const file of sourceFiles(path.join(cwd, root))) {
      const source = fs.readFileSync(file, "utf8");
      if (FILE_DIRECTIVE.test(source)) actions.push(...exportedNames(source));
      else if (ANY_DIRECTIVE.test(source)) inlineActions.push(path.relative(cwd, file));
    }
  }
  const routes: string[] = [];
  for (const file of sourceFiles(path.join(cwd, appDir)).filter((f) => /^route\.(ts|js)$/.test(path.basename(f)))) {
    const url = `/${path.relative(path.join(cwd, appDir), path.dirname(file)).split(path.sep).join("/")}`;
    for (const name of exportedNames(fs.readFileSync(file, "utf8")))
      if (HTTP_METHODS.has(name)) routes.push(`${name} ${url}`);
  }
  return { actions: actions.sort(), routes: routes.sort(), inlineActions: inlineActions.sort() };
}
