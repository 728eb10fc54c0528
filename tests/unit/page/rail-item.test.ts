import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRailItem } from '../../../lib/page/rail-item';

const RAIL = `<ul class="dv_leftRail">
  <li class="dv_leftLi"><crm-related-list-label display-label="Notes" id="rl_1" entity-id="5">Notes</crm-related-list-label></li>
  <li class="dv_leftLi"><crm-related-list-label display-label="Attachments" id="rl_2" entity-id="5">Attachments</crm-related-list-label></li>
  <li class="dv_leftLi dv_addRl">Add Related List</li></ul>`;

/** happy-dom runs no CSS animations: announce a newly rendered element as the browser would. */
const rendered = (element: Element) =>
  element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));

const railTexts = () => [...document.querySelectorAll('.dv_leftRail > li')].map((li) => li.textContent?.trim());

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = RAIL;
});
afterEach(() => controller.abort());

describe('rail item', () => {
  it('sits after CRM’s related lists, before the rail’s own actions, with the label and the open count only', () => {
    const rail = createRailItem({ doc: document, signal: controller.signal, onActivate: vi.fn() });
    rail.show('Zoho Desk tickets', null);
    expect(railTexts()).toEqual(['Notes', 'Attachments', 'Zoho Desk tickets', 'Add Related List']);
    rail.show('Zoho Desk tickets', 3);
    expect(railTexts()).toEqual(['Notes', 'Attachments', 'Zoho Desk tickets 3', 'Add Related List']);
    const item = document.querySelector('[data-desklink="rail"]')!;
    expect(item.querySelectorAll('button')).toHaveLength(1);
    expect(item.querySelector('a, iframe, [href]')).toBeNull();
  });

  it('ignores a press no user made', () => {
    const onActivate = vi.fn();
    createRailItem({ doc: document, signal: controller.signal, onActivate }).show('Zoho Desk tickets', 1);
    document.querySelector<HTMLButtonElement>('[data-desklink="rail"] button')!.click();
    document.querySelector('[data-desklink="rail"] button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('adds nothing and breaks nothing without a rail, and appears when a rail renders', async () => {
    document.body.innerHTML = '<div id="crmContent"></div>';
    const rail = createRailItem({ doc: document, signal: controller.signal, onActivate: vi.fn() });
    expect(() => rail.show('Zoho Desk tickets', 2)).not.toThrow();
    expect(document.querySelector('[data-desklink="rail"]')).toBeNull();
    document.body.innerHTML = RAIL;
    rendered(document.querySelector('crm-related-list-label')!);
    await vi.waitFor(() => expect(railTexts()).toContain('Zoho Desk tickets 2'));
  });

  it('comes back when CRM renders the rail anew, once', async () => {
    const rail = createRailItem({ doc: document, signal: controller.signal, onActivate: vi.fn() });
    rail.show('Zoho Desk の問い合わせ', 4);
    document.body.innerHTML = RAIL;
    for (const label of document.querySelectorAll('crm-related-list-label')) rendered(label);
    await vi.waitFor(() => expect(railTexts().filter((text) => text?.startsWith('Zoho Desk'))).toEqual(['Zoho Desk の問い合わせ 4']));
  });

  it('leaves when hidden or when the content script ends', () => {
    const rail = createRailItem({ doc: document, signal: controller.signal, onActivate: vi.fn() });
    rail.show('Zoho Desk tickets', 1);
    rail.hide();
    expect(document.querySelector('[data-desklink="rail"]')).toBeNull();
    rail.show('Zoho Desk tickets', 1);
    controller.abort();
    expect(document.querySelector('[data-desklink="rail"]')).toBeNull();
    rail.show('Zoho Desk tickets', 1);
    expect(document.querySelector('[data-desklink="rail"]')).toBeNull();
  });
});
