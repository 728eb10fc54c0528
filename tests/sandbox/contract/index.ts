/**
 * The contract table: every Desk endpoint DeskLink calls (and those the ticket preview and the
 * new-ticket form will call), as Zoho's OpenAPI files describe it. Where two versions of a file
 * disagree, a row holds the stricter reading and lists the other under `otherReadings`.
 */
import { createTicket } from './create';
import { accountTickets, contactTickets } from './lists';
import { accountStatistics, contactStatistics, getAccount, getContact, getTicket, latestThread } from './records';
import { accountSearch, contactSearch, ticketSearch } from './search';
import { departments, fields, myDepartments, myInfo, organizationFields, organizations } from './setup';
import type { EndpointContract } from './types';

export type { EndpointContract, FieldSpec, QueryParam, Reading, Shape } from './types';
export { crmGetRecord } from './crm';
export { DESK_ERRORS, ERROR_SOURCE, type DeskErrorName } from './errors';

export const DESK_CONTRACT: readonly EndpointContract[] = [
  organizations,
  myInfo,
  departments,
  myDepartments,
  ticketSearch,
  contactSearch,
  accountSearch,
  contactTickets,
  accountTickets,
  getAccount,
  getContact,
  getTicket,
  contactStatistics,
  accountStatistics,
  latestThread,
  fields,
  organizationFields,
  createTicket,
];

export const contractById = (id: string): EndpointContract | undefined => DESK_CONTRACT.find((row) => row.id === id);

const compiled = DESK_CONTRACT.map((row) => ({
  row,
  pattern: new RegExp(`^${row.path.replace(/\{[^}]+\}/g, '(\\d{1,24})')}$`),
}));

/** The row for a request, and the id in its path (if the path has one). */
export function matchEndpoint(method: string, path: string): { row: EndpointContract; pathId: string } | undefined {
  for (const { row, pattern } of compiled) {
    if (row.method !== method) continue;
    const match = pattern.exec(path);
    if (match) return { row, pathId: match[1] ?? '' };
  }
  return undefined;
}

/** Any row for this path, whatever its method (to tell 405 from 404). */
export const pathKnown = (path: string): boolean => compiled.some(({ pattern }) => pattern.test(path));
