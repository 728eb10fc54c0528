/**
 * The broker's single entry: validate a message, check its sender, run its handler, and always
 * answer with a `Response` envelope. Never throws and never rejects: a bad message, a forbidden
 * sender or a failing handler all become `{ ok: false, error }` with a typed code.
 */
import type { Runtime } from 'webextension-polyfill';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { COMMANDS, type Caller, type Command, type Request } from '../../shared/commands';
import type { Response } from '../../shared/protocol';
import { adminHandlers } from './admin-handlers';
import type { Handlers } from './handlers';
import { panelHandlers } from './panel-handlers';
import { knownSecrets, redact } from './redact';
import { isCrmTabSender, isExtensionPageSender, type MessageSender } from './sender-policy';

const handlers: Handlers = { ...adminHandlers, ...panelHandlers };
const SENDER_CHECKS: Record<Caller, (sender: MessageSender) => boolean> = { page: isCrmTabSender, extension: isExtensionPageSender };

const fail = (error: ErrorInfo): Response<never> => ({ ok: false, error });

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

export async function handleMessage(message: unknown, sender: Runtime.MessageSender | MessageSender): Promise<Response<unknown>> {
  const response = await answer(message, sender);
  try {
    return redact(response, await knownSecrets());
  } catch {
    // The secrets could not be read: an error's free text is dropped rather than risked.
    return response.ok ? response : fail({ code: response.error.code });
  }
}

async function answer(message: unknown, sender: Runtime.MessageSender | MessageSender): Promise<Response<unknown>> {
  try {
    const command = commandOf(message);
    if (command === undefined) return fail({ code: 'BAD_MESSAGE', detail: 'expected an object with a string "command"' });
    if (!Object.hasOwn(COMMANDS, command)) return fail({ code: 'UNKNOWN_COMMAND', detail: command.slice(0, 100) });
    const definition = COMMANDS[command as Command];
    const from: MessageSender = typeof sender === 'object' && sender !== null ? sender : {};
    if (!SENDER_CHECKS[definition.from](from)) return fail({ code: 'FORBIDDEN_SENDER', detail: command });

    const parsed = definition.payload.safeParse(message);
    if (!parsed.success) return fail({ code: 'BAD_MESSAGE', detail: describeIssues(parsed.error.issues) });
    const handler = handlers[command as Command] as (request: Request) => Promise<unknown>;
    const data = await handler({ ...parsed.data, command } as Request);
    return { ok: true, data };
  } catch (error) {
    return fail(toErrorInfo(error));
  }
}
