/** The panel's props: the session's view state plus "now", the options link and callbacks. */
import type { PanelViewState } from '../../lib/page/panel-state';

export interface PanelProps extends Omit<PanelViewState, 'recordKey' | 'refreshing' | 'dataCentreMismatch'> {
  refreshing?: boolean;
  dataCentreMismatch?: PanelViewState['dataCentreMismatch'];
  /** "Now" for ages and overdue marks (epoch ms). */
  now: number;
  /** Where the set-up / sign-in links point (the options page). */
  optionsUrl: string;
  onRefresh: () => void;
  onOpenOptions: () => void;
}
