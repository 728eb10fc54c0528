/** A moment (epoch ms) as the admin reads it: their language, the configured time zone (UTC when that is not one). */
import type { Language } from '../shared/protocol';
import { isTimeZone } from '../shared/time-zones';

export function formatAdminTime(at: number, language: Language, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : 'UTC',
  }).format(at);
}
