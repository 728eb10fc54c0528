/** A broker stand-in for the options page: answers per admin command (its data, or `{ error }` for a failure) and records what was sent. */
import { vi } from 'vitest';
import type { AdminSend } from '../../../lib/options/admin-send';
import type { Request } from '../../../lib/shared/commands';

export type AdminAnswers = Partial<Record<Request['command'], (request: any) => unknown>>;

export function fakeAdminBroker(answers: AdminAnswers) {
  const sent: Request[] = [];
  const send = vi.fn((request: Request) => {
    sent.push(request);
    const answer = answers[request.command]?.(request);
    const failed = typeof answer === 'object' && answer !== null && 'error' in answer;
    return Promise.resolve(failed ? { ok: false, error: answer.error } : { ok: true, data: answer });
  }) as unknown as AdminSend;
  return { send, sent };
}
