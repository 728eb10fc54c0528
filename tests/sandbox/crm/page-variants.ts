/**
 * Saved sandbox CRM pages for unit tests (happy-dom): each is a whole document as the browser
 * holds it once the record has rendered: top menu, content container with recordMarkup()'s
 * output (the same function the sandbox serves), no script. Load with
 * `document.documentElement.innerHTML = …` or `new DOMParser().parseFromString(…, 'text/html')`.
 */
import { DEAL, RECORDS, type RecordFixture } from '../fixtures';
import { getDataset } from '../data';
import { escapeHtml, recordMarkup, type PageVariant } from './record-markup';
import { markupRecord } from './server';

/** A full document around some content, as the sandbox's app leaves it after rendering. */
export function savedPage(content: string, moduleLabel = 'Contacts', title = 'Zoho CRM'): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>` +
    `<div id="crmNextGenTopMenu"><div class="flexAlignCenter"><span data-zcqa="appTopMenuTitle">${escapeHtml(moduleLabel)}</span></div></div>` +
    `<div id="crmContent">${content}</div><div id="chatBarIconList"></div></body></html>`
  );
}

/** The saved page of a fixture record in a variant. */
export function fixturePage(fixture: RecordFixture, variant: PageVariant = 'nextgen'): string {
  const record = markupRecord(getDataset('test'), fixture.module, fixture.recordId);
  if (!record) throw new Error(`no sandbox record ${fixture.recordId}`);
  return savedPage(recordMarkup(record, variant), fixture.module, `${record.name} - ${fixture.module} - Zoho CRM`);
}

export const PAGE_VARIANT_HTML = {
  /** Contact with a primary and a secondary email and an account. */
  contact: fixturePage(RECORDS.contact),
  lead: fixturePage(RECORDS.lead),
  account: fixturePage(RECORDS.account),
  /** The contact with older anchors: #titlecard_LASTNAME, .entityNameContent, lyte-text emails, no related-list anchors. */
  legacy: fixturePage(RECORDS.contact, 'legacy'),
  /** The contact without any related list (no rail, no sections). */
  norail: fixturePage(RECORDS.contact, 'norail'),
  /** A contact with no email and no account. */
  noEmail: fixturePage(RECORDS.noEmail),
  japanese: fixturePage(RECORDS.japanese),
  /** Record name and emails carry HTML payloads (escaped, as CRM shows them). */
  hostile: fixturePage(RECORDS.hostile),
  /** The contact with its email fields below the fold, empty until scrolled into view. */
  lazy: fixturePage(RECORDS.contact, 'lazy'),
  /** The contact with masked emails (`********`, and `d****@gmail.example`). */
  masked: fixturePage(RECORDS.contact, 'masked'),
  /** The contact's email only in `#subvalue_EMAIL` and a header card; other people's in a related list and the timeline. */
  pagewide: fixturePage(RECORDS.contact, 'pagewide'),
  /** The contact whose page shows no email, matched by its CRM link. */
  linked: fixturePage(RECORDS.linked),
  /** The deal with its Contact Name and Account Name lookups. */
  deal: (() => {
    const record = markupRecord(getDataset('test'), 'Potentials', DEAL.recordId);
    if (!record) throw new Error('no sandbox deal');
    return savedPage(recordMarkup(record), 'Deals', `${record.name} - Deals - Zoho CRM`);
  })(),
} as const;

export type PageVariantName = keyof typeof PAGE_VARIANT_HTML;
