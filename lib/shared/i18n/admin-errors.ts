/**
 * Messages for error codes only the options page meets (setup checks, sign-in, policy locks),
 * in English and Japanese. Kept apart from lib/shared/i18n/errors.ts so the CRM content script does
 * not ship them. `adminErrorMessage` covers every code.
 */
import type { ErrorCode, ErrorInfo } from '../errors';
import type { Language } from '../protocol';
import { errorMessage, type ErrorMessageKey } from './errors';
import { defineCatalog, translator } from './index';

const en = {
  OAUTH_DENIED:
    'Zoho sign-in was denied or its window was closed. Press Sign in with Zoho again and choose Accept. If Zoho showed an error page, check the Client ID and the redirect URI registered for it.',
  OAUTH_CLIENT_INVALID:
    'Zoho does not accept this Client ID with this browser’s redirect URI. Check the Client ID, and register the redirect URI shown here in Zoho’s API console.',
  OAUTH_FAILED:
    'Signing in with Zoho did not complete. Check your connection, the Client ID, and that the redirect URI shown here is registered for it in Zoho’s API console; then press Sign in with Zoho again.',
  GRANT_CODE_INVALID:
    'Zoho refused the grant code: a code works once and only for the minutes chosen when it was generated. Generate a new code for the Self Client in Zoho’s API console and enter it with the same Client ID and secret.',
  NO_PORTALS: 'This key reaches no Zoho Desk portal. Check the data center, or use a key of a Zoho Desk agent.',
  PORTAL_NOT_FOUND: 'The chosen portal is not available with this key. Choose a portal from the list again.',
  EMAIL_MISMATCH: 'The key belongs to a different user than the email entered. Enter the email of the user who generated the key.',
  INVALID_INPUT: 'Some entries are missing or invalid. Correct the highlighted fields and try again.',
  POLICY_LOCKED: 'This setting is managed by your organization and cannot be changed here.',
};

const ja: Record<keyof typeof en, string> = {
  OAUTH_DENIED:
    'Zoho へのサインインが拒否されたか、ウィンドウが閉じられました。もう一度「Zoho でサインイン」を押して「承認」を選んでください。Zoho がエラーページを表示した場合は、クライアント ID と登録済みのリダイレクト URI を確認してください。',
  OAUTH_CLIENT_INVALID:
    'Zoho はこのクライアント ID をこのブラウザーのリダイレクト URI では受け付けません。クライアント ID を確認し、ここに表示されたリダイレクト URI を Zoho の API コンソールに登録してください。',
  OAUTH_FAILED:
    'Zoho へのサインインを完了できませんでした。接続、クライアント ID、およびここに表示されたリダイレクト URI が Zoho の API コンソールに登録されていることを確認してから、もう一度「Zoho でサインイン」を押してください。',
  GRANT_CODE_INVALID:
    'Zoho が認可コードを拒否しました。コードは 1 回だけ、生成時に選んだ時間内にのみ使えます。Zoho の API コンソールでセルフクライアントの新しいコードを生成し、同じクライアント ID とシークレットと一緒に入力してください。',
  NO_PORTALS: 'このキーで利用できる Zoho Desk ポータルがありません。データセンターを確認するか、Zoho Desk 担当者のキーを使用してください。',
  PORTAL_NOT_FOUND: '選択したポータルはこのキーでは利用できません。一覧からポータルを選び直してください。',
  EMAIL_MISMATCH: 'キーは入力されたメールアドレスとは別のユーザーのものです。キーを生成したユーザーのメールアドレスを入力してください。',
  INVALID_INPUT: '未入力または無効な項目があります。表示された項目を修正して、もう一度お試しください。',
  POLICY_LOCKED: 'この設定は組織によって管理されているため、ここでは変更できません。',
};

const adminErrorCatalog = defineCatalog({ en, ja });
type AdminErrorKey = keyof typeof en;

// Compile-time guard: every ErrorCode has a message here or in lib/shared/i18n/errors.ts.
type MissingCodes = Exclude<ErrorCode, ErrorMessageKey | AdminErrorKey>;
const everyCodeHasAMessage: [MissingCodes] extends [never] ? true : MissingCodes = true;
void everyCodeHasAMessage;

/** The message for the admin: the options page's own codes, else the shared ones. */
export function adminErrorMessage(info: ErrorInfo, language: Language): string {
  if (Object.hasOwn(en, info.code)) return translator(adminErrorCatalog, language)(info.code as AdminErrorKey);
  return errorMessage(info, language);
}
