/**
 * `byRole(role, name)` for puppeteer pages in Firefox. Puppeteer's own ARIA selectors
 * (`::-p-aria`) go through Firefox's accessibility locator, which does not look inside shadow
 * roots, so the panel would be invisible to them. This registers a `::-p-role(…)` query handler
 * that walks the DOM and every open shadow root and matches a pragmatic subset of ARIA:
 * explicit `role`, the implicit roles our UI uses, and names from aria-label, aria-labelledby,
 * <label> or text content (whitespace collapsed). Subtrees hidden with aria-hidden="true" are
 * left out, as assistive technology leaves them out.
 */
import { Puppeteer } from 'puppeteer-core';

export interface RoleQuery {
  role: string;
  /** Exact accessible name (whitespace collapsed); a RegExp matches part of it. */
  name?: string | RegExp;
}

/**
 * The handler runs in the page, so it is plain JavaScript source: puppeteer serialises it, and
 * a TypeScript transpiler (tsx/esbuild) would otherwise insert helpers the page lacks.
 */
const QUERY_ALL_SOURCE = `
  const query = JSON.parse(selector);
  const norm = (s) => (s ?? '').replace(/\\s+/g, ' ').trim();
  const tagRoles = { button: 'button', table: 'table', tr: 'row', th: 'columnheader', td: 'cell',
    select: 'combobox', textarea: 'textbox', nav: 'navigation', main: 'main', form: 'form', ul: 'list',
    ol: 'list', li: 'listitem', dialog: 'dialog', img: 'img', time: 'time', option: 'option' };
  const implicitRole = (el) => {
    const tag = el.localName;
    if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : null;
    if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
    if (tag === 'input') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
      if (type === 'search') return 'searchbox';
      return type === 'hidden' ? null : 'textbox';
    }
    if (/^h[1-6]$/.test(tag)) return 'heading';
    return tagRoles[tag] || null;
  };
  const nameFromContent = new Set(['link', 'button', 'tab', 'row', 'cell', 'columnheader', 'heading',
    'option', 'checkbox', 'radio', 'listitem', 'menuitem']);
  const accessibleName = (el, role) => {
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const scope = el.getRootNode();
      return norm(labelledBy.split(/\\s+/).map((id) => (scope.getElementById(id) || {}).textContent || '').join(' '));
    }
    if (el.labels && el.labels.length) return norm([...el.labels].map((l) => l.textContent).join(' '));
    if (el.localName === 'img') return norm(el.getAttribute('alt'));
    return nameFromContent.has(role) ? norm(el.textContent) : norm(el.getAttribute('title'));
  };
  const found = [];
  const walk = (scope) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.closest('[aria-hidden="true"]')) continue;
      const role = norm(el.getAttribute('role')).split(' ')[0] || implicitRole(el);
      if (role === query.role) {
        const name = accessibleName(el, role);
        const ok = query.pattern ? new RegExp(query.pattern[0], query.pattern[1]).test(name)
          : query.name === undefined || name === query.name;
        if (ok) found.push(el);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
`;

let registered = false;
function register(): void {
  if (registered) return;
  registered = true;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- page-side source, kept out of the transpiler (see above)
  const queryAll = new Function('root', 'selector', QUERY_ALL_SOURCE) as (root: Node, selector: string) => Element[];
  Puppeteer.registerCustomQueryHandler('role', { queryAll });
}

/** Selector for the element(s) with this role and accessible name, inside shadow roots too. */
export function byRole(role: string, name?: string | RegExp): string {
  register();
  const query = name instanceof RegExp ? { role, pattern: [name.source, name.flags] } : name === undefined ? { role } : { role, name };
  return `::-p-role(${JSON.stringify(JSON.stringify(query))})`;
}
