import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identity } from '../../../lib/shared/commands';
import { watchRecordIdentity } from '../../../lib/page/record-identity-watch';
import { fixturePage } from '../../sandbox/crm/page-variants';
import { RECORDS } from '../../sandbox/fixtures';

const QUIET_MS = 150;

function renderContact() {
  const saved = new DOMParser().parseFromString(fixturePage(RECORDS.contact), 'text/html');
  document.title = saved.title;
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
}

function watch() {
  const reports: { at: number; identity: Identity }[] = [];
  const controller = new AbortController();
  const started = Date.now();
  watchRecordIdentity({
    doc: document,
    ref: { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: 'org1', module: 'Contacts', recordId: RECORDS.contact.recordId },
    signal: controller.signal,
    staleFingerprint: null,
    ownAnchorAtSwitch: false,
    onIdentity: (identity) => reports.push({ at: Date.now() - started, identity }),
    settleMs: 5_000,
    quietMs: QUIET_MS,
  });
  return { reports, stop: () => controller.abort() };
}

const emailField = () => document.querySelector('[data-zcqa="value_Email"] crm-rl-share-email')!;

beforeEach(() => {
  vi.useFakeTimers();
  renderContact();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the record identity watch', () => {
  it('reports once the identity has been quiet, however often CRM touches fields without changing it', async () => {
    const { reports, stop } = watch();
    const email = emailField().getAttribute('email')!;
    // CRM re-renders the field every 100 ms with the same value: nothing new to wait for.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(100);
      emailField().setAttribute('email', email);
    }
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.at).toBeLessThanOrEqual(QUIET_MS + 100);
    expect(reports[0]!.identity.emails).toContain(email.toLowerCase());
    stop();
  });

  it('waits the quiet time again when a field does change, and reports the identity it settled on', async () => {
    const { reports, stop } = watch();
    await vi.advanceTimersByTimeAsync(100);
    emailField().setAttribute('email', 'late.address@example.com');
    await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(reports.map((r) => r.identity.emails)).toEqual([expect.arrayContaining(['late.address@example.com'])]);
    stop();
  });
});
