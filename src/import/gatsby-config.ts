/**
 * A Gatsby site's settings, read without running them. `gatsby-config.js` and the files it requires
 * (zoomkoding's `gatsby-meta-config.js`, gatsby-starter-hoodie's `blog-config.js`) are JavaScript:
 * running them would execute the old site's code and need its `node_modules`. So they are parsed
 * (acorn; esbuild strips a `gatsby-config.ts`'s types first) and only what is written as a literal is
 * read: objects, arrays, strings, numbers, booleans, template strings around `__dirname`,
 * `path.join(__dirname, "content")`, `require("./x")` of a file beside it and top-level constants.
 * Anything computed (`process.env.X`, a function call) is left unread. No library reads a JavaScript
 * object literal into a value without evaluating it, so this small reader is written here.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, type Node } from "acorn";
import { transformSync } from "esbuild";

/** What a literal evaluates to; `undefined` for anything computed. */
export type JsValue = string | number | boolean | null | JsValue[] | { [key: string]: JsValue };

/** The site's folder in a path read from the config: `${__dirname}/content` is `<root>/content`. */
const ROOT = "\u0000root";

/* Acorn's tree, as far as it is read here (its own types are a union too wide to narrow by `type`). */
interface AnyNode extends Node {
  [key: string]: unknown;
}

interface Scope {
  file: string;
  constants: Map<string, AnyNode>;
  /** Constants being read: `const a = b; const b = a;` reads as nothing instead of recursing forever. */
  reading: Set<string>;
  depth: number;
}

function programOf(file: string): AnyNode | undefined {
  let text = readFileSync(file, "utf8");
  if (/\.[cm]?ts$/.test(file)) text = transformSync(text, { loader: "ts", format: "esm" }).code;
  for (const sourceType of ["module", "script"] as const) {
    try {
      return parse(text, { ecmaVersion: "latest", sourceType, allowHashBang: true, allowReturnOutsideFunction: true }) as unknown as AnyNode;
    } catch {
      // A CommonJS file that uses `with` or a module-only word the other way round: try the other kind.
    }
  }
  return undefined;
}

/** A required file beside `from`: `./x`, `./x.js`, `./x/index.js`. */
function resolveRequire(from: string, request: string): string | undefined {
  if (!request.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), request);
  return [base, ...[".js", ".cjs", ".mjs", ".ts", ".json"].map((ext) => base + ext), path.join(base, "index.js")].find((file) => existsSync(file) && statSync(file).isFile());
}

const asNode = (value: unknown): AnyNode | undefined => (typeof value === "object" && value !== null && "type" in value ? (value as AnyNode) : undefined);

function evaluate(node: AnyNode | undefined, scope: Scope): JsValue | undefined {
  if (node === undefined) return undefined;
  switch (node.type) {
    case "Literal":
      return typeof node.value === "object" && node.value !== null ? undefined : (node.value as JsValue); // a RegExp or BigInt is computed
    case "TemplateLiteral": {
      const quasis = node.quasis as AnyNode[];
      const expressions = node.expressions as AnyNode[];
      let text = "";
      for (let i = 0; i < quasis.length; i++) {
        text += (quasis[i]!.value as { cooked: string }).cooked;
        if (i < expressions.length) {
          const part = evaluate(expressions[i], scope);
          if (typeof part !== "string" && typeof part !== "number") return undefined;
          text += String(part);
        }
      }
      return text;
    }
    case "Identifier":
      if (node.name === "__dirname") return ROOT;
      if (node.name === "undefined") return undefined;
    {
      const name = node.name as string;
      if (scope.reading.has(name)) return undefined;
      scope.reading.add(name);
      const value = evaluate(scope.constants.get(name), scope);
      scope.reading.delete(name);
      return value;
    }
    case "ArrayExpression":
      return (node.elements as (AnyNode | null)[]).flatMap((element) => {
        const value = element === null || element.type === "SpreadElement" ? undefined : evaluate(element, scope);
        return value === undefined ? [] : [value];
      });
    case "ObjectExpression": {
      const object: Record<string, JsValue> = {};
      for (const property of node.properties as AnyNode[]) {
        if (property.type === "SpreadElement") {
          const spread = evaluate(asNode(property.argument), scope);
          if (isJsObject(spread)) Object.assign(object, spread);
          continue;
        }
        const key = asNode(property.key);
        const name = property.computed ? undefined : key?.type === "Identifier" ? (key.name as string) : key?.type === "Literal" ? String(key.value) : undefined;
        if (name === undefined) continue;
        const value = evaluate(asNode(property.value), scope);
        if (value !== undefined) object[name] = value;
      }
      return object;
    }
    case "CallExpression": {
      const callee = asNode(node.callee);
      const args = (node.arguments as AnyNode[]).map((arg) => evaluate(arg, scope));
      if (callee?.type === "Identifier" && callee.name === "require" && typeof args[0] === "string") return readRequired(scope, args[0]);
      // path.join(__dirname, "content"), path.resolve(…)
      const method = callee?.type === "MemberExpression" ? asNode(callee.property)?.name : undefined;
      if ((method === "join" || method === "resolve") && args.length > 0 && args.every((arg) => typeof arg === "string")) {
        return path.posix.join(...(args as string[]));
      }
      return undefined;
    }
    case "MemberExpression": {
      const object = evaluate(asNode(node.object), scope);
      const property = asNode(node.property);
      const key = node.computed ? evaluate(property, scope) : property?.name;
      return isJsObject(object) && typeof key === "string" ? object[key] : undefined;
    }
    case "UnaryExpression":
      if (node.operator === "-" && asNode(node.argument)?.type === "Literal") {
        const value = evaluate(asNode(node.argument), scope);
        return typeof value === "number" ? -value : undefined;
      }
      return undefined;
    default:
      return undefined;
  }
}

export const isJsObject = (value: JsValue | undefined): value is { [key: string]: JsValue } => typeof value === "object" && value !== null && !Array.isArray(value);

function readRequired(scope: Scope, request: string): JsValue | undefined {
  if (scope.depth >= 4) return undefined;
  const file = resolveRequire(scope.file, request);
  if (file === undefined) return undefined;
  if (file.endsWith(".json")) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as JsValue;
    } catch {
      return undefined;
    }
  }
  return readExports(file, scope.depth + 1);
}

/** The top-level `const`/`let`/`var` declarations of a program, by name. */
function constantsOf(program: AnyNode): Map<string, AnyNode> {
  const constants = new Map<string, AnyNode>();
  for (const statement of program.body as AnyNode[]) {
    const declaration = statement.type === "ExportNamedDeclaration" ? asNode(statement.declaration) : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations as AnyNode[]) {
      const id = asNode(declarator.id);
      const init = asNode(declarator.init);
      if (id?.type === "Identifier" && init !== undefined) constants.set(id.name as string, init);
    }
  }
  return constants;
}

/**
 * What a JavaScript (or TypeScript) file exports, as far as it is literal: `module.exports = {…}`,
 * `export default {…}` or a constant named there. Undefined when the file does not parse or exports
 * nothing readable.
 */
export function readExports(file: string, depth = 0): JsValue | undefined {
  let program: AnyNode | undefined;
  try {
    program = programOf(file);
  } catch {
    return undefined;
  }
  if (program === undefined) return undefined;
  const scope: Scope = { file, constants: constantsOf(program), reading: new Set(), depth };
  let exported: JsValue | undefined;
  for (const statement of program.body as AnyNode[]) {
    if (statement.type === "ExportDefaultDeclaration") exported = evaluate(asNode(statement.declaration), scope);
    // `export { config as default }`: how esbuild writes a TypeScript file's `export default config`.
    for (const specifier of statement.type === "ExportNamedDeclaration" ? (statement.specifiers as AnyNode[]) : []) {
      if (asNode(specifier.exported)?.name === "default") exported = evaluate(asNode(specifier.local), scope);
    }
    if (statement.type !== "ExpressionStatement") continue;
    const expression = asNode(statement.expression);
    if (expression?.type !== "AssignmentExpression" || expression.operator !== "=") continue;
    const target = asNode(expression.left);
    const object = asNode(target?.object);
    const property = asNode(target?.property);
    // module.exports = {…}; module.exports.x = …; exports.x = …
    const isModuleExports = target?.type === "MemberExpression" && object?.type === "Identifier" && object.name === "module" && property?.name === "exports";
    if (isModuleExports) exported = evaluate(asNode(expression.right), scope);
    else if (target?.type === "MemberExpression" && !target.computed && property?.type === "Identifier") {
      const owner = object?.type === "Identifier" && object.name === "exports" ? "exports"
        : object?.type === "MemberExpression" && asNode(object.object)?.name === "module" && asNode(object.property)?.name === "exports" ? "module.exports" : undefined;
      const value = owner === undefined ? undefined : evaluate(asNode(expression.right), scope);
      if (value !== undefined) exported = { ...(isJsObject(exported) ? exported : {}), [property.name as string]: value };
    }
  }
  return exported;
}

/**
 * A path read from the config, relative to the site's root (posix), or undefined when it is not under
 * the root: `${__dirname}/content/blog` -> `content/blog`, `./posts` -> `posts`.
 */
export function siteRelativePath(value: JsValue | undefined): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.startsWith(ROOT) ? value.slice(ROOT.length) : value.startsWith("/") ? undefined : value;
  if (text === undefined) return undefined;
  const normalized = path.posix.normalize(text.replace(/^\/+/, "") || ".");
  return normalized.startsWith("..") ? undefined : normalized.replace(/\/+$/, "");
}
