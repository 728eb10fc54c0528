/**
 * The `New ticket` dialog's words, English and Japanese (Zoho Desk's own terms: 問い合わせ,
 * 件名, 説明, 部門, 優先度). `New ticket`, `Subject`, `Description`, `Department`, `Priority`,
 * `Create` and `Cancel` are contracts (design.md): keep them.
 */
import type { Language } from '../protocol';
import { defineCatalog, translator } from './index';

const en = {
  newTicket: 'New ticket',
  subject: 'Subject',
  description: 'Description',
  department: 'Department',
  priority: 'Priority',
  noPriority: 'Portal default',
  customer: 'For',
  customerOption: '{name} ({email})',
  create: 'Create',
  cancel: 'Cancel',
  creating: 'Creating…',
  loading: 'Loading the form…',
  counter: '{count} of {limit} characters',
  subjectRequired: 'Enter a subject.',
  tooLong: 'This is longer than Zoho Desk accepts ({limit} characters).',
  noDepartments: 'Zoho Desk lists no department you can create tickets in. Ask your Zoho Desk admin to add you to one.',
  noCustomer:
    'Zoho Desk has no contact to file this ticket under: add an email to the record, or, for an account, a contact to it in Zoho Desk.',
  created: 'Ticket #{number} created',
  fieldRejected: 'Zoho Desk did not accept {fields}. Correct it and press Create again.',
  notCreated: 'The ticket was not created. Your text is kept: press Create to try again.',
  mayExist:
    'Zoho Desk did not answer, and DeskLink could not check whether the ticket was created. Look for it in Zoho Desk before you press Create again.',
  fieldSubject: 'the subject',
  fieldDescription: 'the description',
  fieldDepartment: 'the department',
  fieldPriority: 'the priority',
  fieldCustomer: 'the contact',
};

const ja: Record<keyof typeof en, string> = {
  newTicket: '新しい問い合わせ',
  subject: '件名',
  description: '説明',
  department: '部門',
  priority: '優先度',
  noPriority: 'ポータルの既定',
  customer: '連絡先',
  customerOption: '{name}（{email}）',
  create: '作成',
  cancel: 'キャンセル',
  creating: '作成しています…',
  loading: 'フォームを読み込んでいます…',
  counter: '{count} / {limit} 文字',
  subjectRequired: '件名を入力してください。',
  tooLong: 'Zoho Desk で受け付けられる長さ（{limit} 文字）を超えています。',
  noDepartments: '問い合わせを作成できる部門が Zoho Desk にありません。Zoho Desk の管理者に部門への追加を依頼してください。',
  noCustomer:
    '問い合わせを登録する Zoho Desk の連絡先がありません。レコードにメールアドレスを追加するか、取引先の場合は Zoho Desk で取引先に連絡先を追加してください。',
  created: '問い合わせ #{number} を作成しました',
  fieldRejected: 'Zoho Desk が{fields}を受け付けませんでした。修正して、もう一度「作成」を押してください。',
  notCreated: '問い合わせは作成されませんでした。入力内容は残っています。「作成」を押すともう一度試せます。',
  mayExist:
    'Zoho Desk から応答がなく、問い合わせが作成されたかどうかを確認できませんでした。もう一度「作成」を押す前に、Zoho Desk で確認してください。',
  fieldSubject: '件名',
  fieldDescription: '説明',
  fieldDepartment: '部門',
  fieldPriority: '優先度',
  fieldCustomer: '連絡先',
};

const NEW_TICKET_CATALOG = defineCatalog({ en, ja });
export type NewTicketTranslate = ReturnType<typeof newTicketTranslator>;
export const newTicketTranslator = (language: Language) => translator(NEW_TICKET_CATALOG, language);
