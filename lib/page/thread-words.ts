/** The words the preview uses for Desk's thread channels (Desk sends them in capitals). */
import type { PanelKey } from '../shared/i18n/panel';

const CHANNELS: Record<string, PanelKey> = {
  EMAIL: 'channelEmail',
  PHONE: 'channelPhone',
  WEB: 'channelWeb',
  CUSTOMERPORTAL: 'channelPortal',
  ONLINE_CHAT: 'channelChat',
  OFFLINE_CHAT: 'channelChat',
  CHAT: 'channelChat',
  FORUMS: 'channelForums',
  FACEBOOK: 'channelFacebook',
  TWITTER: 'channelTwitter',
  TWITTER_DM: 'channelTwitter',
  FEEDBACK: 'channelFeedback',
  FEEDBACK_WIDGET: 'channelFeedback',
};

/** The catalog key for a channel Desk names, or null for one DeskLink does not know (shown as sent). */
export function channelKey(channel: string): PanelKey | null {
  return CHANNELS[channel.trim().toUpperCase()] ?? null;
}
