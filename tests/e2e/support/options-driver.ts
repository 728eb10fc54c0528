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
  /** The focused element as a screen reader names it: its tag and text ('body' when nothing has the focus). */
  focused: () => Promise<{ tag: string; text: string }>;
  /** The value of the field labelled `label` (a text field or a select), once it shows. */
  value: (label: string) => Promise<string>;
  /** The texts a field's aria-describedby names, joined (its error and hint). */
  description: (label: string) => Promise<string>;
  /** The options page's text as shown (the main landmark). */
  mainText: () => Promise<string>;
  /** Presses the button named `button` inside the dialog named `dialog`. */
  clickInDialog: (dialog: string, button: string) => Promise<void>;
  /** The text of the dialog named `name`, once it shows. */
  dialogText: (name: string) => Promise<string>;
  /** The href and target of the link named `name`, once it shows. */
  link: (name: string) => Promise<{ href: string; target: string }>;
  /** Keys pressed in turn on the focused element (Playwright key names: Tab, Shift+Tab, Enter, Escape, ArrowDown, …). */
  press: (...keys: string[]) => Promise<void>;
  /** Types text into the focused element. */
  type: (text: string) => Promise<void>;
  /** Computed font sizes (px) of a field label, body text and a hint, and the visible primary buttons' names. */
  visual: () => Promise<VisualSystem>;
  /** axe-core's violations on the page as it is (ids and targets). */
  axe: () => Promise<{ id: string; targets: string[] }[]>;
}

export interface VisualSystem {
  label: number;
  body: number;
  hint: number;
  /** The buttons (and button-styled links) drawn as the primary action, by name. */
  primary: string[];
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

/** The focused element's tag and text. */
export function focusedElement(): { tag: string; text: string } {
  const el = document.activeElement;
  return { tag: el?.localName ?? 'body', text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

/** The value of the field (text input or select, not a radio of the same name) a visible label of exactly `label` names. */
export function labelledValue(label: string): string | null {
  const control = [...document.querySelectorAll('label')]
    .filter((l) => (l.textContent ?? '').trim() === label)
    .map((l) => l.control as HTMLInputElement | HTMLSelectElement | null)
    .find((c) => c && c.type !== 'radio' && c.type !== 'checkbox');
  return control ? control.value : null;
}

/** The joined texts of the elements the labelled field's aria-describedby names (not a radio of the same name). */
export function labelledDescription(label: string): string | null {
  const control = [...document.querySelectorAll('label')]
    .filter((l) => (l.textContent ?? '').trim() === label)
    .map((l) => l.control as HTMLInputElement | HTMLSelectElement | null)
    .find((c) => c && c.type !== 'radio' && c.type !== 'checkbox');
  if (!control) return null;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/**
 * The type scale as drawn: the `Data center` field's label (or the first field label), the intro
 * paragraph (body text), the first hint; and which visible buttons are filled with the primary
 * colour (a step's one primary action), read from the rendered styles as a person sees them.
 */
export function visualSystem(): { label: number; body: number; hint: number; primary: string[] } {
  const size = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
  const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
  const filled = (el: Element) => {
    const style = getComputedStyle(el);
    // The primary fill: a saturated blue with white text (secondary is white, danger red, disabled grey).
    const [r, g, b] = (style.backgroundColor.match(/\d+/g) ?? []).map(Number);
    return b! > 150 && r! < 60 && g! < 120 && style.color.replace(/\s/g, '') === 'rgb(255,255,255)';
  };
  const primary = [...document.querySelectorAll('button, a')]
    .filter((el) => shown(el) && filled(el))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    label: size(document.querySelector('.field > label')),
    body: size(document.querySelector('main p:not(.hint):not(.step-indicator)')),
    hint: size(document.querySelector('.hint')),
    primary,
  };
}
