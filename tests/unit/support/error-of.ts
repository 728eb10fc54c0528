// The typed error a promise rejects with (a test helper, not a test file).
import { expect } from 'vitest';
import { DeskLinkError, type ErrorInfo } from '../../../lib/shared/errors';

/** Awaits `promise`, expects it to reject with a DeskLinkError, and returns that error's info. */
export async function errorOf(promise: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DeskLinkError);
    return (error as DeskLinkError).info;
  }
  throw new Error('expected a failure');
}
