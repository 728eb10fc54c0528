/**
 * The `New ticket` form's logic, for the panel page: the draft the rep types, its checks before
 * anything is sent (what Desk would refuse anyway), the fields a refusal from Desk names, and the
 * draft's keeping in the extension's session storage per record, so closing the dialog or
 * reloading the CRM page loses nothing. Drawn by components/panel/NewTicketDialog.tsx.
 */
import type { NewTicket } from '../shared/commands';
import type { ErrorInfo } from '../shared/errors';
import { NEW_TICKET_LIMITS, type NewTicketOptions } from '../shared/protocol';
import { ticketDraftKey } from '../shared/ticket-drafts';

export interface TicketDraft {
  subject: string;
  description: string;
  /** '' until the form's choices arrive; then the portal's default. */
  departmentId: string;
  /** '' leaves it to the portal's default. */
  priority: string;
  /** The chosen person, as an index into the options' customers. */
  customer: number;
}

export type DraftField = 'subject' | 'description' | 'departmentId' | 'priority' | 'customer';
export interface DraftProblem {
  field: DraftField;
  problem: 'required' | 'tooLong';
}

const EMPTY_DRAFT: TicketDraft = { subject: '', description: '', departmentId: '', priority: '', customer: 0 };

/** A kept draft made to fit the form's choices: a department or person no longer offered falls back to the first. */
export function fitDraft(draft: TicketDraft | null, options: NewTicketOptions): TicketDraft {
  const base = draft ?? EMPTY_DRAFT;
  const departmentId = options.departments.some((d) => d.id === base.departmentId) ? base.departmentId : (options.departments[0]?.id ?? '');
  const priority = options.priorities.includes(base.priority) ? base.priority : '';
  const customer = base.customer >= 0 && base.customer < options.customers.length ? base.customer : 0;
  return { ...base, departmentId, priority, customer };
}

/** The ticket to send, or what keeps it from being sent. */
export function checkDraft(draft: TicketDraft, options: NewTicketOptions): { ticket: NewTicket } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const subject = draft.subject.trim();
  if (!subject) problems.push({ field: 'subject', problem: 'required' });
  else if (subject.length > NEW_TICKET_LIMITS.subject) problems.push({ field: 'subject', problem: 'tooLong' });
  if (draft.description.length > NEW_TICKET_LIMITS.description) problems.push({ field: 'description', problem: 'tooLong' });
  if (!options.departments.some((d) => d.id === draft.departmentId)) problems.push({ field: 'departmentId', problem: 'required' });
  const person = options.customers[draft.customer];
  if (!person) problems.push({ field: 'customer', problem: 'required' });
  if (problems.length || !person) return { problems };
  return {
    ticket: {
      subject,
      description: draft.description,
      departmentId: draft.departmentId,
      ...(draft.priority ? { priority: draft.priority } : {}),
      customer: 'contactId' in person ? { contactId: person.contactId } : { email: person.email, name: person.name },
      ...(options.accountId ? { accountId: options.accountId } : {}),
    },
  };
}

/** Desk's field names in a refusal, as the form's fields. */
export function rejectedFields(error: ErrorInfo): DraftField[] {
  const fields = (error.fields ?? []).map((name): DraftField | null => {
    const top = name.split('.')[0];
    if (top === 'subject' || top === 'description' || top === 'departmentId' || top === 'priority') return top;
    if (top === 'contactId' || top === 'contact' || top === 'email') return 'customer';
    return null;
  });
  return [...new Set(fields.filter((field): field is DraftField => field !== null))];
}

/**
 * Where drafts are kept: the extension's storage.session where the panel page has it (Chromium),
 * else its storage.local (Firefox gives framed extension pages no storage.session), where a
 * draft older than a day is dropped. Both are the extension's: the CRM page cannot read them.
 */
export interface DraftArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const isDraft = (value: unknown): value is TicketDraft =>
  typeof value === 'object' &&
  value !== null &&
  ['subject', 'description', 'departmentId', 'priority'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string') &&
  typeof (value as TicketDraft).customer === 'number';

const DRAFT_KEPT_MS = 24 * 60 * 60_000;

export function createDraftStore(area: DraftArea, recordKey: string, now: () => number = Date.now) {
  const key = ticketDraftKey(recordKey);
  return {
    async load(): Promise<TicketDraft | null> {
      const kept = (await area.get(key))[key] as { draft?: unknown; savedAt?: unknown } | undefined;
      if (!kept || !isDraft(kept.draft) || typeof kept.savedAt !== 'number') return null;
      if (now() - kept.savedAt > DRAFT_KEPT_MS) {
        await area.remove(key);
        return null;
      }
      return kept.draft;
    },
    save: (draft: TicketDraft) => area.set({ [key]: { draft, savedAt: now() } }),
    clear: () => area.remove(key),
  };
}
