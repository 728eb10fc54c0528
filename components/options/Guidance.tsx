/** Where an admin gets a ZSC key, from each of three starting points: new to Zoho Desk, a portal admin, not an admin. */
import type { OptionsTranslate } from '../../lib/shared/i18n/options';

export function Guidance({ t }: { t: OptionsTranslate }) {
  const cases = [
    ['guideNewTitle', 'guideNew'],
    ['guideAdminTitle', 'guideAdmin'],
    ['guideUserTitle', 'guideUser'],
  ] as const;
  return (
    <section class="card guidance" aria-labelledby="guidance-heading">
      <h2 id="guidance-heading">{t('guidanceHeading')}</h2>
      {cases.map(([title, text]) => (
        <div key={title}>
          <h3>{t(title)}</h3>
          <p>{t(text)}</p>
        </div>
      ))}
      <p class="hint">{t('guideNote')}</p>
    </section>
  );
}
