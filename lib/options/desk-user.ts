/**
 * Who the connection acts as, in words for the connected view: the Desk user's name, email and
 * role ("Rei Sato (rei@zylker.com), Light agent"), as far as myinfo named them.
 */
import type { OptionsTranslate } from '../shared/i18n/options';
import type { SettingsView } from '../shared/protocol';

/** myinfo's rolePermissionType in words; a value Zoho's files do not list is shown as sent. */
function roleWords(role: string, t: OptionsTranslate): string {
  if (role === 'Admin') return t('roleAdmin');
  if (role === 'Light') return t('roleLight');
  if (role === 'Custom') return t('roleCustom');
  if (/^Agent/.test(role)) return t('roleAgent');
  return role;
}

export function deskUserWords(view: Pick<SettingsView, 'email' | 'agent'>, t: OptionsTranslate): string {
  const email = view.email ?? '';
  const name = view.agent?.name;
  // The brackets and comma are the language's own (full-width in Japanese).
  const who = name && email ? t('userWithEmail', { name, email }) : name || email;
  const role = view.agent?.role;
  return role ? t('userWithRole', { who, role: roleWords(role, t) }) : who;
}
