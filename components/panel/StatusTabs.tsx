/** The All / Open / On hold / Closed tabs with their counts ("All 2"), arrow-key navigable. */
import type { Translate } from '../../lib/shared/i18n';
import type { PanelKey } from '../../lib/shared/i18n/panel';
import { STATUS_TABS, type StatusTab } from '../../lib/page/ticket-list';

const LABEL: Record<StatusTab, PanelKey> = { all: 'tabAll', open: 'tabOpen', onHold: 'tabOnHold', closed: 'tabClosed' };

export const tabLabelKey = (tab: StatusTab): PanelKey => LABEL[tab];
export const tabId = (tab: StatusTab) => `desklink-tab-${tab}`;
export const TABPANEL_ID = 'desklink-tabpanel';

interface Props {
  t: Translate<PanelKey>;
  counts: Record<StatusTab, number>;
  /** A count as the language writes it ("1,000"). */
  format: (count: number) => string;
  selected: StatusTab;
  onSelect: (tab: StatusTab) => void;
}

export function StatusTabs({ t, counts, format, selected, onSelect }: Props) {
  const move = (event: KeyboardEvent, from: StatusTab) => {
    const index = STATUS_TABS.indexOf(from);
    const last = STATUS_TABS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const tab = STATUS_TABS[target] ?? 'all';
    onSelect(tab);
    const list = (event.currentTarget as HTMLElement).parentElement;
    (list?.querySelector(`#${tabId(tab)}`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="dl-tabs" role="tablist" aria-label={t('tabList')}>
      {STATUS_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          class="dl-tab"
          aria-selected={tab === selected}
          aria-controls={TABPANEL_ID}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
          onKeyDown={(event) => move(event, tab)}
        >
          {t(LABEL[tab])} <span class="dl-count">{format(counts[tab])}</span>
        </button>
      ))}
    </div>
  );
}
