/**
 * DeskLink's options page as a person drives it, browser-neutral: the options scenarios
 * (tests/e2e/scenarios/options-*.ts) are written once against it and run in Chromium
 * (./options.ts) and Firefox ESR (./options-firefox.ts). Controls are found by role and visible
 * label, exactly as named.
 */
import type { PanelWorld } from './panel-driver';

export interface OptionsPage {
  /** Chooses `value` in the select labelled `label`. */
  select: (label: string, value: string) => Promise<void>;
  /** Types `value` into the text or password field labelled `label`. */
  fill: (label: string, value: string) => Promise<void>;
  /** Presses the button named `name`, once it is there. */
  click: (name: string) => Promise<void>;
  /** The rendered text of the region named `name`, once it shows. */
  regionText: (name: string) => Promise<string>;
}

/** What an options scenario gets: the panel's world and a new options tab. */
export interface OptionsWorld extends PanelWorld {
  openOptions: () => Promise<OptionsPage>;
}
