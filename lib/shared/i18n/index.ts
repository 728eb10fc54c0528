/**
 * Catalog lookup. Each area keeps its own catalog file (panel, options, errors), each exporting
 * `{ en: {...}, ja: {...} }` where `ja` has exactly the keys of `en` (the type enforces it).
 * Placeholders are `{name}`.
 */
import type { Language } from '../protocol';

type Catalog<K extends string> = { en: Record<K, string>; ja: Record<K, string> };

export function defineCatalog<const E extends Record<string, string>>(catalog: {
  en: E;
  ja: Record<keyof E, string>;
}): Catalog<Extract<keyof E, string>> {
  return catalog;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function translator<K extends string>(catalog: Catalog<K>, language: Language): Translate<K> {
  const table = catalog[language] ?? catalog.en;
  return (key, params) => {
    const text = table[key] ?? catalog.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  };
}

/** The browser's UI language as one of ours (default for new settings). */
export function browserLanguage(uiLanguage: string | undefined): Language {
  return uiLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
