// The product's import graph, built once per TypeScript program from the files the type-aware
// parser already loaded: every static, type-only, re-exporting and dynamic import, resolved the
// way the compiler resolves them (tsconfig paths included).
import path from 'node:path';
import ts from 'typescript';

/** Product code: what ships in the extension (tests, sandbox and tools are not). */
const PRODUCT_DIRS = ['entrypoints', 'components', 'lib'];

/** @param {string} root @param {string} fileName */
export function isProductFile(root, fileName) {
  const relative = path.relative(root, fileName);
  if (relative.startsWith('..') || fileName.endsWith('.d.ts')) return false;
  return PRODUCT_DIRS.some((dir) => relative.startsWith(dir + path.sep)) || relative === 'wxt.config.ts';
}

/**
 * @typedef {{ target: string, specifier: string, names: Set<string>, typeOnly: boolean }} Edge
 * @typedef {{ edges: Map<string, Edge[]>, root: string }} ModuleGraph
 */

/** @type {WeakMap<ts.Program, ModuleGraph>} */
const graphs = new WeakMap();

/** @param {ts.Program} program @param {string} root @returns {ModuleGraph} */
export function moduleGraph(program, root) {
  const known = graphs.get(program);
  if (known) return known;
  const options = program.getCompilerOptions();
  /** @type {Map<string, Edge[]>} */
  const edges = new Map();
  for (const sourceFile of program.getSourceFiles()) {
    if (!isProductFile(root, sourceFile.fileName)) continue;
    /** @type {Edge[]} */
    const out = [];
    const resolve = (/** @type {string} */ specifier) => {
      const resolved = ts.resolveModuleName(specifier, sourceFile.fileName, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return null;
      return path.resolve(resolved.resolvedFileName);
    };
    const add = (/** @type {string} */ specifier, /** @type {string[]} */ names, /** @type {boolean} */ typeOnly) => {
      const target = resolve(specifier);
      if (target && isProductFile(root, target)) out.push({ target, specifier, names: new Set(names), typeOnly });
    };
    const visit = (/** @type {ts.Node} */ node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        /** @type {string[]} */
        const names = [];
        if (clause?.name) names.push('default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
        add(node.moduleSpecifier.text, names, !!clause?.isTypeOnly);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.exportClause;
        const names = clause && ts.isNamedExports(clause) ? clause.elements.map((el) => (el.propertyName ?? el.name).text) : ['*'];
        add(node.moduleSpecifier.text, names, node.isTypeOnly);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const qualifier = node.qualifier ? (ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*') : '*';
        add(node.argument.literal.text, [qualifier], true);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteral(argument)) add(argument.text, ['*'], false);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    edges.set(path.resolve(sourceFile.fileName), out);
  }
  const graph = { edges, root };
  graphs.set(program, graph);
  return graph;
}

/**
 * The shortest chain of imports from `from` back to `to` (file names), or null when there is none.
 * @param {ModuleGraph} graph @param {string} from @param {string} to
 */
export function pathBetween(graph, from, to) {
  /** @type {Map<string, string | null>} */
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = /** @type {string} */ (queue.shift());
    if (current === to) {
      const chain = [];
      for (let at = /** @type {string | null} */ (current); at !== null; at = previous.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const edge of graph.edges.get(current) ?? []) {
      if (previous.has(edge.target)) continue;
      previous.set(edge.target, current);
      queue.push(edge.target);
    }
  }
  return null;
}

/**
 * Names each product file's exports are imported by, from other product files ('*' = all).
 * @param {ModuleGraph} graph @returns {Map<string, Set<string>>}
 */
export function importedNames(graph) {
  /** @type {Map<string, Set<string>>} */
  const used = new Map();
  for (const [file, out] of graph.edges) {
    for (const edge of out) {
      if (edge.target === file) continue;
      const names = used.get(edge.target) ?? new Set();
      for (const name of edge.names) names.add(name);
      used.set(edge.target, names);
    }
  }
  return used;
}
