/**
 * Content of the sandbox CRM pages that are not record details: list views (custom view and
 * module home), create and edit forms, and a plain home page. None of them carries the record
 * anchors, so DeskLink must show nothing there.
 */
import { CRM_ORG } from '../fixtures';
import type { CrmModule, CrmRecord } from '../generate/model';
import { escapeHtml } from './record-markup';
import { CUSTOM_VIEW_ID, LAYOUT_ID, MODULE_LABELS } from './routes';

const tabPath = (module: string, rest = '') => `/crm/${CRM_ORG}/tab/${module}${rest}`;

const page = (moduleLabel: string, docTitle: string, body: string) =>
  `<div class="cxPage" data-module-label="${escapeHtml(moduleLabel)}" data-doc-title="${escapeHtml(docTitle)}">${body}</div>`;

export function listMarkup(module: CrmModule, records: readonly CrmRecord[], pageNo: number, perPage: number): string {
  const label = MODULE_LABELS[module];
  const from = (pageNo - 1) * perPage;
  const rows = records
    .slice(from, from + perPage)
    .map(
      (r) =>
        `<lyte-tr data-zcqa="lv_row_${r.id}"><lyte-td data-zcqa="value_listviewtable_Name"><a href="${tabPath(module, `/${r.id}`)}">${escapeHtml(r.name)}</a></lyte-td>` +
        `<lyte-td data-zcqa="value_listviewtable_Email">${escapeHtml(r.emails[0] ?? '')}</lyte-td>` +
        `<lyte-td data-zcqa="value_listviewtable_Phone">${escapeHtml(r.phone ?? '')}</lyte-td>` +
        `<lyte-td data-zcqa="value_listviewtable_Owner">${escapeHtml(r.ownerName)}</lyte-td></lyte-tr>`,
    )
    .join('');
  const listPath = (n: number) => tabPath(module, `/custom-view/${CUSTOM_VIEW_ID[module]}/list?page=${n}&per_page=${perPage}`);
  const prev = pageNo > 1 ? `<a data-zcqa="lv_prev" href="${listPath(pageNo - 1)}">Previous</a>` : '';
  const next = from + perPage < records.length ? `<a data-zcqa="lv_next" href="${listPath(pageNo + 1)}">Next</a>` : '';
  return page(
    label.plural,
    `${label.plural} - Zoho CRM`,
    `<div class="lv_header"><h1 data-zcqa="lv_title">All ${escapeHtml(label.plural)}</h1>` +
      `<a data-zcqa="lv_create" href="${tabPath(module, `/create?layoutId=${LAYOUT_ID[module]}`)}">Create ${escapeHtml(label.singular)}</a></div>` +
      `<lyte-table class="lv_table"><lyte-thead><lyte-tr><lyte-th data-zcqa="Name">Name</lyte-th><lyte-th data-zcqa="Email">Email</lyte-th>` +
      `<lyte-th data-zcqa="Phone">Phone</lyte-th><lyte-th data-zcqa="Owner">Owner</lyte-th></lyte-tr></lyte-thead><lyte-tbody>${rows}</lyte-tbody></lyte-table>` +
      `<div class="lv_pagination">${prev}<span>${from + 1}–${Math.min(from + perPage, records.length)} of ${records.length}</span>${next}</div>`,
  );
}

export function formMarkup(module: CrmModule, record: CrmRecord | undefined): string {
  const label = MODULE_LABELS[module];
  const value = (v: string | undefined) => escapeHtml(v ?? '');
  const inputs: [string, string, string | undefined][] =
    module === 'Accounts'
      ? [
          ['Account_Name', 'Account Name', record?.name],
          ['Phone', 'Phone', record?.phone],
        ]
      : module === 'Leads' || module === 'Contacts'
        ? [
            ['First_Name', 'First Name', record?.firstName],
            ['Last_Name', 'Last Name', record?.lastName],
            ['Email', 'Email', record?.emails[0]],
            ['Secondary_Email', 'Secondary Email', record?.emails[1]],
            ['Phone', 'Phone', record?.phone],
          ]
        : [['Name', `${label.singular} Name`, record?.name]];
  const heading = record ? `Edit ${label.singular}` : `Create ${label.singular}`;
  return page(
    label.plural,
    `${heading} - Zoho CRM`,
    `<form class="crmForm" data-zcqa="${record ? 'editForm' : 'createForm'}"><h1>${escapeHtml(heading)}</h1>` +
      inputs
        .map(
          ([key, text, v]) =>
            `<label class="crmFormRow">${escapeHtml(text)} <input name="${key}" data-zcqa="${key}" value="${value(v)}"></label>`,
        )
        .join('') +
      `<button type="button">Cancel</button><button type="button">Save</button></form>`,
  );
}

export function homeMarkup(): string {
  const links = (Object.keys(MODULE_LABELS) as CrmModule[])
    .map(
      (m) => `<li><a href="${tabPath(m, `/custom-view/${CUSTOM_VIEW_ID[m]}/list?page=1&per_page=10`)}">${MODULE_LABELS[m].plural}</a></li>`,
    )
    .join('');
  return page('Home', 'Home - Zoho CRM', `<h1>Welcome to Zoho CRM</h1><ul class="home_modules">${links}</ul>`);
}
