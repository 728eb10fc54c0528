/**
 * Shown once `Save` connected: a `Try it in Zoho CRM` link to the data centre's CRM host (the
 * panel shows on a record there) and what each rep needs before DeskLink works for them.
 */
import { DATA_CENTRES, type DataCentreId } from '../../lib/shared/data-centres';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { SettingsView } from '../../lib/shared/protocol';

interface NextStepsProps {
  t: OptionsTranslate;
  dataCentre: DataCentreId;
  authKind: SettingsView['authKind'];
}

export function NextSteps({ t, dataCentre, authKind }: NextStepsProps) {
  const host = DATA_CENTRES[dataCentre].crmHost;
  return (
    <section class="card" aria-labelledby="next-steps-heading">
      <h2 id="next-steps-heading">{t('nextStepsHeading')}</h2>
      <p>
        <a class="button-link" href={`https://${host}/crm/`} target="_blank" rel="noopener noreferrer" aria-describedby="try-it-hint">
          {t('tryIt')}
        </a>
      </p>
      <p id="try-it-hint" class="hint">
        {t('tryItHint', { host })}
      </p>
      <h3 id="checklist-heading">{t('checklistHeading')}</h3>
      <ul aria-labelledby="checklist-heading">
        <li>{t('checkInstalled')}</li>
        {/* Signing in as themselves needs a Desk licence each; a shared credential reaches other browsers by policy. */}
        <li>{t(authKind === 'oauth' ? 'checkLicence' : 'checkShared')}</li>
      </ul>
    </section>
  );
}
