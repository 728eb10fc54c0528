/** Word pools for generated sandbox data: English and Japanese names, subjects, status labels. */

export const EN_FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Isabella',
  'Lucas',
  'Mia',
  'Amelia',
  'Oliver',
  'Harper',
  'Elijah',
  'Chloe',
  'Priya',
  'Arjun',
  'Fatima',
  'Omar',
  'Zanele',
  'Kofi',
  'Ines',
  'Mateo',
  'Lena',
  'Jonas',
  'Sara',
  'Tomasz',
  'Anouk',
  'Rafael',
] as const;

export const EN_LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Moore',
  'Patel',
  'Nguyen',
  'Kim',
  'Okonkwo',
  'Schneider',
  'Rossi',
  'Novak',
  'Dubois',
  'Haddad',
  'Larsen',
  'Costa',
  'Fischer',
  "O'Brien",
] as const;

/** [kanji, romaji] */
export const JA_FAMILY: readonly (readonly [string, string])[] = [
  ['佐藤', 'sato'],
  ['鈴木', 'suzuki'],
  ['高橋', 'takahashi'],
  ['田中', 'tanaka'],
  ['伊藤', 'ito'],
  ['渡辺', 'watanabe'],
  ['山本', 'yamamoto'],
  ['中村', 'nakamura'],
  ['小林', 'kobayashi'],
  ['加藤', 'kato'],
  ['吉田', 'yoshida'],
  ['松本', 'matsumoto'],
];
export const JA_GIVEN: readonly (readonly [string, string])[] = [
  ['翔太', 'shota'],
  ['陽菜', 'hina'],
  ['蓮', 'ren'],
  ['結衣', 'yui'],
  ['大輝', 'daiki'],
  ['美咲', 'misaki'],
  ['健一', 'kenichi'],
  ['さくら', 'sakura'],
  ['拓也', 'takuya'],
  ['愛', 'ai'],
];

export const COMPANY_A = [
  'Acme',
  'Initrode',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka',
  'Gringotts',
  'Aperture',
  'Massive',
  'Pied Piper',
  'Dunder',
  'Oscorp',
  'Monarch',
  'Nakatomi',
  'Sirius',
];
export const COMPANY_B = [
  'Tools',
  'Logistics',
  'Foods',
  'Analytics',
  'Robotics',
  'Health',
  'Energy',
  'Media',
  'Labs',
  'Textiles',
  'Freight',
  'Systems',
];
export const COMPANY_KIND = ['Inc.', 'Ltd', 'GmbH', 'LLC', 'S.A.', 'Pty Ltd'];
export const JA_COMPANIES = [
  '株式会社ヤマト商事',
  '有限会社さくら技研',
  '株式会社東京データ',
  '合同会社みらい',
  '株式会社北斗物流',
  '株式会社青空フーズ',
];

export const EN_SUBJECTS = [
  'Cannot log in to the portal',
  'Invoice amount looks wrong',
  'Refund request for order',
  'Shipment delayed',
  'Password reset link expired',
  'Feature request: export to CSV',
  'App crashes on start',
  'Question about my subscription',
  'Damaged item received',
  'Change billing address',
  'API returns 500 error',
  'Upgrade to annual plan',
  'Missing attachment in email',
  'Cancel my account',
  'Wrong size delivered',
  'Two-factor code not arriving',
  'Report does not load',
  'Duplicate charge on card',
  'Need a quote for 50 seats',
  'Sync with calendar stopped',
];
export const JA_SUBJECTS = [
  'ログインできません',
  '請求書の金額が違います',
  '返金のお願い',
  '配送が遅れています',
  'パスワード再設定のリンクが無効です',
  '解約の手続きについて',
  '商品が破損していました',
  '見積もりをお願いします',
  '請求先住所の変更',
  'アプリが起動しません',
  '二段階認証のコードが届きません',
  'レポートが表示されません',
];

export const CHANNELS = ['Email', 'Email', 'Email', 'Web', 'Phone', 'Chat', 'Forums', 'Twitter', 'Facebook'];
export const CATEGORIES = ['Billing', 'Technical', 'Shipping', 'Account', null] as const;
export const EN_PRIORITIES = ['High', 'Medium', 'Low', 'Urgent'] as const;
export const JA_PRIORITIES = ['高', '中', '低', '緊急'] as const;

/** Status labels by status type; "Escalated" is an Open-type label. */
export const EN_STATUS = { Open: 'Open', 'On Hold': 'On Hold', Closed: 'Closed', Escalated: 'Escalated' } as const;
export const JA_STATUS = { Open: '対応中', 'On Hold': '保留', Closed: '完了', Escalated: 'エスカレーション' } as const;

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  svg: '"><svg onload=alert(1)>',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  bold: '<b onmouseover=alert(1)>High</b>',
  js: 'javascript:alert(1)',
} as const;
