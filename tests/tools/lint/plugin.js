// DeskLink's own lint rules: what the stock plugins cannot check. import-x's no-cycle skips
// type-only imports and its no-unused-modules needs the legacy config, so both are written here
// on the compiler's own view of the program (the type-aware parser's).
import path from 'node:path';
import { importedNames, isProductFile, moduleGraph, pathBetween } from './module-graph.js';

/** @param {import('eslint').Rule.RuleContext} context */
function programOf(context) {
  const program = context.sourceCode.parserServices?.program;
  if (!program) throw new Error('desklink rules need type information (parserOptions.projectService)');
  return program;
}

const rootOf = (/** @type {import('eslint').Rule.RuleContext} */ context) => context.cwd;
const show = (/** @type {string} */ root, /** @type {string} */ file) => path.relative(root, file);

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles between product modules, type-only imports included.' },
    messages: { cycle: 'Import cycle: {{chain}}.' },
    schema: [],
  },
  create(context) {
    const root = rootOf(context);
    const file = path.resolve(context.filename);
    if (!isProductFile(root, file)) return {};
    const graph = moduleGraph(programOf(context), root);
    return {
      Program(node) {
        for (const edge of graph.edges.get(file) ?? []) {
          const back = pathBetween(graph, edge.target, file);
          if (!back) continue;
          const chain = [file, ...back].map((f) => show(root, f)).join(' → ');
          const at = findImport(node, edge.specifier) ?? node;
          context.report({ node: at, messageId: 'cycle', data: { chain } });
        }
      },
    };
  },
};

/** @param {import('estree').Program} program @param {string} specifier */
function findImport(program, specifier) {
  return program.body.find(
    (statement) =>
      (statement.type === 'ImportDeclaration' ||
        statement.type === 'ExportNamedDeclaration' ||
        statement.type === 'ExportAllDeclaration') &&
      statement.source?.value === specifier,
  );
}

/** Names a top-level export statement declares, with the node to report on. */
function* exportedBy(/** @type {any} */ statement) {
  if (statement.type === 'ExportDefaultDeclaration') yield { name: 'default', node: statement };
  if (statement.type !== 'ExportNamedDeclaration' || statement.source) return;
  const declaration = statement.declaration;
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations)
      if (declarator.id.type === 'Identifier') yield { name: declarator.id.name, node: declarator };
  } else if (declaration?.id) {
    yield { name: declaration.id.name, node: declaration };
  }
  for (const specifier of statement.specifiers ?? []) yield { name: specifier.exported.name ?? specifier.exported.value, node: specifier };
}

/** @type {import('eslint').Rule.RuleModule} */
const noUnusedExport = {
  meta: {
    type: 'suggestion',
    docs: { description: 'No export that no other product module imports (tests do not count: keep internals unexported).' },
    messages: { unused: '`{{name}}` is exported but no product module imports it.' },
    schema: [{ type: 'object', properties: { entrypoints: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
  },
  create(context) {
    const root = rootOf(context);
    const file = path.resolve(context.filename);
    const entrypoints = (context.options[0]?.entrypoints ?? []).map((/** @type {string} */ dir) => path.resolve(root, dir) + path.sep);
    if (!isProductFile(root, file) || entrypoints.some((/** @type {string} */ dir) => file.startsWith(dir))) return {};
    const used = importedNames(moduleGraph(programOf(context), root)).get(file) ?? new Set();
    if (used.has('*')) return {};
    return {
      Program(node) {
        for (const statement of node.body) {
          for (const { name, node: at } of exportedBy(statement)) {
            if (!used.has(name)) context.report({ node: at, messageId: 'unused', data: { name } });
          }
        }
      },
    };
  },
};

export default { meta: { name: 'desklink' }, rules: { 'no-import-cycle': noImportCycle, 'no-unused-export': noUnusedExport } };
