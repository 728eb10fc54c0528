/** Counts as the language writes them ("1,000"; Japanese "1,000" too), through Intl. */
import type { Language } from './protocol';

const formatters = new Map<Language, Intl.NumberFormat>();

export function formatCount(count: number, language: Language): string {
  let found = formatters.get(language);
  if (!found) {
    found = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-US');
    formatters.set(language, found);
  }
  return found.format(count);
}
