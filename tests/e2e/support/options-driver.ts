/**
 * DeskLink's options page as a person drives it, browser-neutral: the options scenarios
 * (tests/e2e/scenarios/options-*.ts) are written once against it and run in Chromium
 * (./options.ts) and Firefox ESR (./options-firefox.ts). Controls are found by role and visible
 * label, exactly as named.
 */
import type { PanelWorld } from './panel-driver';

export interface OptionsPage {
  /** Chooses the radio labelled `label` (a way in `How to connect`). */
  choose: (label: string) => Promise<void>;
  /** Chooses `value` in the select labelled `label`. */
  select: (label: string, value: string) => Promise<void>;
  /** Types `value` into the text or password field labelled `label`. */
  fill: (label: string, value: string) => Promise<void>;
  /** Presses the button named `name`, once it is there. */
  click: (name: string) => Promise<void>;
  /** The rendered text of the region named `name`, once it shows. */
  regionText: (name: string) => Promise<string>;
  /** The text of the page's one alert, once it shows. */
  alertText: () => Promise<string>;
  /** The visible label of the field that has the keyboard focus ('' for none). */
  focusedLabel: () => Promise<string>;
  /** Ticks (true) or clears the checkbox labelled `label`. */
  setChecked: (label: string, on: boolean) => Promise<void>;
  /** Presses `Sign in with Zoho` and answers the consent window Zoho opens with `decision`. */
  signInWithZoho: (decision: 'Accept' | 'Deny') => Promise<void>;
}

/** What an options scenario gets: the panel's world and a new options tab. */
export interface OptionsWorld extends PanelWorld {
  openOptions: () => Promise<OptionsPage>;
}

// ---- Page-side code both implementations run (self-contained: it is sent to the browser as source) ----

/** The label text of the focused field. */
export function focusedFieldLabel(): string {
  const field = document.activeElement as HTMLInputElement | null;
  return [...(field?.labels ?? [])].map((label) => label.textContent ?? '').join(' ');
}
