/**
 * The options page's words, English and Japanese. Labels marked "contract" are names users and
 * tests rely on (design.md, Contracts): change them only together with the design.
 */
import { DATA_CENTRES, type DataCentreId } from '../data-centres';
import type { ErrorInfo } from '../errors';
import type { Language } from '../protocol';
import { adminErrorMessage } from './admin-errors';
import { defineCatalog, translator, type Translate } from './index';

const en = {
  pageTitle: 'DeskLink settings',
  intro: 'Shows each customer’s Zoho Desk tickets on their Zoho CRM Lead, Contact and Account pages.',
  setupHeading: 'Connect Zoho Desk',
  portalHeading: 'Choose the portal',
  // ---- contract labels ----
  dataCenter: 'Data center',
  zscKey: 'ZSC key',
  email: 'Email',
  next: 'Next',
  portal: 'Portal',
  language: 'Language',
  timeZone: 'Time zone',
  save: 'Save',
  enable: 'Enable Zoho Desk integration',
  changePortal: 'Change portal',
  deactivate: 'Deactivate',
  // ----
  keyHint: 'The key is checked with Zoho when you press Next and stays in this browser only.',
  emailHint: 'The email address of the Zoho Desk user the key belongs to. It need not be a Zoho CRM user.',
  // ---- Sign in with Zoho (OAuth); `Client ID` and `Sign in with Zoho` are contract labels ----
  clientId: 'Client ID',
  signInWithZoho: 'Sign in with Zoho',
  // ---- the radio group `How to connect` and its options (contract) ----
  howToConnect: 'How to connect',
  wayOauth: 'Sign in with Zoho',
  wayOrg: 'Organisation credential',
  wayZsc: 'ZSC key',
  // ----
  oauthWhen: 'Recommended. Each sales rep signs in as themselves. Use it when every rep has a Zoho Desk agent or light-agent licence.',
  featuresLegend: 'What DeskLink may do',
  featureReadCrm: 'Read the record’s name and emails from Zoho CRM',
  featureReadCrmHint: 'Asks for the Zoho CRM read scopes of Leads, Contacts, Accounts and Deals.',
  featureCreate: 'Create tickets from CRM records',
  featureCreateHint: 'Asks for Desk.tickets.CREATE. Turn it off to keep DeskLink read-only.',
  oauthHint:
    'Register a Client-based app in Zoho’s API console (api-console.zoho.com) with the redirect URI below as its Authorized Redirect URI and JavaScript Domain, and enter its Client ID here.',
  redirectUri: 'Redirect URI to register for this browser',
  multiDc: 'Multi-DC client (sign in at accounts.zoho.com; Zoho tells DeskLink your data center)',
  clientIdRequired: 'Enter the Client ID of your Client-based app from Zoho’s API console.',
  signedInAs: 'Signed in to Zoho as {email}.',
  signedOutOptions: 'The Zoho sign-in has expired and could not be renewed. Press Sign in with Zoho to sign in again.',
  oauthOtherDataCenter:
    'You signed in to Zoho in the {region} data center. Choose “{region}” under Data center (or tick Multi-DC client) and sign in again.',
  // ---- the organisation credential (an admin's Self Client) ----
  orgWhen:
    'One admin’s Self Client serves the whole team. Use it when the reps have no Zoho Desk licence of their own, or to deploy DeskLink to every rep by policy.',
  orgHint:
    'In Zoho’s API console (api-console.zoho.com) create a Self Client, generate a code with the Zoho Desk read scopes, and enter its Client ID, Client secret and the code within its minutes. DeskLink exchanges the code for a refresh token and acts as you. A refresh token you already hold works instead of the code.',
  clientSecret: 'Client secret',
  grantCode: 'Grant code',
  refreshToken: 'Refresh token',
  orgScopes: 'Generate the code with these scopes:',
  orgClientIdRequired: 'Enter the Client ID of your Self Client from Zoho’s API console.',
  clientSecretRequired: 'Enter the Client secret of your Self Client.',
  grantOrRefresh: 'Enter either a Grant code or a Refresh token, not both.',
  orgCharacters:
    'The Client ID, Client secret or code contains characters Zoho never uses (spaces or invisible characters). Copy it again from Zoho’s API console.',
  zscWhen:
    'A key and the email of the Zoho Desk user it belongs to. Older Zoho integrations used it (it is generated in Zoho CRM under Setup › Developer Space › ZSC Key); current Zoho Desk accounts may not accept it.',
  keyRejectedOtherWays: 'Current Zoho Desk accounts connect with Sign in with Zoho or an organisation credential.',
  useOtherWay: 'Connect another way',
  connectedAs: 'Acts as (Zoho Desk user)',
  connectedHow: 'Connected with',
  howZsc: 'ZSC key',
  howOauth: 'Sign in with Zoho (each rep as themselves)',
  howOrg: 'Organisation credential (Self Client)',
  // The Desk user's role, from myinfo's rolePermissionType.
  roleAdmin: 'Administrator',
  roleAgent: 'Agent',
  roleLight: 'Light agent',
  roleCustom: 'Custom role',
  connectedScopes: 'Scopes',
  scopesOrg: 'Those its code was generated with (Zoho does not report them to DeskLink)',
  scopesZsc: 'Those of the key (Zoho does not report them to DeskLink)',
  missingCreateTickets:
    'Creating tickets is not allowed: the connection lacks {scopes}. To allow it, deactivate and connect again with “Create tickets from CRM records” ticked.',
  missingReadCrm:
    'Reading records from Zoho CRM is not allowed: the connection lacks {scopes}. DeskLink reads the email from the page instead. To allow it, deactivate and connect again with “Read the record’s name and emails from Zoho CRM” ticked.',
  back: 'Back',
  cancel: 'Cancel',
  working: 'Working…',
  stepOf: 'Step {step} of {total}',
  regionWithCode: '{region} ({code})',
  portalChoice: '{company} ({portal})',
  userWithEmail: '{name} ({email})',
  userWithRole: '{who}, {role}',
  portalChangeNote:
    'The current portal is chosen. Saving another one removes the ticket links cached for the current portal from this browser; Cancel keeps everything as it is.',
  timeZoneHint: 'The panel shows times in this zone. Type the first letters of a place to find it.',
  clock: 'Time format',
  clock12: '12-hour (9:41 PM)',
  clock24: '24-hour (21:41)',
  zoneLabel: '{city} — {name} ({offset})',
  zoneLabelOffset: '{city} ({offset})',
  zoneBrowser: 'This browser’s time zone',
  zoneAfrica: 'Africa',
  zoneAmerica: 'Americas',
  zoneAntarctica: 'Antarctica',
  zoneArctic: 'Arctic',
  zoneAsia: 'Asia',
  zoneAtlantic: 'Atlantic Ocean',
  zoneAustralia: 'Australia',
  zoneEurope: 'Europe',
  zoneIndian: 'Indian Ocean',
  zonePacific: 'Pacific Ocean',
  zoneOther: 'Other',
  nextStepsHeading: 'Next: try it, then tell your reps',
  tryIt: 'Try it in Zoho CRM',
  tryItHint: 'Opens {host} in a new tab. Open a Lead, Contact or Account with an email address: its Zoho Desk tickets show on the page.',
  checklistHeading: 'What each sales rep needs',
  checkInstalled: 'DeskLink installed in their browser: your IT administrator deploys it to everyone by enterprise policy.',
  checkLicence: 'A Zoho Desk agent or light-agent licence, since each rep signs in to Zoho as themselves.',
  checkShared: 'The connection: this browser keeps it; other browsers get the organisation credential by enterprise policy.',
  defaultPortal: '{name} (default)',
  managed: 'Managed by your organization',
  keyManaged: 'The key or organisation credential is provided by your organization.',
  setupLocked:
    'Your organization has locked DeskLink’s settings in this browser: it can only be set up by policy. Ask your IT administrator.',
  connectedHeading: 'Connected to Zoho Desk',
  connectedPortal: 'Portal',
  connectedDataCenter: 'Data center',
  enableHint: 'When off, DeskLink shows nothing on Zoho CRM pages and makes no request to Zoho Desk.',
  rejectedKey:
    'Zoho rejected the saved key or organisation credential (invalid, or its refresh token revoked). Deactivate and set up DeskLink again with a valid one.',
  saved: 'Saved.',
  changePortalTitle: 'Change the portal?',
  changePortalBody:
    'You then choose a portal, starting from {portal}. If you save another one, the ticket links cached for {portal} are removed from this browser. Zoho Desk keeps all its data and the saved key is kept. Cancel on the next screen keeps {portal}.',
  deactivateTitle: 'Deactivate DeskLink?',
  deactivateBody:
    'Deactivating deletes the key (or the Zoho sign-in) and every cached ticket from this browser, with the settings. Zoho CRM pages show a set-up link until DeskLink is set up again. Zoho Desk keeps all its data.',
  // ---- diagnostics ----
  diagnosticsHeading: 'Diagnostics',
  lastError: 'Last Zoho Desk error',
  noError: 'None',
  errorAt: '{code} from {host} at {time}',
  errorAtNoHost: '{code} at {time}',
  cacheSize: 'Cache',
  cacheCounts: '{tickets} tickets for {records} records',
  cacheEmpty: 'Empty',
  cacheUnavailable: 'Not available ({reason}). DeskLink works without it, fetching every time.',
  clearCache: 'Clear cache',
  cacheCleared: 'Cache cleared.',
  testConnection: 'Test connection',
  testOk: 'Connection works: {portal}, signed in as {email}.',
  // ---- enterprise policy values that were ignored ----
  policyNotes: 'Enterprise policy',
  policyIgnored: 'Policy value {key} ignored: expected {expected}',
  expectBoolean: 'true or false',
  expectDataCentre: 'one of {list}',
  expectKey: 'a Zoho key (printable characters, no spaces)',
  expectEmail: 'an email address',
  expectPortalId: 'a portal id (digits only)',
  expectLanguage: 'en or ja',
  expectTimeZone: 'a time zone such as Asia/Tokyo',
  expectCallsPerMinute: 'a whole number from {min} to {max}',
  expectCrmAddresses: 'a list of addresses such as https://crm.example.com (https, no path, not a Zoho host)',
  expectKeyWithEmail: 'zscKey and email set together',
  expectOrgCredentialTogether: 'clientId, clientSecret and refreshToken set together',
  expectOneCredential: 'one credential: the organisation credential (clientId, clientSecret, refreshToken) is used',
  // ---- storage ----
  sessionCredential:
    'This browser does not let DeskLink keep data ({reason}), as in a private window. The key is kept only until the browser closes; enter it again after that. Tickets are fetched from Zoho Desk every time.',
  // ---- Zoho Desk requests (diagnostics) ----
  deskCalls: 'Zoho Desk requests',
  deskCallCounts: '{today} today, {lastMinute} in the last minute (limit {limit} a minute)',
  // ---- where the last record's identity came from (diagnostics) ----
  identitySource: 'Last record’s customer',
  identityFromCrm: 'Read from Zoho CRM’s API ({time})',
  identityFromPage: 'Read from the page ({time}): {reason}',
  identityReason_notSignIn: 'the connection is not a Sign in with Zoho, so DeskLink cannot read Zoho CRM',
  identityReason_noCrmScope: 'the sign-in holds no Zoho CRM read scope for this module',
  identityReason_scope: 'Zoho CRM answered that the token lacks its read scope (OAUTH_SCOPE_MISMATCH)',
  identityReason_permission: 'the Zoho user may not read this module in Zoho CRM (NO_PERMISSION)',
  identityReason_token: 'Zoho CRM did not accept the token',
  identityReason_busy: 'Zoho CRM, or DeskLink’s own limit of Zoho CRM requests, asked to wait',
  identityReason_failed: 'Zoho CRM could not be reached, did not answer in time, or answered something DeskLink cannot read',
  identityReason_noRecord: 'Zoho CRM has no record with this id',
  // ---- guidance (three starting points: new to Desk, a portal admin, not an admin) ----
  guidanceHeading: 'Where do I get a ZSC key?',
  guideNewTitle: 'New to Zoho Desk',
  guideNew:
    'Sign up for Zoho Desk and create a portal, then press Sign in with Zoho above. A ZSC key, if you need one, is generated in Zoho CRM under Setup › Developer Space › ZSC Key; enter it with your email, choose the portal, and save.',
  guideAdminTitle: 'Admin of a Zoho Desk portal',
  guideAdmin:
    'Sign in to Zoho CRM, open Setup › Developer Space › ZSC Key and generate a key. Enter it with the email of your Zoho Desk user here, choose your existing portal, and save. If Zoho Desk rejects it, use Sign in with Zoho or an organisation credential.',
  guideUserTitle: 'Not a Zoho Desk admin',
  guideUser:
    'Ask the admin of your Zoho Desk portal for a ZSC key (generated in Zoho CRM under Setup › Developer Space › ZSC Key) and the email address it belongs to, or for an organisation credential. Enter them here, choose the portal, and save.',
  guideNote:
    'One portal is linked at a time. Changing the portal removes the cached links of the old one from this browser; Zoho Desk keeps its data. The key may belong to a user who is not in Zoho CRM.',
  // ---- errors of the setup form ----
  keyRequired: 'Enter the ZSC key. It is generated in Zoho CRM under Setup › Developer Space › ZSC Key.',
  emailInvalid: 'Enter the email address the key belongs to, like name@example.com.',
  keyCharacters:
    'The key contains characters Zoho keys never have (spaces, invisible or control characters, or non-English letters). Copy it again from Zoho CRM under Setup › Developer Space › ZSC Key.',
  timeZoneInvalid: 'Choose a time zone from the list.',
  wrongDataCenter:
    'This key belongs to the {region} data center ({domain}), not to the one chosen. Choose “{region}” under Data center and press Next again.',
  setupInvalidKey:
    'Zoho Desk rejected this key in the {region} data center ({domain}). Check that you copied the whole key, that it has not been revoked, and that the data center is right.',
  setupScope: 'This key lacks a permission DeskLink needs (reading tickets, contacts and search). Create a new key with these permissions.',
  setupScopeNamed: 'This key lacks a permission DeskLink needs, the scope {scopes}. Create a new key in Zoho Desk that includes it.',
  setupNoPortals:
    'This key reaches no Zoho Desk portal. Create a portal in Zoho Desk first, or ask your Zoho Desk admin for a key of a portal agent.',
  setupNoLicence:
    'This Zoho user belongs to no Zoho Desk portal in this data center. Reading tickets needs a Zoho Desk agent or light-agent licence: ask your Zoho Desk admin to add the user as an agent, or choose the data center where the portal is.',
  setupOrgMismatch: 'This key cannot read the portal “{portal}”. Choose another portal, or ask the admin of “{portal}” for a key.',
  setupEmailMismatch: 'The key belongs to another Zoho Desk user than {email}. Enter the email of the user who created the key.',
  setupNetwork: 'Zoho Desk ({domain}) could not be reached. Check your internet connection and try again.',
  setupTimeout: 'Zoho Desk ({domain}) did not answer in time. Try again in a moment.',
};

const ja: Record<keyof typeof en, string> = {
  pageTitle: 'DeskLink の設定',
  intro: 'Zoho CRM の見込み客・連絡先・取引先のページに、その顧客の Zoho Desk の問い合わせを表示します。',
  setupHeading: 'Zoho Desk に接続',
  portalHeading: 'ポータルの選択',
  dataCenter: 'データセンター',
  zscKey: 'ZSCキー',
  email: 'メールアドレス',
  next: '次へ',
  portal: 'ポータル',
  language: '言語',
  timeZone: 'タイムゾーン',
  save: '保存',
  enable: 'Zoho Desk 連携を有効にする',
  changePortal: 'ポータルを変更',
  deactivate: '接続を解除',
  keyHint: 'キーは「次へ」を押したときに Zoho で確認され、このブラウザー内にのみ保存されます。',
  emailHint: 'キーに関連付けられた Zoho Desk ユーザーのメールアドレスです。Zoho CRM のユーザーでなくてもかまいません。',
  clientId: 'クライアント ID',
  signInWithZoho: 'Zoho でサインイン',
  howToConnect: '接続のしかた',
  wayOauth: 'Zoho でサインイン',
  wayOrg: '組織の資格情報',
  wayZsc: 'ZSCキー',
  oauthWhen:
    '推奨。営業担当者が各自の Zoho アカウントでサインインします。全員が Zoho Desk のエージェントまたはライトエージェントのライセンスを持っている場合に使います。',
  featuresLegend: 'DeskLink に許可すること',
  featureReadCrm: 'レコードの名前とメールアドレスを Zoho CRM から読み取る',
  featureReadCrmHint: '見込み客・連絡先・取引先・商談の Zoho CRM 読み取りスコープを求めます。',
  featureCreate: 'CRM のレコードから問い合わせを作成する',
  featureCreateHint: 'Desk.tickets.CREATE を求めます。オフにすると DeskLink は読み取り専用になります。',
  oauthHint:
    'Zoho の API コンソール（api-console.zoho.com）でクライアントベースのアプリを登録し、下のリダイレクト URI を「承認済みリダイレクト URI」と「JavaScript ドメイン」に設定して、そのクライアント ID をここに入力してください。',
  redirectUri: 'このブラウザーで登録するリダイレクト URI',
  multiDc: 'マルチ DC クライアント（accounts.zoho.com でサインインし、データセンターは Zoho から取得します）',
  clientIdRequired: 'Zoho の API コンソールで登録したクライアントベースのアプリのクライアント ID を入力してください。',
  signedInAs: 'Zoho に {email} としてサインインしました。',
  signedOutOptions: 'Zoho のサインインが期限切れになり、更新できませんでした。「Zoho でサインイン」を押して再度サインインしてください。',
  oauthOtherDataCenter:
    '{region} データセンターの Zoho アカウントでサインインしました。データセンターで「{region}」を選ぶ（またはマルチ DC クライアントにチェックを入れる）と、もう一度サインインできます。',
  orgWhen:
    '管理者 1 人のセルフクライアントをチーム全員で使います。営業担当者が Zoho Desk のライセンスを持っていない場合や、ポリシーで全員に配布する場合に使います。',
  orgHint:
    'Zoho の API コンソール（api-console.zoho.com）でセルフクライアントを作成し、Zoho Desk の読み取りスコープでコードを生成して、クライアント ID、クライアントシークレット、コードを有効期限内に入力してください。DeskLink はコードをリフレッシュトークンに交換し、あなたとして動作します。コードの代わりに、お持ちのリフレッシュトークンも使えます。',
  clientSecret: 'クライアントシークレット',
  grantCode: '付与コード',
  refreshToken: 'リフレッシュトークン',
  orgScopes: 'コードの生成時に指定するスコープ：',
  orgClientIdRequired: 'Zoho の API コンソールで作成したセルフクライアントのクライアント ID を入力してください。',
  clientSecretRequired: 'セルフクライアントのクライアントシークレットを入力してください。',
  grantOrRefresh: '付与コードかリフレッシュトークンのどちらか一方を入力してください。',
  orgCharacters:
    'クライアント ID、クライアントシークレット、またはコードに Zoho が使わない文字（空白や見えない文字）が含まれています。Zoho の API コンソールからもう一度コピーしてください。',
  zscWhen:
    'キーと、そのキーの Zoho Desk ユーザーのメールアドレスで接続します。以前の Zoho 連携で使われていた方法で（キーは Zoho CRM の［設定］›［開発者向け情報］›［ZSCキー］で生成します）、現在の Zoho Desk アカウントでは受け付けられない場合があります。',
  keyRejectedOtherWays: '現在の Zoho Desk アカウントは「Zoho でサインイン」または組織の資格情報で接続します。',
  useOtherWay: '別の方法で接続',
  connectedAs: '動作する Zoho Desk ユーザー',
  connectedHow: '接続方法',
  howZsc: 'ZSCキー',
  howOauth: 'Zoho でサインイン（営業担当者ごと）',
  howOrg: '組織の資格情報（セルフクライアント）',
  roleAdmin: '管理者',
  roleAgent: 'エージェント',
  roleLight: 'ライトエージェント',
  roleCustom: 'カスタム役割',
  connectedScopes: 'スコープ',
  scopesOrg: 'コードの生成時に指定したスコープ（Zoho は DeskLink にスコープを知らせません）',
  scopesZsc: 'キーのスコープ（Zoho は DeskLink にスコープを知らせません）',
  missingCreateTickets:
    '問い合わせの作成は許可されていません（{scopes} がありません）。許可するには、接続を解除し、「CRM のレコードから問い合わせを作成する」にチェックを入れて接続し直してください。',
  missingReadCrm:
    'Zoho CRM からのレコードの読み取りは許可されていません（{scopes} がありません）。メールアドレスはページから読み取ります。許可するには、接続を解除し、「レコードの名前とメールアドレスを Zoho CRM から読み取る」にチェックを入れて接続し直してください。',
  back: '戻る',
  cancel: 'キャンセル',
  working: '処理中…',
  stepOf: 'ステップ {step}/{total}',
  regionWithCode: '{region}（{code}）',
  portalChoice: '{company}（{portal}）',
  userWithEmail: '{name}（{email}）',
  userWithRole: '{who}、{role}',
  portalChangeNote:
    '現在のポータルが選択されています。別のポータルを保存すると、現在のポータルについてキャッシュされた問い合わせの関連付けがこのブラウザーから削除されます。「キャンセル」を押すと何も変更されません。',
  timeZoneHint: 'パネルの日時はこのタイムゾーンで表示されます。地名の最初の文字を入力すると見つかります。',
  clock: '時刻の表示形式',
  clock12: '12 時間制（午後 9:41）',
  clock24: '24 時間制（21:41）',
  zoneLabel: '{city} — {name}（{offset}）',
  zoneLabelOffset: '{city}（{offset}）',
  zoneBrowser: 'このブラウザーのタイムゾーン',
  zoneAfrica: 'アフリカ',
  zoneAmerica: '南北アメリカ',
  zoneAntarctica: '南極',
  zoneArctic: '北極',
  zoneAsia: 'アジア',
  zoneAtlantic: '大西洋',
  zoneAustralia: 'オーストラリア',
  zoneEurope: 'ヨーロッパ',
  zoneIndian: 'インド洋',
  zonePacific: '太平洋',
  zoneOther: 'その他',
  nextStepsHeading: '次の手順：試してから営業担当者に知らせる',
  tryIt: 'Zoho CRM で試す',
  tryItHint:
    '新しいタブで {host} を開きます。メールアドレスのある見込み客・連絡先・取引先を開くと、その Zoho Desk の問い合わせがページに表示されます。',
  checklistHeading: '営業担当者に必要なもの',
  checkInstalled: 'ブラウザーに DeskLink がインストールされていること（IT 管理者がエンタープライズポリシーで全員に配布します）。',
  checkLicence: 'Zoho Desk のエージェントまたはライトエージェントのライセンス（各自が自分の Zoho アカウントでサインインするため）。',
  checkShared: '接続（このブラウザーに保存されます。他のブラウザーにはエンタープライズポリシーで組織の資格情報を配布します）。',
  defaultPortal: '{name}（デフォルト）',
  managed: '組織によって管理されています',
  keyManaged: 'キーまたは組織の資格情報は組織によって提供されています。',
  setupLocked: '組織がこのブラウザーの DeskLink の設定をロックしているため、ポリシーでのみ設定できます。IT 管理者にお問い合わせください。',
  connectedHeading: 'Zoho Desk に接続済み',
  connectedPortal: 'ポータル',
  connectedDataCenter: 'データセンター',
  enableHint: 'オフにすると、DeskLink は Zoho CRM のページに何も表示せず、Zoho Desk へのリクエストも行いません。',
  rejectedKey:
    'Zoho が保存されたキーまたは組織の資格情報を拒否しました（無効、またはリフレッシュトークンが取り消されています）。接続を解除してから、有効なもので DeskLink を設定し直してください。',
  saved: '保存しました。',
  changePortalTitle: 'ポータルを変更しますか？',
  changePortalBody:
    '次の画面で、{portal} が選択された状態からポータルを選び直します。別のポータルを保存すると、{portal} についてキャッシュされた問い合わせの関連付けはこのブラウザーから削除されます。Zoho Desk のデータと保存済みのキーはそのまま残ります。次の画面で「キャンセル」を押すと {portal} のままです。',
  deactivateTitle: 'DeskLink の接続を解除しますか？',
  deactivateBody:
    '接続を解除すると、キー（または Zoho のサインイン）とキャッシュされたすべての問い合わせが、設定とともにこのブラウザーから削除されます。再設定するまで、Zoho CRM のページには設定用のリンクが表示されます。Zoho Desk のデータはそのまま残ります。',
  diagnosticsHeading: '診断情報',
  lastError: '最後の Zoho Desk エラー',
  noError: 'なし',
  errorAt: '{code}（{host}、{time}）',
  errorAtNoHost: '{code}（{time}）',
  cacheSize: 'キャッシュ',
  cacheCounts: '問い合わせ {tickets} 件（レコード {records} 件）',
  cacheEmpty: '空',
  cacheUnavailable: '利用できません（{reason}）。DeskLink はキャッシュなしで毎回取得して動作します。',
  clearCache: 'キャッシュを消去',
  cacheCleared: 'キャッシュを消去しました。',
  testConnection: '接続をテスト',
  testOk: '接続できました：{portal}（{email} として）。',
  policyNotes: 'エンタープライズポリシー',
  policyIgnored: 'ポリシーの値 {key} は無視されました：{expected} である必要があります',
  expectBoolean: 'true または false',
  expectDataCentre: '{list} のいずれか',
  expectKey: 'Zoho のキー（空白を含まない印字可能な文字）',
  expectEmail: 'メールアドレス',
  expectPortalId: 'ポータル ID（数字のみ）',
  expectLanguage: 'en または ja',
  expectTimeZone: 'Asia/Tokyo のようなタイムゾーン',
  expectCallsPerMinute: '{min} から {max} までの整数',
  expectCrmAddresses: 'https://crm.example.com のようなアドレスのリスト（https、パスなし、Zoho のホスト以外）',
  expectKeyWithEmail: 'zscKey と email の両方の設定',
  expectOrgCredentialTogether: 'clientId、clientSecret、refreshToken の 3 つすべての設定',
  expectOneCredential: '資格情報は 1 つだけ（組織の資格情報 clientId、clientSecret、refreshToken が使われます）',
  sessionCredential:
    'このブラウザーでは DeskLink がデータを保存できません（{reason}）。プライベートウィンドウなどが該当します。キーはブラウザーを閉じるまでのみ保持されるため、その後はもう一度入力してください。問い合わせは毎回 Zoho Desk から取得されます。',
  deskCalls: 'Zoho Desk へのリクエスト',
  deskCallCounts: '今日 {today} 件、直近 1 分間に {lastMinute} 件（上限は 1 分あたり {limit} 件）',
  identitySource: '直近のレコードの顧客',
  identityFromCrm: 'Zoho CRM の API から読み取りました（{time}）',
  identityFromPage: 'ページから読み取りました（{time}）: {reason}',
  identityReason_notSignIn: '接続が「Zoho でサインイン」ではないため、Zoho CRM を読み取れません',
  identityReason_noCrmScope: 'サインインにこのタブの Zoho CRM 読み取りスコープがありません',
  identityReason_scope: 'Zoho CRM が、トークンに読み取りスコープがないと応答しました（OAUTH_SCOPE_MISMATCH）',
  identityReason_permission: 'この Zoho ユーザーには Zoho CRM でこのタブを読み取る権限がありません（NO_PERMISSION）',
  identityReason_token: 'Zoho CRM がトークンを受け付けませんでした',
  identityReason_busy: 'Zoho CRM、または DeskLink 自身の Zoho CRM へのリクエスト上限により待機が必要です',
  identityReason_failed: 'Zoho CRM に接続できないか、時間内に応答がないか、読み取れない応答が返りました',
  identityReason_noRecord: 'Zoho CRM にこの ID のレコードがありません',
  guidanceHeading: 'ZSCキーの入手方法',
  guideNewTitle: 'Zoho Desk を初めて利用する場合',
  guideNew:
    'Zoho Desk に登録してポータルを作成し、上の「Zoho でサインイン」を押してください。ZSCキーが必要な場合は Zoho CRM の「設定 › 開発者スペース › ZSCキー」で生成し、メールアドレスと一緒に入力して、ポータルを選択し、保存してください。',
  guideAdminTitle: 'Zoho Desk のポータルの管理者の場合',
  guideAdmin:
    'Zoho CRM にサインインし、「設定 › 開発者スペース › ZSCキー」でキーを生成してください。ここにキーと Zoho Desk ユーザーのメールアドレスを入力し、既存のポータルを選択して、保存してください。Zoho Desk に拒否された場合は、「Zoho でサインイン」または組織の資格情報を使ってください。',
  guideUserTitle: 'Zoho Desk のポータルの管理者ではない場合',
  guideUser:
    'Zoho Desk のポータルの管理者に、ZSCキー（Zoho CRM の「設定 › 開発者スペース › ZSCキー」で生成）とそのメールアドレス、または組織の資格情報を連絡してもらってください。ここに入力し、ポータルを選択して、保存してください。',
  guideNote:
    '関連付けできるポータルは 1 つだけです。ポータルを変更すると、以前のポータルの関連付けはこのブラウザーから削除されますが、Zoho Desk ではデータを引き続き確認できます。CRM に登録されていないユーザーのキーも利用できます。',
  keyRequired: 'ZSCキーを入力してください。Zoho CRM の「設定 › 開発者スペース › ZSCキー」で生成できます。',
  emailInvalid: 'キーに関連付けられたメールアドレスを name@example.com の形式で入力してください。',
  keyCharacters:
    'キーに Zoho のキーには含まれない文字（空白、見えない文字や制御文字、英字以外の文字）が含まれています。Zoho CRM の「設定 › 開発者スペース › ZSCキー」からもう一度コピーしてください。',
  timeZoneInvalid: '一覧からタイムゾーンを選択してください。',
  wrongDataCenter:
    'このキーは選択したデータセンターではなく、{region}（{domain}）のデータセンターのものです。「データセンター」で「{region}」を選び、もう一度「次へ」を押してください。',
  setupInvalidKey:
    '{region}（{domain}）のデータセンターで Zoho Desk がこのキーを拒否しました。キー全体をコピーしたか、キーが取り消されていないか、データセンターが正しいかを確認してください。',
  setupScope:
    'このキーには DeskLink に必要な権限（問い合わせ・連絡先・検索の読み取り）がありません。Zoho Desk でこれらの権限を持つキーを作成してください。',
  setupScopeNamed:
    'このキーには DeskLink に必要な権限（スコープ {scopes}）がありません。Zoho Desk でこのスコープを含むキーを作成してください。',
  setupNoPortals:
    'このキーで利用できる Zoho Desk ポータルがありません。先に Zoho Desk でポータルを作成するか、Zoho Desk の管理者にポータル担当者のキーを依頼してください。',
  setupNoLicence:
    'この Zoho ユーザーは、このデータセンターのどの Zoho Desk ポータルにも属していません。問い合わせの閲覧には Zoho Desk のエージェントまたはライトエージェントのライセンスが必要です。Zoho Desk の管理者にエージェントとして追加してもらうか、ポータルのあるデータセンターを選んでください。',
  setupOrgMismatch:
    'このキーではポータル「{portal}」を読み取れません。別のポータルを選ぶか、「{portal}」の管理者にキーを依頼してください。',
  setupEmailMismatch:
    'このキーは {email} とは別の Zoho Desk ユーザーのものです。キーを作成したユーザーのメールアドレスを入力してください。',
  setupNetwork: 'Zoho Desk（{domain}）に接続できませんでした。インターネット接続を確認して、もう一度お試しください。',
  setupTimeout: 'Zoho Desk（{domain}）から時間内に応答がありませんでした。少し待ってから、もう一度お試しください。',
};

const optionsCatalog = defineCatalog({ en, ja });
export type OptionsKey = keyof typeof en;
export type OptionsTranslate = Translate<OptionsKey>;

export function optionsTranslator(language: Language): OptionsTranslate {
  return translator(optionsCatalog, language);
}

/** Region names of the data centres, per language. */
export const REGION_NAMES: Record<Language, Record<DataCentreId, string>> = {
  en: {
    com: 'United States',
    eu: 'Europe',
    in: 'India',
    'com.au': 'Australia',
    jp: 'Japan',
    'com.cn': 'China',
    sa: 'Saudi Arabia',
    ca: 'Canada',
    uk: 'United Kingdom',
    ae: 'United Arab Emirates',
  },
  ja: {
    com: '米国',
    eu: 'ヨーロッパ',
    in: 'インド',
    'com.au': 'オーストラリア',
    jp: '日本',
    'com.cn': '中国',
    sa: 'サウジアラビア',
    ca: 'カナダ',
    uk: 'イギリス',
    ae: 'アラブ首長国連邦',
  },
};

/** The names the language select offers, each in its own language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

interface SetupErrorContext {
  language: Language;
  /** The data centre the admin chose and its Desk domain. */
  dataCentre: DataCentreId;
  deskHost: string;
  email?: string;
  portalName?: string;
  /** A Zoho user's own sign-in or Self Client, not a key: no portal then means no Desk licence. */
  zohoUser?: boolean;
}

/**
 * An error of the setup steps in words for the admin at the form: specific to the step (the key
 * was just typed, not "saved"), else the general message of lib/shared/i18n/errors.ts.
 */
export function setupErrorMessage(info: ErrorInfo, context: SetupErrorContext): string {
  const t = optionsTranslator(context.language);
  const regions = REGION_NAMES[context.language];
  const domain = context.deskHost;
  switch (info.code) {
    case 'INVALID_OAUTH':
    case 'UNAUTHORIZED':
      if (info.dataCentre && info.dataCentre !== context.dataCentre) {
        return t('wrongDataCenter', { region: regions[info.dataCentre], domain: DATA_CENTRES[info.dataCentre].deskHost });
      }
      return t('setupInvalidKey', { region: regions[context.dataCentre], domain });
    case 'SCOPE_MISMATCH':
      return info.scopes?.length ? t('setupScopeNamed', { scopes: info.scopes.join(', ') }) : t('setupScope');
    case 'NO_PORTALS':
      return t(context.zohoUser ? 'setupNoLicence' : 'setupNoPortals');
    case 'OAUTH_ORG_MISMATCH':
      return t('setupOrgMismatch', { portal: context.portalName ?? '' });
    case 'EMAIL_MISMATCH':
      return t('setupEmailMismatch', { email: context.email ?? '' });
    case 'NETWORK':
      return t('setupNetwork', { domain });
    case 'TIMEOUT':
      return t('setupTimeout', { domain });
    case 'OAUTH_FAILED':
      if (info.dataCentre && info.dataCentre !== context.dataCentre) return t('oauthOtherDataCenter', { region: regions[info.dataCentre] });
      return adminErrorMessage(info, context.language);
    default:
      return adminErrorMessage(info, context.language);
  }
}
