/** URLs of sandbox CRM pages: the real Zoho host names, which the harness maps to the sandbox. */
import { DATA_CENTRES, type DataCentreId } from '../../../lib/shared/data-centres';
import { recordPath, type RecordFixture } from '../../sandbox/fixtures';

export interface CrmPageOptions {
  /** Data centre whose CRM host to open (default `com`: crm.zoho.com). */
  dc?: DataCentreId;
  /** Open the `crmsandbox.` twin host instead of `crm.`. */
  crmSandbox?: boolean;
  /** A company's own CRM host instead of Zoho's (tests/sandbox/hosts.ts COMPANY_CRM_HOSTS). */
  host?: string;
  /** Sandbox page variant (query `variant=`), e.g. a saved DOM variant of the record page. */
  variant?: string;
  /** Extra CSS the sandbox page injects (query `css=`), e.g. to test CRM styles leaking in. */
  css?: string;
}

/** `https://crm.zoho.<dc>/<path>` for a path (`/crm/org…/tab/…`) or a record fixture. */
export function crmUrl(target: string | RecordFixture, opts: CrmPageOptions = {}): string {
  const dc = DATA_CENTRES[opts.dc ?? 'com'];
  const host = opts.host ?? (opts.crmSandbox ? dc.crmSandboxHost : dc.crmHost);
  const url = new URL(typeof target === 'string' ? target : recordPath(target), `https://${host}`);
  if (opts.variant) url.searchParams.set('variant', opts.variant);
  if (opts.css) url.searchParams.set('css', opts.css);
  return url.href;
}
