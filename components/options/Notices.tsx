/**
 * What the admin must know whatever the screen: enterprise policy values DeskLink ignored (a
 * typo in a policy file is not silent), and that this browser does not let DeskLink keep the
 * credential beyond the session (IndexedDB cannot open: a private window, a broken profile).
 */
import type { OptionsKey, OptionsTranslate } from '../../lib/shared/i18n/options';
import { DATA_CENTRE_IDS } from '../../lib/shared/data-centres';
import { DESK_CALLS_PER_MINUTE, type IgnoredPolicyValue, type PolicyExpectation, type SettingsView } from '../../lib/shared/protocol';

const EXPECTATIONS: Record<PolicyExpectation, OptionsKey> = {
  boolean: 'expectBoolean',
  dataCentre: 'expectDataCentre',
  key: 'expectKey',
  email: 'expectEmail',
  portalId: 'expectPortalId',
  language: 'expectLanguage',
  timeZone: 'expectTimeZone',
  callsPerMinute: 'expectCallsPerMinute',
  crmAddresses: 'expectCrmAddresses',
  keyWithEmail: 'expectKeyWithEmail',
  orgCredentialTogether: 'expectOrgCredentialTogether',
  oneCredential: 'expectOneCredential',
};

/** "Policy value `enabled` ignored: expected true or false", the key set as code. */
function IgnoredValue({ t, ignored }: { t: OptionsTranslate; ignored: IgnoredPolicyValue }) {
  const expected = t(EXPECTATIONS[ignored.expected], {
    list: DATA_CENTRE_IDS.join(', '),
    min: DESK_CALLS_PER_MINUTE.min,
    max: DESK_CALLS_PER_MINUTE.max,
  });
  const [before = '', after = ''] = t('policyIgnored', { expected }).split('{key}');
  return (
    <li>
      {before}
      <code>{ignored.key}</code>
      {after}
    </li>
  );
}

export function Notices({ t, view }: { t: OptionsTranslate; view: SettingsView }) {
  const ignored = view.policyIgnored ?? [];
  const storage = view.credentialStorage;
  return (
    <>
      {storage && !storage.persistent && (
        <div role="alert" class="alert">
          <p>{t('sessionCredential', { reason: storage.reason ?? '?' })}</p>
        </div>
      )}
      {ignored.length > 0 && (
        <section class="card notices" aria-labelledby="policy-notes-heading">
          <h2 id="policy-notes-heading">{t('policyNotes')}</h2>
          <ul>
            {ignored.map((value) => (
              <IgnoredValue key={value.key} t={t} ignored={value} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
