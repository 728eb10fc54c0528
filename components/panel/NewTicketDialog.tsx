/**
 * The `New ticket` dialog (role dialog, named `New ticket`): Subject (required, with a counter),
 * Description, Department (the portal's default first), Priority and whom it is for; `Create` and
 * `Cancel`. Escape cancels; Tab stays inside; the caller puts the focus back on `New ticket`.
 * Every error keeps what the rep typed and says what to do in an alert inside the dialog, marking
 * the field it is about. Draws only: the checks live in lib/page/new-ticket-form.ts, and the
 * typed draft goes to `onDraft` on every change, for the caller to keep.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewTicket } from '../../lib/shared/commands';
import { errorMessage } from '../../lib/shared/i18n/errors';
import { newTicketTranslator, type NewTicketTranslate } from '../../lib/shared/i18n/new-ticket';
import { mayHaveReachedDesk, type ErrorInfo } from '../../lib/shared/errors';
import { NEW_TICKET_LIMITS, type Language } from '../../lib/shared/protocol';
import './new-ticket.css';
import { checkDraft, fitDraft, rejectedFields, type DraftField, type DraftProblem, type TicketDraft } from '../../lib/page/new-ticket-form';
import type { NewTicketStatus } from '../../lib/page/panel-state';

interface NewTicketDialogProps {
  language: Language;
  status: NewTicketStatus;
  /** The draft kept for this record (null: none). */
  initialDraft: TicketDraft | null;
  onDraft: (draft: TicketDraft) => void;
  onCreate: (ticket: NewTicket) => void;
  onCancel: () => void;
  /** Puts the focus back where it was before CRM drew the panel again, if on a field; false: not done. */
  restoreFocus?: () => boolean;
}

const FIELD_WORDS = {
  subject: 'fieldSubject',
  description: 'fieldDescription',
  departmentId: 'fieldDepartment',
  priority: 'fieldPriority',
  customer: 'fieldCustomer',
} as const;

function problemWords(problem: DraftProblem, t: NewTicketTranslate): string {
  if (problem.field === 'departmentId') return t('noDepartments');
  if (problem.field === 'customer') return t('noCustomer');
  if (problem.problem === 'required') return t('subjectRequired');
  return t('tooLong', { limit: NEW_TICKET_LIMITS[problem.field === 'subject' ? 'subject' : 'description'] });
}

/** The create's failure in words: the fields Desk refused, whether a ticket may exist, else the error's own words. */
function failureWords(error: ErrorInfo, language: Language, t: NewTicketTranslate): string {
  const fields = rejectedFields(error);
  if (fields.length) return t('fieldRejected', { fields: fields.map((field) => t(FIELD_WORDS[field])).join(', ') });
  const general = errorMessage(error, language);
  if (error.notCreated) return `${general} ${t('notCreated')}`;
  return mayHaveReachedDesk(error) ? `${general} ${t('mayExist')}` : general;
}

export function NewTicketDialog({ language, status, initialDraft, onDraft, onCreate, onCancel, restoreFocus }: NewTicketDialogProps) {
  const t = newTicketTranslator(language);
  const dialog = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<TicketDraft | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const options = status.kind === 'ready' ? status.options : null;
  const sending = status.kind === 'ready' && status.sending;

  // The kept draft fits the choices once they arrive; the Subject then takes the focus, unless the
  // field the rep was in before CRM drew the panel again takes it back. A kept draft read after
  // the choices came (a panel that took over an open dialog) still fills the fields, until the
  // rep types.
  const typed = useRef(false);
  useEffect(() => {
    if (options && (draft === null || (initialDraft && !typed.current))) setDraft(fitDraft(initialDraft, options));
  }, [options, initialDraft]);
  useEffect(() => {
    if (draft === null || !dialog.current) return;
    // A field focused already was put there (by the rep, or back where they were): it stays.
    const focused = dialog.current.ownerDocument.activeElement;
    if (focused !== dialog.current && dialog.current.contains(focused)) return;
    if (!restoreFocus?.()) dialog.current.querySelector<HTMLInputElement>('#dl-new-subject')?.focus();
  }, [draft === null]);
  useEffect(() => {
    if (status.kind !== 'ready') dialog.current?.focus();
  }, [status.kind]);
  // A refusal: the focus goes to the first field it marks, else stays in the dialog.
  const refusal = status.kind === 'ready' ? status.error : undefined;
  useEffect(() => {
    if (!refusal) return;
    const marked = dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (marked ?? dialog.current)?.focus();
  }, [refusal]);

  const change = (patch: Partial<TicketDraft>) => {
    if (!draft) return;
    typed.current = true;
    const next = { ...draft, ...patch };
    setDraft(next);
    onDraft(next);
  };
  const create = () => {
    if (!draft || !options || sending) return;
    const checked = checkDraft(draft, options);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    onCreate(checked.ticket);
  };

  // Escape cancels; Tab and Shift+Tab go round inside the dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('input, select, textarea, button')].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const serverError = status.kind === 'ready' && status.error ? status.error : null;
  const marked = new Set<DraftField>([...problems.map((p) => p.field), ...(serverError ? rejectedFields(serverError) : [])]);
  const messages = [
    ...problems.map((problem) => problemWords(problem, t)),
    ...(serverError ? [failureWords(serverError, language, t)] : []),
    ...(status.kind === 'unavailable' ? [errorMessage(status.error, language)] : []),
  ];
  const invalid = (field: DraftField) => (marked.has(field) ? { 'aria-invalid': true as const, 'aria-describedby': 'dl-new-alert' } : {});

  return (
    <div
      ref={dialog}
      class="dl-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="dl-new-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-busy={status.kind === 'loading' || sending ? 'true' : 'false'}
    >
      <h3 id="dl-new-title" class="dl-dialog-title">
        {t('newTicket')}
      </h3>
      {status.kind === 'loading' && <p class="dl-note">{t('loading')}</p>}
      {draft && options && (
        <form
          class="dl-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            create();
          }}
        >
          <div class="dl-field">
            <label for="dl-new-subject">{t('subject')}</label>
            <input
              id="dl-new-subject"
              type="text"
              required
              aria-required="true"
              value={draft.subject}
              onInput={(event) => change({ subject: event.currentTarget.value })}
              {...invalid('subject')}
            />
            <p class="dl-counter" aria-live="off">
              {t('counter', { count: draft.subject.trim().length, limit: NEW_TICKET_LIMITS.subject })}
            </p>
          </div>
          <div class="dl-field">
            <label for="dl-new-description">{t('description')}</label>
            <textarea
              id="dl-new-description"
              rows={4}
              value={draft.description}
              onInput={(event) => change({ description: event.currentTarget.value })}
              {...invalid('description')}
            />
            {draft.description.length > NEW_TICKET_LIMITS.description * 0.9 && (
              <p class="dl-counter">{t('counter', { count: draft.description.length, limit: NEW_TICKET_LIMITS.description })}</p>
            )}
          </div>
          <div class="dl-field">
            <label for="dl-new-department">{t('department')}</label>
            <select
              id="dl-new-department"
              value={draft.departmentId}
              onChange={(event) => change({ departmentId: event.currentTarget.value })}
              {...invalid('departmentId')}
            >
              {options.departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </div>
          <div class="dl-field">
            <label for="dl-new-priority">{t('priority')}</label>
            <select
              id="dl-new-priority"
              value={draft.priority}
              onChange={(event) => change({ priority: event.currentTarget.value })}
              {...invalid('priority')}
            >
              <option value="">{t('noPriority')}</option>
              {options.priorities.map((priority) => (
                <option key={priority} value={priority}>
                  {priority}
                </option>
              ))}
            </select>
          </div>
          <div class="dl-field">
            <label for="dl-new-customer">{t('customer')}</label>
            <select
              id="dl-new-customer"
              value={String(draft.customer)}
              onChange={(event) => change({ customer: Number(event.currentTarget.value) })}
              {...invalid('customer')}
            >
              {options.customers.map((person, index) => (
                <option key={index} value={String(index)}>
                  {person.email ? t('customerOption', { name: person.name, email: person.email }) : person.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {messages.length > 0 && (
        <div id="dl-new-alert" role="alert" class="dl-alert">
          {messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <div class="dl-dialog-actions">
        {/* aria-disabled while sending: a disabled button would drop the focus out of the dialog. */}
        <button type="button" class="dl-button dl-primary" disabled={!draft} aria-disabled={sending ? 'true' : undefined} onClick={create}>
          {sending ? t('creating') : t('create')}
        </button>
        <button type="button" class="dl-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
