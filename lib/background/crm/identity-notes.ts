/**
 * Where the last record's identity came from, for the options page's diagnostics: CRM's API, or
 * the page and why (no CRM scope, CRM refused, CRM has no such record …). Kept in
 * storage.session: gone with the browser session, not readable by content scripts; only
 * DeskLink's own words are kept, never Zoho's text.
 */
import { browser } from 'wxt/browser';
import type { CrmIdentitySource } from '../../shared/protocol';

/** A source without its time (each member of the union without `at`). */
type Note = CrmIdentitySource extends infer S ? (S extends { at: number } ? Omit<S, 'at'> : never) : never;

const KEY = 'diagnostics.crmIdentity';

export interface IdentityNotes {
  note(source: Note): Promise<void>;
  last(): Promise<CrmIdentitySource | null>;
}

export function createIdentityNotes(now: () => number): IdentityNotes {
  return {
    async note(source) {
      try {
        await browser.storage.session.set({ [KEY]: { ...source, at: now() } });
      } catch (error) {
        console.warn('DeskLink could not note where an identity came from', error);
      }
    },
    async last() {
      try {
        const stored = (await browser.storage.session.get(KEY))[KEY] as CrmIdentitySource | undefined;
        return stored && typeof stored === 'object' && (stored.source === 'crm' || stored.source === 'page') ? stored : null;
      } catch {
        return null;
      }
    },
  };
}
