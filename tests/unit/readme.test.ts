/**
 * The README's maintainer tables stay true to the code: the data-centre table names every data
 * centre with its hosts and which of them are unverified; the command table lists exactly the
 * broker's commands, each with its sender and a handler factory that answers it; every path in
 * the house's tree exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../lib/shared/commands';
import { DATA_CENTRE_IDS, DATA_CENTRES } from '../../lib/shared/data-centres';

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The rows of the Markdown table whose header row starts with `firstHeader`, as cells. */
function tableRows(firstHeader: string): string[][] {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  expect(start, `a table headed "${firstHeader}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const code = (cell: string) => /`([^`]+)`/.exec(cell)?.[1];

describe('README', () => {
  it('lists every data centre with the code’s hosts, marking exactly the unverified ones', () => {
    const rows = tableRows('id');
    expect(rows.map(([id]) => code(id!))).toEqual([...DATA_CENTRE_IDS]);
    for (const [id, , location, crm, desk, accounts, api] of rows) {
      const dc = DATA_CENTRES[code(id!) as (typeof DATA_CENTRE_IDS)[number]];
      const cells = { location, crmHost: crm, deskHost: desk, accountsHost: accounts, apiDomain: api };
      const values = {
        location: dc.location,
        crmHost: dc.crmHost,
        deskHost: dc.deskHost,
        accountsHost: dc.accountsHost,
        apiDomain: dc.apiDomain,
      };
      for (const [kind, cell] of Object.entries(cells)) {
        expect(code(cell!), `${dc.id} ${kind}`).toBe(values[kind as keyof typeof values].replace(/^https:\/\//, ''));
        expect(cell!.includes('(unverified)'), `${dc.id} ${kind} unverified`).toBe((dc.unverified as readonly string[]).includes(kind));
      }
    }
  });

  it('lists exactly the broker’s commands, with who may send each and the handler factory that answers it', () => {
    const rows = tableRows('command');
    expect(rows.map(([command]) => code(command!)).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [command, from, handler] of rows) {
      const name = code(command!) as keyof typeof COMMANDS;
      expect(from, name).toBe(COMMANDS[name].from);
      const factory = code(handler!)!;
      const file = path.join(
        ROOT,
        'lib/background/broker',
        `${factory
          .replace(/^create/, '')
          .replace(/([a-z])([A-Z])/g, '$1-$2')
          .toLowerCase()}.ts`,
      );
      const source = readFileSync(file, 'utf8');
      expect(source, `${factory} answers ${name}`).toMatch(new RegExp(`(^|\\s)'?${name.replace('.', '\\.')}'?:`, 'm'));
    }
  });

  it('names only paths that exist in the house’s tree', () => {
    const tree = /### The house, by runtime[\s\S]*?```\n([\s\S]*?)```/.exec(README)?.[1];
    expect(tree).toBeTruthy();
    const parents: string[] = [];
    let checked = 0;
    for (const line of tree!.split('\n')) {
      const match = /^( *)(\S.*?)(?: {2,}|$)/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 2;
      parents.length = depth;
      // The path column may list siblings (`a.ts, b.ts, c/`) or a family (`panel-frame*.ts`).
      const names = match[2]!.split(/,\s*/);
      for (const name of names) {
        const full = path.join(ROOT, ...parents, name.replace(/\/$/, ''));
        if (name.includes('*')) {
          const prefix = path.basename(full).split('*')[0]!;
          expect(
            readdirSync(path.dirname(full)).some((entry) => entry.startsWith(prefix)),
            full,
          ).toBe(true);
        } else {
          expect(existsSync(full), full).toBe(true);
        }
        checked += 1;
      }
      parents[depth] = names[0]!.replace(/\/$/, '');
    }
    expect(checked).toBeGreaterThan(40);
  });
});
