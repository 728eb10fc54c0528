// Where the panel goes on a record page, in the documented order of candidates.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findPlacement, isPlacedAt, place } from '../../../lib/page/placement';
import { HOST_TAG } from '../../../lib/page/panel-host';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';

function page(html: string) {
  document.body.innerHTML = html;
}

const host = () => document.createElement(HOST_TAG);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('findPlacement: the documented order of candidates', () => {
  it('1. before the first related-list section', () => {
    page(`<lyte-tab-body class="dv_content_tab_body"><div id="overview"></div>
      <div id="relatedList1"></div><div id="relatedList2"></div></lyte-tab-body>`);
    const panel = host();
    const placement = findPlacement(document)!;
    place(panel, placement);
    expect(panel.nextElementSibling?.id).toBe('relatedList1');
    expect(isPlacedAt(panel, findPlacement(document)!)).toBe(true);
  });

  it('1. (also) before a related-list header when sections carry no id', () => {
    page(
      `<div class="dv_main"><div id="overview"></div><crm-related-list-view-header related-module="Notes"></crm-related-list-view-header></div>`,
    );
    const panel = host();
    place(panel, findPlacement(document)!);
    expect(panel.nextElementSibling?.localName).toBe('crm-related-list-view-header');
  });

  it('2. at the top of the record scroll container when there are no related lists', () => {
    page(`<div id="crmNextGenTopMenu"></div><lyte-tab-body class="dv_content_tab_body"><div id="overview"></div></lyte-tab-body>`);
    const panel = host();
    place(panel, findPlacement(document)!);
    expect(panel.parentElement?.localName).toBe('lyte-tab-body');
    expect(panel.nextElementSibling?.id).toBe('overview');
  });

  it('3. after the top bar, then 4. at the top of the body', () => {
    page(`<div id="crmNextGenTopMenu"></div><div id="classic"></div>`);
    const panel = host();
    place(panel, findPlacement(document)!);
    expect(panel.previousElementSibling?.id).toBe('crmNextGenTopMenu');

    page(`<div id="classic"></div>`);
    const fallback = host();
    place(fallback, findPlacement(document)!);
    expect(document.body.firstElementChild).toBe(fallback);
  });

  it('on the saved sandbox pages: before a related list on NextGen, at the top of the record without one', () => {
    for (const [variant, expected] of [
      ['contact', 'before'],
      ['norail', 'prepend'],
      ['legacy', 'prepend'],
    ] as const) {
      const saved = new DOMParser().parseFromString(PAGE_VARIANT_HTML[variant], 'text/html');
      document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
      expect(findPlacement(document)?.where, variant).toBe(expected);
    }
  });

  it('is no longer "placed" once CRM replaces the content holding the panel', () => {
    page(`<div id="crmContent"><div id="relatedList1"></div></div>`);
    const panel = host();
    place(panel, findPlacement(document)!);
    document
      .getElementById('crmContent')!
      .replaceWith(Object.assign(document.createElement('div'), { id: 'crmContent', innerHTML: '<div id="relatedList9"></div>' }));
    expect(isPlacedAt(panel, findPlacement(document)!)).toBe(false);
    place(panel, findPlacement(document)!);
    expect(panel.nextElementSibling?.id).toBe('relatedList9');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('moves a host already in the page with moveBefore (its panel frame stays loaded); inserts one that is not', () => {
    page(`<div class="dv_main"><div id="overview"></div><div id="relatedList1"></div></div><div id="elsewhere"></div>`);
    const main = document.querySelector('.dv_main')!;
    const moved: Node[] = [];
    // happy-dom has no moveBefore: the browsers' one, as far as placement sees it.
    Object.assign(main, {
      moveBefore: vi.fn((node: Node, before: Node | null) => {
        moved.push(node);
        main.insertBefore(node, before);
      }),
    });
    const fresh = host();
    place(fresh, findPlacement(document)!);
    expect(moved).toEqual([]);
    expect(fresh.nextElementSibling?.id).toBe('relatedList1');
    const stray = host();
    document.getElementById('elsewhere')!.append(stray);
    place(stray, findPlacement(document)!);
    expect(moved).toEqual([stray]);
    expect(stray.nextElementSibling?.id).toBe('relatedList1');
  });
});
