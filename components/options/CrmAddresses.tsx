/**
 * Company CRM addresses: the list (each with whether the panel shows there, or what is missing),
 * `CRM address` with `Add address`, and per address `Allow access` when the browser has not
 * given it and `Remove` for one added here. The browser's prompt and the broker come in as props.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import {
  addCrmAddress,
  allowCrmAddress,
  removeCrmAddress,
  type CrmAddressOutcome,
  type RequestHostAccess,
} from '../../lib/options/crm-addresses';
import type { CrmAddressesView, CrmAddressView } from '../../lib/shared/crm-address-view';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import { crmAddressesTranslator, crmAddressProblemWords } from '../../lib/shared/i18n/crm-addresses';
import { REGION_NAMES } from '../../lib/shared/i18n/options';
import type { Language } from '../../lib/shared/protocol';
import { Alert, Status } from './fields';

interface CrmAddressesProps {
  language: Language;
  send: AdminSend;
  requestAccess: RequestHostAccess;
  /** A locked policy: addresses can be neither added nor removed here (a policy's may still be allowed). */
  locked: boolean;
}

export function CrmAddresses({ language, send, requestAccess, locked }: CrmAddressesProps) {
  const t = crmAddressesTranslator(language);
  const [view, setView] = useState<CrmAddressesView | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void send({ command: 'crmHosts.get' }).then((answer) => {
      if (answer.ok) setView(answer.data);
      else setError(adminErrorMessage(answer.error, language));
    });
  }, [send, language]);

  /** Starts `work` now (the browser's prompt must open inside the click), then shows its outcome. */
  const run = (work: () => Promise<CrmAddressOutcome>, onDone?: () => void) => {
    setError(null);
    setStatus(null);
    setBusy(true);
    const started = work();
    void started.then((outcome) => {
      setBusy(false);
      if (outcome.kind === 'refused') return setError(crmAddressProblemWords(outcome.problem, t));
      if (outcome.kind === 'failed') return setError(adminErrorMessage(outcome.error, language));
      setView(outcome.view);
      setStatus(t(outcome.words, { host: outcome.host }));
      onDone?.();
    });
  };

  const region = view?.dataCentre ? REGION_NAMES[language][view.dataCentre] : '';
  const stateWords = (address: CrmAddressView) => (address.active ? t('active') : address.granted ? t('notConnected') : t('notGranted'));

  return (
    <section class="card" aria-labelledby="crm-addresses-heading">
      <h2 id="crm-addresses-heading">{t('heading')}</h2>
      <p>{t('intro', { region })}</p>
      {view && view.addresses.length === 0 && <p>{t('none')}</p>}
      {view && view.addresses.length > 0 && (
        <ul aria-labelledby="crm-addresses-heading" class="crm-addresses">
          {view.addresses.map((address) => (
            <li key={address.host}>
              <code>https://{address.host}</code> <span>{stateWords(address)}</span>
              {address.fromPolicy && <p class="hint">{t('fromPolicy')}</p>}
              {!address.granted && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run(() => allowCrmAddress(send, requestAccess, address.host, address.fromPolicy))}
                >
                  {t('allow', { host: address.host })}
                </button>
              )}
              {address.addedHere && !address.fromPolicy && (
                <button type="button" disabled={busy || locked} onClick={() => run(() => removeCrmAddress(send, address.host))}>
                  {t('remove', { host: address.host })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run(
            () => addCrmAddress(send, requestAccess, text),
            () => setText(''),
          );
        }}
      >
        <div class="field">
          <label for="crm-address">{t('address')}</label>
          <input
            id="crm-address"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            value={text}
            disabled={locked}
            aria-describedby="crm-address-hint"
            aria-invalid={error !== null}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <p id="crm-address-hint" class="hint">
            {t('addressHint')}
          </p>
        </div>
        <button type="submit" disabled={busy || locked}>
          {t('add')}
        </button>
      </form>
      <Alert messages={error ? [error] : []} />
      {status && <Status>{status}</Status>}
    </section>
  );
}
