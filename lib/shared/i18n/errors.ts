/**
 * One actionable sentence per error code a CRM page can show (lib/shared/errors.ts), in English and
 * Japanese: what happened and what the reader can do. Codes only the options page meets
 * (sign-in, setup checks) live in lib/shared/i18n/admin-errors.ts, so CRM pages do not carry them.
 * Variants with values (`{seconds}`, `{hours}`, `{minutes}`, `{scopes}`, `{status}`) are picked by
 * `errorMessage` when the error carries them. Zoho's own text (`detail`) is never shown
 * here: it is untrusted and stays in diagnostics.
 */
import type { ErrorInfo } from '../errors';
import type { Language } from '../protocol';
import { defineCatalog, translator } from './index';

const en = {
  // ---- Zoho Desk errorCodes ----
  BAD_REQUEST: 'Zoho Desk could not process the request. Try again; if it keeps happening, report it to your admin.',
  UNAUTHORIZED: 'Zoho Desk did not accept the saved key. An admin must check the key on the DeskLink options page.',
  INVALID_OAUTH:
    'Zoho Desk rejected the saved key (invalid, expired or from another data center). An admin must enter a valid key on the DeskLink options page.',
  SCOPE_MISMATCH:
    'The saved key or sign-in lacks a scope Zoho Desk asks for here. An admin must create a key with the scopes DeskLink needs, or sign in with Zoho again.',
  SCOPE_MISMATCH_SCOPES:
    'The saved key or sign-in lacks a scope Zoho Desk asks for here: {scopes}. An admin must add it: create a key with it, or sign in with Zoho again.',
  OAUTH_ORG_MISMATCH:
    'The saved key or sign-in belongs to another Zoho Desk portal than the one chosen. An admin must choose that portal, or enter a key (or sign in) for this one.',
  FORBIDDEN: 'Your Zoho Desk account may not see these tickets. Ask your Zoho Desk admin for access.',
  LICENSE_ACCESS_LIMITED:
    'The Zoho user of the saved key or sign-in has no agent licence in this Zoho Desk portal. Reading tickets needs a Zoho Desk agent or light agent licence: ask your Zoho Desk admin.',
  URL_NOT_FOUND: 'Zoho Desk could not find this item; it may have been deleted or moved.',
  METHOD_NOT_ALLOWED: 'Zoho Desk refused this kind of request. Update DeskLink; if that does not help, report it.',
  RESOURCE_SIZE_EXCEEDED: 'The request was too large for Zoho Desk. Report this to your admin.',
  UNSUPPORTED_MEDIA_TYPE: 'Zoho Desk refused the request format. Update DeskLink; if that does not help, report it.',
  INVALID_DATA: 'Zoho Desk found invalid data in the request. Check the record’s emails or name and try again.',
  EMPTY_PAYLOAD: 'Zoho Desk expected data that was missing. Try again; if it keeps happening, report it.',
  UNPROCESSABLE_ENTITY: 'Zoho Desk could not use the search values. Check the record’s emails or name and try again.',
  ONLY_LIVECHAT_USER: 'This Zoho Desk user is a live-chat-only user and cannot read tickets. An admin must use a key of a full agent.',
  DUPLICATE_CONTRACT: 'Zoho Desk reported a duplicate contract. Ask your Zoho Desk admin to check the contracts.',
  INTEGRATION_ADMIN_ERROR: 'Zoho Desk reported an integration setup problem. Ask your Zoho Desk admin to check its integrations.',
  THRESHOLD_EXCEEDED:
    'This Zoho Desk portal has used up its API credits for today. DeskLink makes no Desk calls until Zoho renews them at midnight Pacific Time; cached tickets are shown when available.',
  THRESHOLD_EXCEEDED_HOURS:
    'This Zoho Desk portal has used up its API credits for today. DeskLink makes no Desk calls until Zoho renews them, in about {hours} h; cached tickets are shown when available.',
  THRESHOLD_EXCEEDED_MINUTES:
    'This Zoho Desk portal has reached its API limit. DeskLink makes no Desk calls until Zoho allows them again, in about {minutes} min; cached tickets are shown when available.',
  TOO_MANY_REQUESTS: 'Zoho Desk is receiving too many requests right now. Try again in a moment.',
  TOO_MANY_REQUESTS_WAIT: 'Zoho Desk is receiving too many requests right now. Try again in {seconds} seconds.',
  INTERNAL_SERVER_ERROR: 'Zoho Desk had an internal error. Try again in a few minutes.',
  // ---- Detected by DeskLink ----
  HTTP_ERROR: 'Zoho Desk answered with an unexpected error. Try again later.',
  HTTP_ERROR_STATUS: 'Zoho Desk answered with an unexpected error (HTTP {status}). Try again later.',
  NETWORK: 'Zoho Desk could not be reached. Check your connection; cached tickets are shown when available.',
  TIMEOUT: 'Zoho Desk did not answer in time. Try again; cached tickets are shown when available.',
  MALFORMED_JSON: 'Zoho Desk sent an answer DeskLink cannot read. Try again later.',
  TRUNCATED_BODY: 'The answer from Zoho Desk was cut off. Check your connection and try again.',
  SCHEMA_VIOLATION:
    'Zoho Desk sent data in an unexpected form. Try again later; if it persists, an admin can see details in DeskLink diagnostics.',
  CREDENTIAL_REJECTED: 'Zoho Desk rejected the saved key. An admin must enter a valid key on the DeskLink options page.',
  ORG_CREDENTIAL_REVOKED:
    'Zoho refused the organisation credential: its refresh token was revoked or is invalid, or the client ID or secret is wrong. An admin must generate a new grant code for the Self Client in Zoho’s API console and enter it on the DeskLink options page.',
  ACCOUNTS_LIMITED:
    'Zoho Accounts asked DeskLink to wait before it gets a new access token (too many token requests). Tickets load again in a minute or two; cached tickets are shown when available.',
  ACCOUNTS_LIMITED_WAIT:
    'Zoho Accounts asked DeskLink to wait before it gets a new access token (too many token requests). Tickets load again in {seconds} seconds; cached tickets are shown when available.',
  ACCOUNTS_UNAVAILABLE:
    'Zoho Accounts could not be reached to renew DeskLink’s access. Check your connection; DeskLink tries again in a minute, and cached tickets are shown when available.',
  SIGNED_OUT: 'Your Zoho sign-in has expired. Sign in again to see tickets.',
  NOT_CONFIGURED: 'DeskLink is not set up yet. An admin must connect Zoho Desk on the DeskLink options page.',
  DISABLED: 'The Zoho Desk integration is switched off. An admin can enable it on the DeskLink options page.',
  BAD_MESSAGE: 'DeskLink received a request it cannot understand. Reload the page; if it persists, update DeskLink.',
  UNKNOWN_COMMAND: 'DeskLink received an unknown request. Reload the page; if it persists, update DeskLink.',
  FORBIDDEN_SENDER: 'This page is not allowed to make that request to DeskLink.',
  CALL_LIMIT_REACHED:
    'DeskLink paused its Zoho Desk requests: this browser reached its limit of requests a minute. Tickets load again in a minute.',
  CALL_LIMIT_REACHED_WAIT:
    'DeskLink paused its Zoho Desk requests: this browser reached its limit of requests a minute. Tickets load again in {seconds} seconds.',
  ABORTED: 'The request was cancelled.',
  INTERNAL: 'Something went wrong inside DeskLink. Reload the page and try again.',
};

const ja: Record<keyof typeof en, string> = {
  BAD_REQUEST: 'Zoho Desk がリクエストを処理できませんでした。もう一度お試しください。繰り返し発生する場合は管理者に報告してください。',
  UNAUTHORIZED: 'Zoho Desk が保存されたキーを受け付けませんでした。管理者が DeskLink のオプションページでキーを確認してください。',
  INVALID_OAUTH:
    'Zoho Desk が保存されたキーを拒否しました（無効、期限切れ、または別のデータセンターのキーです）。管理者が DeskLink のオプションページで有効なキーを入力してください。',
  SCOPE_MISMATCH:
    '保存されたキーまたはサインインには、Zoho Desk がここで求めるスコープがありません。管理者が DeskLink に必要なスコープを持つキーを作成するか、Zoho で再度サインインしてください。',
  SCOPE_MISMATCH_SCOPES:
    '保存されたキーまたはサインインには、Zoho Desk がここで求めるスコープ（{scopes}）がありません。管理者がこのスコープを追加してください（このスコープを含むキーを作成するか、Zoho で再度サインインしてください）。',
  OAUTH_ORG_MISMATCH:
    '保存されたキーまたはサインインは、選択したものとは別の Zoho Desk ポータルのものです。管理者がそのポータルを選ぶか、このポータル用のキーを入力（またはサインイン）してください。',
  FORBIDDEN:
    'お使いの Zoho Desk アカウントにはこれらの問い合わせを表示する権限がありません。Zoho Desk の管理者にアクセス権を依頼してください。',
  LICENSE_ACCESS_LIMITED:
    '保存されたキーまたはサインインの Zoho ユーザーには、この Zoho Desk ポータルの担当者ライセンスがありません。問い合わせを読み取るには Zoho Desk の担当者またはライト担当者のライセンスが必要です。Zoho Desk の管理者にご相談ください。',
  URL_NOT_FOUND: 'Zoho Desk で対象が見つかりませんでした。削除または移動された可能性があります。',
  METHOD_NOT_ALLOWED: 'Zoho Desk がこの種類のリクエストを拒否しました。DeskLink を更新し、解決しない場合は報告してください。',
  RESOURCE_SIZE_EXCEEDED: 'リクエストが Zoho Desk の上限を超えています。管理者に報告してください。',
  UNSUPPORTED_MEDIA_TYPE: 'Zoho Desk がリクエストの形式を拒否しました。DeskLink を更新し、解決しない場合は報告してください。',
  INVALID_DATA: 'Zoho Desk がリクエスト内の無効なデータを検出しました。レコードのメールアドレスや名前を確認して、もう一度お試しください。',
  EMPTY_PAYLOAD: 'Zoho Desk に必要なデータが含まれていませんでした。もう一度お試しください。繰り返し発生する場合は報告してください。',
  UNPROCESSABLE_ENTITY: 'Zoho Desk が検索条件を処理できませんでした。レコードのメールアドレスや名前を確認して、もう一度お試しください。',
  ONLY_LIVECHAT_USER:
    'この Zoho Desk ユーザーはライブチャット専用のため、問い合わせを読み取れません。管理者が通常の担当者のキーを使用してください。',
  DUPLICATE_CONTRACT: 'Zoho Desk で契約の重複が報告されました。Zoho Desk の管理者に契約の確認を依頼してください。',
  INTEGRATION_ADMIN_ERROR: 'Zoho Desk で連携設定の問題が報告されました。Zoho Desk の管理者に連携設定の確認を依頼してください。',
  THRESHOLD_EXCEEDED:
    'この Zoho Desk ポータルは本日の API クレジットを使い切りました。太平洋時間の午前 0 時に Zoho がクレジットを戻すまで、DeskLink は Zoho Desk を呼び出しません。キャッシュされた問い合わせがあれば表示されます。',
  THRESHOLD_EXCEEDED_HOURS:
    'この Zoho Desk ポータルは本日の API クレジットを使い切りました。Zoho がクレジットを戻すまで（約 {hours} 時間後）、DeskLink は Zoho Desk を呼び出しません。キャッシュされた問い合わせがあれば表示されます。',
  THRESHOLD_EXCEEDED_MINUTES:
    'この Zoho Desk ポータルは API の利用上限に達しました。Zoho が再び許可するまで（約 {minutes} 分後）、DeskLink は Zoho Desk を呼び出しません。キャッシュされた問い合わせがあれば表示されます。',
  TOO_MANY_REQUESTS: '現在 Zoho Desk へのリクエストが集中しています。少し待ってからもう一度お試しください。',
  TOO_MANY_REQUESTS_WAIT: '現在 Zoho Desk へのリクエストが集中しています。{seconds} 秒後にもう一度お試しください。',
  INTERNAL_SERVER_ERROR: 'Zoho Desk で内部エラーが発生しました。数分後にもう一度お試しください。',
  HTTP_ERROR: 'Zoho Desk から予期しないエラーが返されました。しばらくしてからもう一度お試しください。',
  HTTP_ERROR_STATUS: 'Zoho Desk から予期しないエラー（HTTP {status}）が返されました。しばらくしてからもう一度お試しください。',
  NETWORK: 'Zoho Desk に接続できませんでした。接続を確認してください。キャッシュされた問い合わせがあれば表示されます。',
  TIMEOUT: 'Zoho Desk から時間内に応答がありませんでした。もう一度お試しください。キャッシュされた問い合わせがあれば表示されます。',
  MALFORMED_JSON: 'Zoho Desk から DeskLink が読み取れない応答が返されました。しばらくしてからもう一度お試しください。',
  TRUNCATED_BODY: 'Zoho Desk からの応答が途中で切れました。接続を確認して、もう一度お試しください。',
  SCHEMA_VIOLATION:
    'Zoho Desk から想定外の形式のデータが返されました。しばらくしてからもう一度お試しください。解決しない場合、管理者は DeskLink の診断情報で詳細を確認できます。',
  CREDENTIAL_REJECTED: 'Zoho Desk が保存されたキーを拒否しました。管理者が DeskLink のオプションページで有効なキーを入力してください。',
  ORG_CREDENTIAL_REVOKED:
    'Zoho が組織の資格情報を拒否しました（リフレッシュトークンが取り消されたか無効、またはクライアント ID かシークレットが誤っています）。管理者が Zoho の API コンソールでセルフクライアントの新しい認可コードを生成し、DeskLink のオプションページで入力してください。',
  ACCOUNTS_LIMITED:
    'Zoho Accounts から、新しいアクセストークンの取得を待つよう求められました（トークンのリクエストが多すぎます）。1〜2 分後に問い合わせが再び読み込まれます。キャッシュされた問い合わせがあれば表示されます。',
  ACCOUNTS_LIMITED_WAIT:
    'Zoho Accounts から、新しいアクセストークンの取得を待つよう求められました（トークンのリクエストが多すぎます）。{seconds} 秒後に問い合わせが再び読み込まれます。キャッシュされた問い合わせがあれば表示されます。',
  ACCOUNTS_UNAVAILABLE:
    'DeskLink のアクセスを更新するための Zoho Accounts に接続できませんでした。接続を確認してください。DeskLink は 1 分後に再試行します。キャッシュされた問い合わせがあれば表示されます。',
  SIGNED_OUT: 'Zoho へのサインインの有効期限が切れました。問い合わせを表示するには再度サインインしてください。',
  NOT_CONFIGURED: 'DeskLink はまだ設定されていません。管理者が DeskLink のオプションページで Zoho Desk に接続してください。',
  DISABLED: 'Zoho Desk 連携は無効になっています。管理者が DeskLink のオプションページで有効にできます。',
  BAD_MESSAGE: 'DeskLink が解釈できないリクエストを受け取りました。ページを再読み込みし、解決しない場合は DeskLink を更新してください。',
  UNKNOWN_COMMAND: 'DeskLink が不明なリクエストを受け取りました。ページを再読み込みし、解決しない場合は DeskLink を更新してください。',
  FORBIDDEN_SENDER: 'このページからは DeskLink にそのリクエストを送信できません。',
  CALL_LIMIT_REACHED:
    'このブラウザーが 1 分あたりの Zoho Desk へのリクエスト数の上限に達したため、DeskLink はリクエストを一時停止しました。1 分後に問い合わせが再び読み込まれます。',
  CALL_LIMIT_REACHED_WAIT:
    'このブラウザーが 1 分あたりの Zoho Desk へのリクエスト数の上限に達したため、DeskLink はリクエストを一時停止しました。{seconds} 秒後に問い合わせが再び読み込まれます。',
  ABORTED: 'リクエストはキャンセルされました。',
  INTERNAL: 'DeskLink 内部でエラーが発生しました。ページを再読み込みして、もう一度お試しください。',
};

const errorCatalog = defineCatalog({ en, ja });
export type ErrorMessageKey = keyof typeof en;

/**
 * The message for a person: the variant with the error's values when it carries them (seconds
 * to wait, the time until the day's credits return, the scopes to add, the HTTP status).
 */
export function errorMessage(info: ErrorInfo, language: Language): string {
  const t = translator(errorCatalog, language);
  const code = Object.hasOwn(en, info.code) ? (info.code as ErrorMessageKey) : 'INTERNAL';
  if (code === 'CALL_LIMIT_REACHED' && info.retryAfterSec !== undefined)
    return t('CALL_LIMIT_REACHED_WAIT', { seconds: info.retryAfterSec });
  if (code === 'ACCOUNTS_LIMITED' && info.retryAfterSec !== undefined) return t('ACCOUNTS_LIMITED_WAIT', { seconds: info.retryAfterSec });
  if (code === 'TOO_MANY_REQUESTS' && info.retryAfterSec !== undefined) return t('TOO_MANY_REQUESTS_WAIT', { seconds: info.retryAfterSec });
  if (code === 'THRESHOLD_EXCEEDED' && info.retryAfterSec !== undefined) {
    const minutes = Math.max(1, Math.ceil(info.retryAfterSec / 60));
    return minutes < 90 ? t('THRESHOLD_EXCEEDED_MINUTES', { minutes }) : t('THRESHOLD_EXCEEDED_HOURS', { hours: Math.round(minutes / 60) });
  }
  if (code === 'SCOPE_MISMATCH' && info.scopes?.length) return t('SCOPE_MISMATCH_SCOPES', { scopes: info.scopes.join(', ') });
  if (code === 'HTTP_ERROR' && info.status !== undefined) return t('HTTP_ERROR_STATUS', { status: info.status });
  return t(code);
}
