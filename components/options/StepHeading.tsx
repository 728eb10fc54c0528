/**
 * A wizard step's heading with where the admin is ("Step 2 of 2"). The heading takes the focus
 * programmatically when its step opens (tabIndex -1: reachable by script, not an extra tab stop).
 */
import type { OptionsTranslate } from '../../lib/shared/i18n/options';

/** The wizard has two steps: how to connect, then the portal. */
const STEPS = 2;

interface StepHeadingProps {
  id: string;
  t: OptionsTranslate;
  step: 1 | 2;
  title: string;
}

export function StepHeading({ id, t, step, title }: StepHeadingProps) {
  return (
    <>
      <p class="step-indicator">{t('stepOf', { step, total: STEPS })}</p>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
    </>
  );
}
