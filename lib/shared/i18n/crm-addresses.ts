/** The options page's words for company CRM addresses, English and Japanese. */
import type { CrmAddressProblem } from '../crm-address';
import type { Language } from '../protocol';
import { defineCatalog, translator, type Translate } from './index';

const catalog = defineCatalog({
  en: {
    heading: 'Company CRM addresses',
    intro:
      'If your company opens Zoho CRM at its own address, add it here. DeskLink asks this browser for that address only, and shows the tickets panel on its record pages for your {region} data center.',
    address: 'CRM address',
    addressHint: 'For example https://crm.example.co.jp: https and the host name, no path.',
    add: 'Add address',
    none: 'No company address added. DeskLink shows the panel on Zoho’s own CRM addresses only.',
    remove: 'Remove {host}',
    allow: 'Allow access to {host}',
    active: 'The panel shows on this address.',
    notGranted:
      'Access not allowed: this browser has not given DeskLink this address, so the panel does not show there. Select Allow access.',
    notConnected: 'The panel shows here once Zoho Desk is connected.',
    fromPolicy: 'Set by your organization’s policy. The browser still asks once for access: policy cannot allow it silently.',
    added: 'Added {host}.',
    removed: 'Removed {host}. DeskLink no longer runs there.',
    denied: 'The browser did not allow access to {host}. The address is kept: select Allow access to ask again.',
    allowed: 'Access to {host} allowed.',
    empty: 'Enter the address your company opens Zoho CRM at.',
    notUrl: 'Enter the whole address, starting with https://, for example https://crm.example.co.jp.',
    notHttps: 'The address must start with https://.',
    hasPath: 'Enter the address without a path, query or #: only https:// and the host name.',
    hasPort: 'Enter the address without a port number.',
    notHostName: 'That is not a host name. Enter something like https://crm.example.co.jp.',
    zohoHost: 'That is one of Zoho’s own CRM addresses: DeskLink already shows the panel there.',
    tooMany: 'At most 20 addresses can be added. Remove one first.',
  },
  ja: {
    heading: '自社の CRM アドレス',
    intro:
      '自社のアドレスで Zoho CRM を開いている場合は、ここに追加してください。DeskLink はこのブラウザーにそのアドレスだけの許可を求め、{region} データセンターのレコードページに問い合わせパネルを表示します。',
    address: 'CRM のアドレス',
    addressHint: '例: https://crm.example.co.jp（https とホスト名のみ。パスは不要）',
    add: 'アドレスを追加',
    none: '自社のアドレスは追加されていません。パネルは Zoho の CRM アドレスにのみ表示されます。',
    remove: '{host} を削除',
    allow: '{host} へのアクセスを許可',
    active: 'このアドレスにパネルを表示します。',
    notGranted:
      'アクセスが許可されていません。このブラウザーが DeskLink にこのアドレスを許可していないため、パネルは表示されません。「アクセスを許可」を選んでください。',
    notConnected: 'Zoho Desk に接続すると、ここにパネルが表示されます。',
    fromPolicy: '組織のポリシーで設定されています。ポリシーでは黙って許可できないため、ブラウザーが一度アクセスの許可を求めます。',
    added: '{host} を追加しました。',
    removed: '{host} を削除しました。DeskLink はこのアドレスでは動作しません。',
    denied: 'ブラウザーが {host} へのアクセスを許可しませんでした。アドレスは残してあります。「アクセスを許可」を選ぶと再度確認できます。',
    allowed: '{host} へのアクセスを許可しました。',
    empty: '自社で Zoho CRM を開いているアドレスを入力してください。',
    notUrl: 'https:// から始まるアドレス全体を入力してください（例: https://crm.example.co.jp）。',
    notHttps: 'アドレスは https:// で始まる必要があります。',
    hasPath: 'パス、クエリ、# を付けずに、https:// とホスト名のみを入力してください。',
    hasPort: 'ポート番号を付けずに入力してください。',
    notHostName: 'ホスト名ではありません。https://crm.example.co.jp のように入力してください。',
    zohoHost: 'Zoho の CRM アドレスです。DeskLink はすでにそこでパネルを表示しています。',
    tooMany: '追加できるアドレスは 20 件までです。先にどれかを削除してください。',
  },
});

type CrmAddressesKey = keyof typeof catalog.en;
type CrmAddressesTranslate = Translate<CrmAddressesKey>;

export function crmAddressesTranslator(language: Language): CrmAddressesTranslate {
  return translator(catalog, language);
}

/** The sentence for a refused address (`tooMany` comes from the broker alone). */
export function crmAddressProblemWords(problem: CrmAddressProblem | 'tooMany', t: CrmAddressesTranslate): string {
  return t(problem);
}
