/**
 * Every string the tickets panel on CRM pages shows, English and Japanese. The English names
 * `Zoho Desk tickets`, `All`, `Open`, `On hold`, `Closed`, `Refresh`, `Show more`, `No tickets`,
 * `Set up Zoho Desk integration` and `Sign in again` are contracts (design.md): keep them.
 * Error sentences come from lib/shared/i18n/errors.ts.
 */
import type { Language } from '../protocol';
import { defineCatalog, translator } from './index';

const en = {
  region: 'Zoho Desk tickets',
  tabList: 'Ticket status',
  tabAll: 'All',
  tabOpen: 'Open',
  tabOnHold: 'On hold',
  tabClosed: 'Closed',
  tableCaption: '{tab} tickets',
  colNumber: 'Ticket',
  colSubject: 'Subject',
  colStatus: 'Status',
  colPriority: 'Priority',
  colDue: 'Due date',
  colModified: 'Last modified',
  colAssignee: 'Assignee',
  ticketNumber: '#{number}',
  noValue: '—',
  noSubject: '(no subject)',
  unknownStatus: 'Unknown status',
  timeCreated: 'Created',
  overdue: 'Overdue',
  showMore: 'Show more',
  shownOf: 'Showing {shown} of {total}',
  refresh: 'Refresh',
  refreshing: 'Checking Zoho Desk for changes…',
  updated: 'Updated {age}',
  neverUpdated: 'Not fetched from Zoho Desk yet',
  loading: 'Loading tickets…',
  noTickets: 'No tickets',
  noTicketsInTab: 'No tickets with this status',
  truncated: 'Showing the first 1,000 tickets (Zoho Desk’s search limit); see the rest in Zoho Desk.',
  staleOffline: 'Zoho Desk could not be reached, so these are the tickets saved {age}. {reason}',
  noEmail: 'This record has no email address, so DeskLink cannot look up its tickets. Add an email to the record to see them.',
  noAccountName: 'This account has no name on the page, so DeskLink cannot look up its tickets.',
  unconfigured: 'Zoho Desk is not connected to DeskLink yet. An admin connects it once on the options page.',
  setUp: 'Set up Zoho Desk integration',
  rejected:
    'Zoho rejected the saved key or organisation credential (invalid, or its refresh token revoked). An admin must enter a valid one on the DeskLink options page.',
  signedOut: 'Your Zoho sign-in has expired and could not be renewed. Sign in again to see tickets.',
  signInAgain: 'Sign in again',
  dataCentreMismatch:
    'This CRM page is on {page}, but DeskLink is connected to {configured}: tickets may be missing. An admin can change the data center on the options page.',
};

const ja: Record<keyof typeof en, string> = {
  region: 'Zoho Desk のチケット',
  tabList: 'チケットのステータス',
  tabAll: 'すべて',
  tabOpen: 'オープン',
  tabOnHold: '保留中',
  tabClosed: 'クローズ',
  tableCaption: '{tab}のチケット',
  colNumber: 'チケット',
  colSubject: '件名',
  colStatus: 'ステータス',
  colPriority: '優先度',
  colDue: '期限',
  colModified: '最終更新',
  colAssignee: '担当者',
  ticketNumber: '#{number}',
  noValue: '—',
  noSubject: '（件名なし）',
  unknownStatus: '不明なステータス',
  timeCreated: '作成',
  overdue: '期限切れ',
  showMore: 'さらに表示',
  shownOf: '{total} 件中 {shown} 件を表示',
  refresh: '更新',
  refreshing: 'Zoho Desk の変更を確認しています…',
  updated: '{age}に更新',
  neverUpdated: 'まだ Zoho Desk から取得していません',
  loading: 'チケットを読み込んでいます…',
  noTickets: 'チケットはありません',
  noTicketsInTab: 'このステータスのチケットはありません',
  truncated: '最初の 1,000 件を表示しています (Zoho Desk の検索の上限)。残りは Zoho Desk で確認してください。',
  staleOffline: 'Zoho Desk に接続できなかったため、{age}に保存したチケットを表示しています。{reason}',
  noEmail: 'このレコードにはメールアドレスがないため、チケットを検索できません。表示するにはレコードにメールアドレスを追加してください。',
  noAccountName: 'このページに取引先名がないため、チケットを検索できません。',
  unconfigured: 'Zoho Desk はまだ DeskLink に接続されていません。管理者がオプションページで一度接続してください。',
  setUp: 'Zoho Desk 連携を設定',
  rejected:
    'Zoho が保存済みのキーまたは組織の資格情報を拒否しました（無効、またはリフレッシュトークンが取り消されています）。管理者が DeskLink のオプションページで有効なものを入力してください。',
  signedOut: 'Zoho のサインインが期限切れになり、更新できませんでした。チケットを表示するには再度サインインしてください。',
  signInAgain: '再度サインイン',
  dataCentreMismatch:
    'この CRM ページは {page} ですが、DeskLink は {configured} に接続されています。チケットが表示されない場合があります。管理者はオプションページでデータセンターを変更できます。',
};

const panelCatalog = defineCatalog({ en, ja });
export type PanelKey = keyof typeof en;

export function panelText(language: Language) {
  return translator(panelCatalog, language);
}
