/**
 * The content of a sandbox CRM record page, as Zoho CRM NextGen renders it, with the DOM anchors
 * live CRM pages carry. Pure (no DOM, no server state): the sandbox serves it to
 * its client-side app, and unit tests load it into happy-dom as a saved page.
 *
 * Variants: `nextgen` (current anchors), `legacy` (older anchors: #titlecard_LASTNAME,
 * .entityNameContent, emails only as lyte-text[lt-prop-value], no related-list anchors),
 * `norail` (current anchors but no related lists at all), `lazy` (the email fields sit below the
 * fold as empty placeholders until scrolled into view, as CRM renders some fields), `masked`
 * (email values masked as for a user without the unmask permission), `pagewide` (the email only in
 * the `#subvalue_EMAIL` field and a header card, while related lists and the timeline carry
 * other people's addresses in the same components).
 */
import { CRM_ORG } from '../fixtures';
import type { CrmRecord } from '../generate/model';
import { CUSTOM_VIEW_ID, LAYOUT_ID, MODULE_LABELS } from './routes';

export type PageVariant = 'nextgen' | 'legacy' | 'norail' | 'lazy' | 'masked' | 'pagewide';
export const PAGE_VARIANTS: readonly PageVariant[] = ['nextgen', 'legacy', 'norail', 'lazy', 'masked', 'pagewide'];

export interface MarkupRecord extends CrmRecord {
  /** Neighbour records in the module's list (previous / next arrows). */
  prevId?: string;
  nextId?: string;
  /** CRM id of the account named by accountName, when that account is a record. */
  accountId?: string;
  /** A Deal's contact's CRM id, when that contact is a record. */
  contactId?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const tabPath = (module: string, rest = '') => `/crm/${CRM_ORG}/tab/${module}${rest}`;

/** Related lists of the left rail and the page body: label → related-list id. */
const RELATED: Record<string, [string, string][]> = {
  person: [
    ['Notes', '5293322000000002101'],
    ['Attachments', '5293322000000002103'],
    ['Open Activities', '5293322000000002105'],
    ['Closed Activities', '5293322000000002107'],
    ['Emails', '5293322000000002109'],
    ['Campaigns', '5293322000000002111'],
  ],
  Accounts: [
    ['Notes', '5293322000000002201'],
    ['Attachments', '5293322000000002203'],
    ['Contacts', '5293322000000002205'],
    ['Deals', '5293322000000002207'],
    ['Open Activities', '5293322000000002209'],
    ['Closed Activities', '5293322000000002211'],
  ],
  other: [
    ['Notes', '5293322000000002301'],
    ['Attachments', '5293322000000002303'],
    ['Open Activities', '5293322000000002305'],
  ],
};
const relatedOf = (r: CrmRecord) =>
  r.module === 'Accounts' ? RELATED.Accounts! : r.module === 'Leads' || r.module === 'Contacts' ? RELATED.person! : RELATED.other!;

/** Masked as CRM shows a value to a user without the unmask permission: all stars, or the domain left. */
const maskEmail = (email: string, keepDomain: boolean) => (keepDomain ? `${email[0]}****${email.slice(email.indexOf('@'))}` : '********');

function emailValue(email: string | undefined, variant: PageVariant, secondary = false): string {
  if (!email) return '';
  const e = escapeHtml(email);
  if (variant === 'legacy') return `<lyte-text lt-prop-value="${e}" class="cxEmailText">${e}</lyte-text>`;
  if (variant === 'masked') {
    const m = escapeHtml(maskEmail(email, secondary));
    return `<lyte-text lt-prop-value="${m}" class="cxMaskedValue">${m}</lyte-text>`;
  }
  return `<crm-rl-share-email email="${e}"><a class="cxEmailViewLink" href="mailto:${e}">${e}</a></crm-rl-share-email>`;
}

/** An email field CRM renders once scrolled into view: an empty value, its markup kept in a template. */
function lazyEmailField(key: string, label: string, email: string | undefined): string {
  const value = emailValue(email, 'nextgen');
  return (
    `<div id="mouseArea__${key}" class="dv_fieldRow"><span id="labelTD_${key}" class="dv_fieldLabel">${escapeHtml(label)}</span>` +
    `<span data-zcqa="value_${key}" class="dv_fieldValue cxLazyField"><template>${value}</template></span></div>`
  );
}

function field(key: string, label: string, valueHtml: string, variant: PageVariant, attrValue?: string): string {
  const zcqa = variant === 'legacy' && (key === 'Email' || key === 'Secondary_Email') ? `id="value_${key}"` : `data-zcqa="value_${key}"`;
  const cx = attrValue !== undefined ? ` cx-prop-value="${escapeHtml(attrValue)}"` : '';
  return (
    `<div id="mouseArea__${key}" class="dv_fieldRow"><span id="labelTD_${key}" class="dv_fieldLabel">${escapeHtml(label)}</span>` +
    `<span ${zcqa} class="dv_fieldValue"${cx}>${valueHtml}</span></div>`
  );
}

function fields(r: MarkupRecord, variant: PageVariant): string {
  const text = (value: string | undefined) => (value ? escapeHtml(value) : '');
  const rows: string[] = [];
  if (r.module === 'Leads' || r.module === 'Contacts') {
    rows.push(field('First_Name', 'First Name', text(r.firstName), variant, r.firstName ?? ''));
    rows.push(field('Last_Name', 'Last Name', text(r.lastName), variant, r.lastName ?? ''));
    if (variant === 'pagewide') {
      const e = r.emails[0] ? escapeHtml(r.emails[0]) : '';
      rows.push(
        `<div id="mouseArea__Email" class="dv_fieldRow"><span id="labelTD_Email" class="dv_fieldLabel">Email</span>` +
          `<span id="subvalue_EMAIL" class="dv_fieldValue">${e ? `<lyte-text lt-prop-value="${e}">${e}</lyte-text>` : ''}</span></div>`,
      );
    } else if (variant !== 'lazy') {
      rows.push(field('Email', 'Email', emailValue(r.emails[0], variant), variant));
      rows.push(field('Secondary_Email', 'Secondary Email', emailValue(r.emails[1], variant, true), variant));
    }
    if (r.module === 'Contacts') {
      const account = r.accountName
        ? r.accountId
          ? `<a href="${tabPath('Accounts', `/${r.accountId}`)}">${text(r.accountName)}</a>`
          : text(r.accountName)
        : '';
      rows.push(
        field(
          'Account_Name',
          'Account Name',
          variant === 'legacy' && r.accountName ? `<lyte-text lt-prop-value="${text(r.accountName)}">${account}</lyte-text>` : account,
          variant,
          r.accountName ?? '',
        ),
      );
    } else {
      rows.push(field('Company', 'Company', text(r.company), variant, r.company ?? ''));
    }
  } else if (r.module === 'Accounts') {
    rows.push(field('Account_Name', 'Account Name', text(r.accountName ?? r.name), variant, r.accountName ?? r.name));
    rows.push(field('Website', 'Website', '', variant, ''));
  } else if (r.module === 'Potentials') {
    // Lookups link to their records; the link's path carries the record id.
    const lookup = (module: string, id: string | undefined, name: string | undefined) =>
      name ? (id ? `<a href="${tabPath(module, `/${id}`)}">${text(name)}</a>` : text(name)) : '';
    rows.push(field('Deal_Name', 'Deal Name', text(r.name), variant, r.name));
    rows.push(field('Contact_Name', 'Contact Name', lookup('Contacts', r.contactId, r.contactName), variant));
    rows.push(field('Account_Name', 'Account Name', lookup('Accounts', r.accountId, r.accountName), variant));
    rows.push(field('Stage', 'Stage', 'Negotiation/Review', variant, 'Negotiation/Review'));
  } else {
    rows.push(field('Name', MODULE_LABELS[r.module].singular + ' Name', text(r.name), variant, r.name));
  }
  rows.push(
    field('Phone', 'Phone', r.phone ? `<span class="cxPhoneViewValue lvPhFld">${text(r.phone)}</span>` : '', variant, r.phone ?? ''),
  );
  rows.push(field('Owner', `${MODULE_LABELS[r.module].singular} Owner`, text(r.ownerName), variant, r.ownerName));
  return rows.join('');
}

/** The lazy variant's email fields: far below the fold, empty until scrolled into view. */
function lazySection(r: MarkupRecord, variant: PageVariant): string {
  if (variant !== 'lazy' || (r.module !== 'Leads' && r.module !== 'Contacts')) return '';
  return (
    `<section class="dv_overview dv_moreInfo"><h2 class="dv_sectionTitle">Description Information</h2><div class="dv_tallBlock"></div></section>` +
    `<section class="dv_overview"><h2 class="dv_sectionTitle">Email Information</h2>` +
    lazyEmailField('Email', 'Email', r.emails[0]) +
    lazyEmailField('Secondary_Email', 'Secondary Email', r.emails[1]) +
    `</section>`
  );
}

/** Other people's addresses where live pages show them: a related list's rows and the timeline. */
function pagewideDecoys(r: MarkupRecord, variant: PageVariant): string {
  if (variant !== 'pagewide') return '';
  const share = (email: string) =>
    `<crm-rl-share-email email="${email}"><a class="cxEmailViewLink" href="mailto:${email}">${email}</a></crm-rl-share-email>`;
  return (
    `<div id="relatedList5293322000000002999" class="dv_relatedSection"><crm-related-list-view-header related-module="Contacts" related-list-label="Colleagues" entity-id="${escapeHtml(r.id)}"><h3>Colleagues</h3></crm-related-list-view-header>` +
    `<lyte-table><lyte-tbody><lyte-tr><lyte-td data-zcqa="value_listviewtable_Email">${share('colleague@decoy.example')}</lyte-td></lyte-tr></lyte-tbody></lyte-table></div>` +
    `<div id="timelineView" class="dv_relatedSection"><h3>Timeline</h3><ul><li>Email received from <lyte-text lt-prop-value="sender@decoy.example">sender@decoy.example</lyte-text></li>` +
    `<li>${share('cc@decoy.example')}</li></ul></div>`
  );
}

function rail(r: MarkupRecord, variant: PageVariant): string {
  if (variant === 'norail') return '';
  const id = escapeHtml(r.id);
  const items = relatedOf(r).map(([label, rlId]) =>
    variant === 'legacy'
      ? `<li class="dv_leftLi">${escapeHtml(label)}</li>`
      : `<li class="dv_leftLi" click="scrollToRelatedView"><crm-related-list-label display-label="${label}" id="rl_${rlId}" entity-id="${id}">${escapeHtml(label)}</crm-related-list-label></li>`,
  );
  return `<ul class="dv_leftRail" aria-label="Related List">${items.join('')}<li class="dv_leftLi dv_addRl">Add Related List</li></ul>`;
}

function relatedSections(r: MarkupRecord, variant: PageVariant): string {
  if (variant === 'norail') return '';
  return relatedOf(r)
    .map(([label, rlId]) => {
      const module = label.replace(/\s/g, '_');
      const body = `<div class="rl_body"><p class="rl_empty">No records found</p></div>`;
      if (variant === 'legacy') return `<div class="dv_relatedSection"><h3>${escapeHtml(label)}</h3>${body}</div>`;
      return (
        `<div id="relatedList${rlId}" class="dv_relatedSection">` +
        `<crm-related-list-view-header related-module="${module}" related-list-label="${label}" entity-id="${escapeHtml(r.id)}"><h3>${escapeHtml(label)}</h3></crm-related-list-view-header>` +
        `${body}<span data-zcqa="${rlId}_rellist_navig_prev" class="lyteDisabled" aria-disabled="true">‹</span><span data-zcqa="${rlId}_rellist_navig_next" class="lyteDisabled" aria-disabled="true">›</span></div>`
      );
    })
    .join('');
}

function header(r: MarkupRecord, variant: PageVariant): string {
  const name = escapeHtml(r.name);
  const title =
    variant === 'legacy'
      ? `<span id="titlecard_LASTNAME" class="dv_title">${name}</span><span class="entityNameContent">${name}</span>`
      : `<span id="titlecard_FULLNAME" data-zcqa="value_FULLNAME" class="dv_title cxEntityHeaderTitle">${name}</span>`;
  const sub = r.module === 'Leads' && r.company ? `<span class="dv_titleSub"> - ${escapeHtml(r.company)}</span>` : '';
  const arrow = (id: string | undefined, rel: 'prev' | 'next') =>
    id
      ? `<a class="dv_${rel}Record" data-zcqa="dv_${rel}Record" aria-label="${rel === 'prev' ? 'Previous' : 'Next'} record" href="${tabPath(r.module, `/${escapeHtml(id)}`)}">${rel === 'prev' ? '‹' : '›'}</a>`
      : `<span class="dv_${rel}Record lyteDisabled" aria-disabled="true">${rel === 'prev' ? '‹' : '›'}</span>`;
  return (
    `<div class="dv_header">` +
    `<a class="dv_back" aria-label="Back" href="${tabPath(r.module, `/custom-view/${CUSTOM_VIEW_ID[r.module]}/list?page=1&per_page=10`)}">←</a>` +
    `${title}${sub}${variant === 'pagewide' && r.emails[0] ? `<crm-rl-share-email class="dv_headerEmail" email="${escapeHtml(r.emails[0])}"></crm-rl-share-email>` : ''}<span class="dv_actions"><button type="button" data-zcqa="dv_sendEmail">Send Email</button>` +
    `<a data-zcqa="dv_edit" href="${tabPath(r.module, `/${escapeHtml(r.id)}/edit?layoutId=${LAYOUT_ID[r.module]}`)}">Edit</a>` +
    `${arrow(r.prevId, 'prev')}${arrow(r.nextId, 'next')}</span></div>`
  );
}

/** The record page's content (everything inside the app's content container). */
export function recordMarkup(record: MarkupRecord, variant: PageVariant = 'nextgen'): string {
  const label = MODULE_LABELS[record.module];
  return (
    `<div class="cxPage cxDetailView dv_${variant}" data-module-label="${label.plural}" data-doc-title="${escapeHtml(`${record.name} - ${label.plural} - Zoho CRM`)}">` +
    header(record, variant) +
    `<lyte-tab-body class="dv_content_tab_body">` +
    `<div class="dv_layout">${rail(record, variant)}<div class="dv_main">` +
    `<div class="dv_tabs"><span class="dv_tab dv_tabActive">Overview</span><span class="dv_tab">Timeline</span></div>` +
    `<section class="dv_overview"><h2 class="dv_sectionTitle">${escapeHtml(label.singular)} Information</h2>${fields(record, variant)}</section>` +
    lazySection(record, variant) +
    `${pagewideDecoys(record, variant)}${relatedSections(record, variant)}</div></div>` +
    `<div id="dvScrollTopDiv" class="dv_scrollTop">↑</div></lyte-tab-body></div>`
  );
}
