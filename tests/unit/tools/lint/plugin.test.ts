// @vitest-environment node
// The house rules hold only if the linter really fails on a breach: a small project with one
// breach of each kind is linted with the repository's own eslint.config.js.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = path.resolve('eslint.config.js');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true },
    include: ['**/*.ts'],
  }),
  // A cycle made only of type imports.
  'lib/background/context.ts': "import type { Renewal } from './renewal';\nexport interface Context { renewal: Renewal }\n",
  'lib/background/renewal.ts': "import type { Context } from './context';\nexport interface Renewal { context: Context }\n",
  // Shared code importing the content script's code, and the worker importing it too.
  'lib/page/reader.ts': 'export const readEmail = (): string => "a@b.example";\n',
  'lib/shared/hosts.ts': "import { readEmail } from '../page/reader';\nexport const host = readEmail();\n",
  'lib/background/broker.ts':
    "import { readEmail } from '../page/reader';\nimport { host } from '../shared/hosts';\nexport const unusedByAnyone = 1;\nexport const broker = [readEmail(), host];\nasync function call(): Promise<void> {}\nexport function start(): void {\n  call();\n}\n",
  'entrypoints/background.ts':
    "import { broker, start } from '../lib/background/broker';\nimport type { Context } from '../lib/background/context';\nexport const wired: [unknown, Context | null] = [broker, null];\nstart();\n",
};

let dir = '';
let messages: { file: string; rule: string | null; text: string }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desklink-lint-'));
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  // The boundary zones are paths relative to where ESLint runs, as `npm run lint` runs it.
  const home = process.cwd();
  process.chdir(dir);
  const results = await new ESLint({ cwd: dir, overrideConfigFile: CONFIG })
    .lintFiles(['lib/**/*.ts', 'entrypoints/**/*.ts'])
    .finally(() => process.chdir(home));
  messages = results.flatMap((result) =>
    result.messages.map((m) => ({ file: path.relative(dir, result.filePath), rule: m.ruleId, text: m.message })),
  );
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const found = (file: string, rule: string) => messages.filter((m) => m.file === file && m.rule === rule).map((m) => m.text);

describe('eslint.config.js keeps the house rules', () => {
  it('fails on an import cycle made only of type imports, naming the chain', () => {
    expect(found('lib/background/context.ts', 'desklink/no-import-cycle')).toEqual([
      'Import cycle: lib/background/context.ts → lib/background/renewal.ts → lib/background/context.ts.',
    ]);
  });

  it('fails when shared code or the worker imports the content script', () => {
    expect(found('lib/shared/hosts.ts', 'import-x/no-restricted-paths')).toHaveLength(1);
    expect(found('lib/background/broker.ts', 'import-x/no-restricted-paths')).toHaveLength(1);
  });

  it('fails on an export no product module imports, and only on that one', () => {
    expect(found('lib/background/broker.ts', 'desklink/no-unused-export')).toEqual([
      '`unusedByAnyone` is exported but no product module imports it.',
    ]);
  });

  it('fails on a floating promise', () => {
    expect(found('lib/background/broker.ts', '@typescript-eslint/no-floating-promises')).toHaveLength(1);
  });
});
