/**
 * The broker's single entry: validate a message against its row of the command table, check its
 * sender, run its handler, and always answer with a `Response` envelope. Never throws and never
 * rejects: a bad message, a forbidden sender or a failing handler all become `{ ok: false, error }`
 * with a typed code.
 */
import type { Runtime } from 'webextension-polyfill';
import { COMMANDS, PANEL_FRAME_COMMANDS, type Caller, type Command, type RecordRef, type Request } from '../../shared/commands';
import type { CustomCrmHosts } from '../../shared/crm-address';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { Response } from '../../shared/protocol';
import type { Handlers, SenderCheck } from './handlers';
import { redact, scrubSecretRuns } from './redact';
import {
  isAboutShownRecord,
  isCrmTabSender,
  isExtensionPageSender,
  isOnZohoCrmHost,
  isPanelFrameSender,
  tabStillShowsRecord,
  type CurrentTabUrl,
  type MessageSender,
} from './sender-policy';

/** `held`: false once the caller let go of a request it held open (it left the record meanwhile). */
export type HandleMessage = (
  message: unknown,
  sender: Runtime.MessageSender | MessageSender,
  held?: () => boolean,
) => Promise<Response<unknown>>;

const SENDER_CHECKS: Record<Caller, (sender: MessageSender, customHosts?: CustomCrmHosts) => boolean> = {
  page: isCrmTabSender,
  extension: isExtensionPageSender,
};

const fail = (error: ErrorInfo): Response<never> => ({ ok: false, error });

/** Refusals whose text the dispatcher writes itself (names, never values): the only error text a content script gets. */
const OWN_REFUSALS: readonly string[] = ['BAD_MESSAGE', 'UNKNOWN_COMMAND', 'FORBIDDEN_SENDER'];

/**
 * A copy of `value` without the free text of any error in it. For everything but the options
 * page: Zoho's message (or a library's) may quote a header or a key, and a page has no use for it.
 */
function withoutErrorText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutErrorText);
  if (typeof value !== 'object' || value === null) return value;
  const isError = typeof (value as { code?: unknown }).code === 'string';
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(isError && key === 'detail'))
      .map(([key, inner]) => [key, withoutErrorText(inner)]),
  );
}

function forContentScript(response: Response<unknown>): Response<unknown> {
  if (response.ok) return { ok: true, data: withoutErrorText(response.data) };
  return OWN_REFUSALS.includes(response.error.code) ? response : fail(withoutErrorText(response.error) as ErrorInfo);
}

/** For the options page: an error's text without any run of a secret's characters (a key cut in two included). */
function forExtensionPage(response: Response<unknown>, secrets: readonly string[]): Response<unknown> {
  if (response.ok || response.error.detail === undefined) return response;
  return fail({ ...response.error, detail: scrubSecretRuns(response.error.detail, secrets) });
}

function commandOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const command = (message as { command?: unknown }).command;
  return typeof command === 'string' ? command : undefined;
}

/** The zod issues as paths and messages, without the values sent (they may be anything). */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(message)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 300);
}

/**
 * `secrets`: what no answer may carry (the credentials in force), scrubbed from every answer.
 * `currentTabUrl`: the URL the browser reports now for a tab (tabs.get).
 * `customHosts`: the company CRM hosts in force (none unless an admin added them).
 */
export function createDispatch(
  handlers: Handlers,
  secrets: () => Promise<string[]>,
  currentTabUrl: CurrentTabUrl,
  customHosts: () => Promise<CustomCrmHosts> = () => Promise.resolve(new Map()),
): HandleMessage {
  async function answer(message: unknown, sender: Runtime.MessageSender | MessageSender, held: () => boolean): Promise<Response<unknown>> {
    try {
      const command = commandOf(message);
      if (command === undefined) return fail({ code: 'BAD_MESSAGE', detail: 'expected an object with a string "command"' });
      if (!Object.hasOwn(COMMANDS, command)) return fail({ code: 'UNKNOWN_COMMAND', detail: command.slice(0, 100) });
      const definition = COMMANDS[command as Command];
      const from: MessageSender = typeof sender === 'object' && sender !== null ? sender : {};
      // Company hosts are looked up (storage, policy, permissions) only for a frame on no Zoho host.
      const custom = definition.from === 'page' && !isOnZohoCrmHost(from) ? await customHosts().catch(() => undefined) : undefined;
      const allowed =
        SENDER_CHECKS[definition.from](from, custom) ||
        ((PANEL_FRAME_COMMANDS as readonly string[]).includes(command) && isPanelFrameSender(from, custom));
      if (!allowed) return fail({ code: 'FORBIDDEN_SENDER', detail: command });

      const parsed = definition.payload.safeParse(message);
      if (!parsed.success) return fail({ code: 'BAD_MESSAGE', detail: describeIssues(parsed.error.issues) });
      // A panel command only ever asks about the record the sending frame shows.
      const record = (parsed.data as { record?: RecordRef }).record;
      if (definition.from === 'page' && record && !(await isAboutShownRecord(from, record, currentTabUrl, custom))) {
        return fail({ code: 'FORBIDDEN_SENDER', detail: command });
      }
      const handler = handlers[command as Command] as (request: Request, sender: SenderCheck) => Promise<unknown>;
      const check: SenderCheck = {
        stillShown: async () => held() && (!record || (await tabStillShowsRecord(from, record, currentTabUrl, custom))),
      };
      return { ok: true, data: await handler({ ...parsed.data, command } as Request, check) };
    } catch (error) {
      return fail(toErrorInfo(error));
    }
  }

  return async (message, sender, held = () => true) => {
    const response = await answer(message, sender, held);
    const toExtensionPage = typeof sender === 'object' && sender !== null && isExtensionPageSender(sender);
    try {
      const known = await secrets();
      const clean = redact(response, known);
      return toExtensionPage ? forExtensionPage(clean, known) : forContentScript(clean);
    } catch {
      // The secrets could not be read: an error's free text is dropped rather than risked.
      return response.ok ? forContentScript(response) : fail({ code: response.error.code });
    }
  };
}
