/**
 * The options page's second edition as an admin meets it, written once and run in both browsers
 * (tests/e2e/options-v2.spec.ts in Chromium, tests/e2e/firefox-options-v2.spec.ts in Firefox ESR):
 * one type scale and one primary button a step; a wizard that keeps what was typed, checks the
 * key's email at `Next` beside the field and moves the focus to each step's heading; `Change
 * portal` with `Cancel` from the current portal; `Deactivate` in words that say what is deleted;
 * Japanese everywhere, kept over a deactivation; the time-zone picker; `Try it` after `Save`; axe
 * on every step, dialog and error in both languages; the wizard from the keyboard alone.
 */
import { expect } from '@playwright/test';
import { ADMIN_EMAIL, KEYS, PORTALS, RECORDS } from '../../sandbox/fixtures';
import type { OptionsPage, OptionsWorld } from '../support/options-driver';
import { expectInPanel } from '../support/panel-steps';

interface OptionsScenario {
  title: string;
  /** Many steps (axe runs a dozen times): the spec gives it a longer test timeout. */
  slow?: true;
  run: (world: OptionsWorld) => Promise<void>;
}

/** Step 1 with the sandbox's ZSC key: its way, key, email, `Next`. */
async function enterKey(options: OptionsPage, email: string = ADMIN_EMAIL) {
  await options.select('Data center', 'com');
  await options.choose('ZSC key');
  await options.fill('ZSC key', KEYS.admin);
  await options.fill('Email', email);
  await options.click('Next');
}

/** The focused element is the heading named `name`. */
async function expectFocusOnHeading(options: OptionsPage, name: string) {
  await expect.poll(() => options.focused()).toEqual({ tag: 'h2', text: name });
}

/** axe-core finds nothing; `where` names the state in the failure message. */
async function expectNoViolations(options: OptionsPage, where: string) {
  expect(await options.axe(), where).toEqual([]);
}

/** Presses Tab until the focus is on the element `matches` accepts (at most 40 times). */
async function tabTo(options: OptionsPage, matches: (focused: { label: string; text: string }) => boolean) {
  for (let i = 0; i < 40; i++) {
    const focused = { label: await options.focusedLabel(), text: (await options.focused()).text };
    if (matches(focused)) return;
    await options.press('Tab');
  }
  throw new Error('the keyboard never reached the element');
}

export const OPTIONS_V2_SCENARIOS: readonly OptionsScenario[] = [
  {
    title: 'one type scale in both browsers (label and body 16 px, hints 14 px) and one primary button on each step',
    async run(world) {
      const options = await world.openOptions();
      // Chromium draws extension pages at a smaller default size; the page's own scale wins.
      expect(await options.visual()).toEqual({ label: 16, body: 16, hint: 14, primary: ['Sign in with Zoho'] });
      await options.choose('ZSC key');
      expect((await options.visual()).primary).toEqual(['Next']);
      await enterKey(options);
      await expectFocusOnHeading(options, 'Choose the portal');
      expect(await options.visual()).toEqual({ label: 16, body: 16, hint: 14, primary: ['Save'] });
      await options.click('Save');
      await options.regionText('Connected to Zoho Desk');
      // Once connected the one filled action is `Try it`; the rest are secondary or, for Deactivate, danger.
      expect((await options.visual()).primary).toEqual(['Try it in Zoho CRM']);
    },
  },
  {
    title: 'the wizard keeps work: step indicator, focus on each step’s heading, Back keeps every field, Save connects',
    async run(world) {
      const options = await world.openOptions();
      expect(await options.mainText()).toContain('Step 1 of 2');
      await enterKey(options);
      await expectFocusOnHeading(options, 'Choose the portal');
      expect(await options.mainText()).toContain('Step 2 of 2');
      await options.click('Back');
      await expectFocusOnHeading(options, 'Connect Zoho Desk');
      expect(await options.value('Data center')).toBe('com');
      expect(await options.value('ZSC key')).toBe(KEYS.admin);
      expect(await options.value('Email')).toBe(ADMIN_EMAIL);
      await options.click('Next');
      await expectFocusOnHeading(options, 'Choose the portal');
      await options.click('Save');
      await expectFocusOnHeading(options, 'Connected to Zoho Desk');
      expect(await options.regionText('Connected to Zoho Desk')).toContain(PORTALS.A.companyName);
    },
  },
  {
    title: 'an email that is not the key’s is refused at Next, beside the Email field, which it describes; nothing is saved',
    async run(world) {
      const options = await world.openOptions();
      await enterKey(options, 'someone.else@zylker.com');
      expect(await options.alertText()).toContain('another Zoho Desk user than someone.else@zylker.com');
      expect(await options.description('Email')).toContain('another Zoho Desk user than someone.else@zylker.com');
      expect(await options.mainText()).not.toContain('Choose the portal');
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({
        ok: true,
        data: { connected: false, credentialState: 'none' },
      });
    },
  },
  {
    title: 'an empty key is named beside the ZSC key field before any Desk call',
    async run(world) {
      const options = await world.openOptions();
      world.sandbox.clearLog();
      await options.choose('ZSC key');
      await options.click('Next');
      expect(await options.alertText()).toContain('Enter the ZSC key');
      expect(await options.description('ZSC key')).toContain('Enter the ZSC key');
      expect(world.sandbox.deskCalls()).toEqual([]);
    },
  },
  {
    title: 'Change portal says what it drops, starts from the current portal, and Cancel keeps everything',
    async run(world) {
      await world.connect({ portal: 'B' });
      const panel = (await world.open(RECORDS.contact)).panel();
      await expectInPanel(panel, 'tab', 'All 3');
      const options = await world.openOptions();
      await options.click('Change portal');
      const words = await options.dialogText('Change the portal?');
      expect(words).toContain(`the ticket links cached for ${PORTALS.B.companyName} are removed from this browser`);
      expect(words).toContain('Zoho Desk keeps all its data');
      await options.clickInDialog('Change the portal?', 'Change portal');
      await expectFocusOnHeading(options, 'Choose the portal');
      expect(await options.value('Portal')).toBe(PORTALS.B.id);
      expect(await options.value('Time zone')).toBe(PORTALS.B.timeZone);
      expect(await options.mainText()).toContain('Cancel keeps everything as it is');
      await options.click('Cancel');
      await expectFocusOnHeading(options, 'Connected to Zoho Desk');
      expect(await options.regionText('Connected to Zoho Desk')).toContain(PORTALS.B.companyName);
      // Nothing was dropped: the portal, and its cached links, which the panel still shows.
      expect(await world.sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });
      await expectInPanel(panel, 'tab', 'All 3');
    },
  },
  {
    title: 'Japanese: Deactivate says 接続を解除 and what it deletes; the page stays Japanese after it',
    async run(world) {
      await world.connect({ language: 'ja' });
      const options = await world.openOptions();
      await options.click('接続を解除');
      const words = await options.dialogText('DeskLink の接続を解除しますか？');
      expect(words).toContain('キー');
      expect(words).toContain('キャッシュされたすべての問い合わせ');
      expect(words).toContain('削除されます');
      expect(words).not.toContain('無効化');
      await options.clickInDialog('DeskLink の接続を解除しますか？', '接続を解除');
      await expectFocusOnHeading(options, 'Zoho Desk に接続');
      expect(await options.mainText()).toContain('接続のしかた');
      expect(await options.mainText()).toContain('ステップ 1/2');
      // Opened again later, the page still speaks Japanese (the broker kept the language).
      const reopened = await world.openOptions();
      await expect.poll(() => reopened.mainText()).toContain('接続のしかた');
      expect(await reopened.mainText()).not.toContain('Step 1 of 2');
    },
  },
  {
    title: 'Japanese: status lines re-render in the chosen language; counts and brackets follow Japanese typography',
    async run(world) {
      await world.connect();
      await expectInPanel((await world.open(RECORDS.contact)).panel(), 'tab', 'All 14');
      const options = await world.openOptions();
      await options.click('Test connection');
      await expect.poll(() => options.mainText()).toContain('Connection works');
      await options.select('Language', 'ja');
      await expect.poll(() => options.mainText()).toContain(`接続できました：${PORTALS.A.companyName}（${ADMIN_EMAIL} として）。`);
      const text = await options.mainText();
      expect(text).not.toContain('Connection works');
      expect(text).toMatch(/問い合わせ \d+ 件（レコード 1 件）/);
      expect(text).toContain('米国（desk.zoho.com）');
      expect(text).toContain(`（${ADMIN_EMAIL}）`);
      await options.click('キャッシュを消去');
      await expect.poll(() => options.mainText()).toContain('キャッシュを消去しました。');
      expect(await options.mainText()).toContain('キャッシュ空');
    },
  },
  {
    title: 'the time-zone picker: canonical ids with offsets and localized names, in English and Japanese',
    async run(world) {
      const options = await world.openOptions();
      await enterKey(options);
      expect(await options.value('Time zone')).toBe(PORTALS.A.timeZone);
      const english = await options.mainText();
      expect(english).toContain('Kolkata — India Standard Time (UTC+05:30)');
      expect(english).toContain('Ho Chi Minh — Indochina Time (UTC+07:00)');
      expect(english).toContain('Tokyo — Japan Standard Time (UTC+09:00)');
      expect(english).not.toMatch(/Calcutta|Saigon/);
      await options.select('Time zone', 'Asia/Kolkata');
      await options.select('Language', 'ja');
      const japanese = await options.mainText();
      expect(japanese).toContain('Kolkata — インド標準時（UTC+05:30）');
      expect(japanese).toContain('Tokyo — 日本標準時（UTC+09:00）');
      await options.click('保存');
      await options.regionText('Zoho Desk に接続済み');
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({
        ok: true,
        data: { timeZone: 'Asia/Kolkata', language: 'ja' },
      });
      expect(await options.value('タイムゾーン')).toBe('Asia/Kolkata');
    },
  },
  {
    title: 'Time format: 12-hour by default in English; choosing 24-hour makes the panel write 24-hour times',
    async run(world) {
      const options = await world.openOptions();
      await enterKey(options);
      expect(await options.value('Time format')).toBe('12');
      await options.select('Language', 'ja');
      // Japanese readers' habit is the 24-hour clock: the default follows the language until chosen.
      expect(await options.value('時刻の表示形式')).toBe('24');
      await options.select('言語', 'en');
      await options.select('Time format', '24');
      await options.click('Save');
      await options.regionText('Connected to Zoho Desk');
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { language: 'en', clock: '24' } });
      expect(await options.value('Time format')).toBe('24');

      const panel = (await world.open(RECORDS.contact)).panel();
      await expectInPanel(panel, 'tab', 'All 14');
      // The Last modified cells: date and clock time, in English words but on a 24-hour clock.
      const times = (await panel.rows()).flatMap((cells) => cells.filter((c) => c.time && /\d:\d\d/.test(c.text)).map((c) => c.text));
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) {
        expect(time).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} [A-Z]/);
        expect(time).not.toMatch(/AM|PM/);
      }
    },
  },
  {
    title: 'after Save: Try it opens the data center’s Zoho CRM in a new tab, with what each rep needs',
    async run(world) {
      const options = await world.openOptions();
      await enterKey(options);
      await options.click('Save');
      expect(await options.link('Try it in Zoho CRM')).toEqual({ href: 'https://crm.zoho.com/crm/', target: '_blank' });
      const next = await options.regionText('Next: try it, then tell your reps');
      expect(next).toContain('What each sales rep needs');
      expect(next).toContain('DeskLink installed in their browser');
    },
  },
  {
    title: 'axe finds no violation on step 1 (each way’s error), step 2 and the connected view, in English',
    slow: true,
    async run(world) {
      const options = await world.openOptions();
      await expectNoViolations(options, 'step 1, Sign in with Zoho');
      await options.click('Sign in with Zoho');
      await options.alertText();
      await expectNoViolations(options, 'step 1, Client ID missing');
      await options.choose('Organisation credential');
      await options.click('Next');
      await options.alertText();
      await expectNoViolations(options, 'step 1, organisation credential missing');
      await options.choose('ZSC key');
      await options.click('Next');
      await options.alertText();
      await expectNoViolations(options, 'step 1, ZSC key missing');
      await options.fill('ZSC key', KEYS.admin);
      await options.fill('Email', ADMIN_EMAIL);
      await options.click('Next');
      await expectFocusOnHeading(options, 'Choose the portal');
      await expectNoViolations(options, 'step 2');
      await options.click('Save');
      await options.regionText('Connected to Zoho Desk');
      await expectNoViolations(options, 'connected, with Try it');
    },
  },
  {
    title: 'axe finds no violation on the dialogs and the changing portal step, in English',
    slow: true,
    async run(world) {
      await world.connect();
      const options = await world.openOptions();
      await options.regionText('Connected to Zoho Desk');
      await options.click('Deactivate');
      await options.dialogText('Deactivate DeskLink?');
      await expectNoViolations(options, 'Deactivate dialog');
      await options.clickInDialog('Deactivate DeskLink?', 'Cancel');
      await options.click('Change portal');
      await options.dialogText('Change the portal?');
      await expectNoViolations(options, 'Change portal dialog');
      await options.clickInDialog('Change the portal?', 'Change portal');
      await expectFocusOnHeading(options, 'Choose the portal');
      await expectNoViolations(options, 'changing the portal');
    },
  },
  {
    title: 'axe finds no violation in Japanese: step 2, step 1, the connected view, both dialogs, an error',
    slow: true,
    async run(world) {
      const options = await world.openOptions();
      await enterKey(options);
      await options.select('Language', 'ja');
      await expectFocusOnHeading(options, 'ポータルの選択');
      await expectNoViolations(options, 'step 2 in Japanese');
      await options.click('戻る');
      await expectFocusOnHeading(options, 'Zoho Desk に接続');
      await expectNoViolations(options, 'step 1 in Japanese');
      await options.click('次へ');
      await expectFocusOnHeading(options, 'ポータルの選択');
      await options.click('保存');
      await options.regionText('Zoho Desk に接続済み');
      await expectNoViolations(options, 'connected in Japanese, with Try it');
      await options.click('ポータルを変更');
      await options.dialogText('ポータルを変更しますか？');
      await expectNoViolations(options, 'Change portal dialog in Japanese');
      await options.clickInDialog('ポータルを変更しますか？', 'キャンセル');
      await options.click('接続を解除');
      await options.dialogText('DeskLink の接続を解除しますか？');
      await expectNoViolations(options, 'Deactivate dialog in Japanese');
      await options.clickInDialog('DeskLink の接続を解除しますか？', '接続を解除');
      await expectFocusOnHeading(options, 'Zoho Desk に接続');
      await options.choose('ZSCキー');
      await options.click('次へ');
      await options.alertText();
      await expectNoViolations(options, 'step 1 error in Japanese');
    },
  },
  {
    title: 'the whole wizard from the keyboard: way by arrow keys, Enter for Next, Save and the dialogs, Escape to cancel',
    async run(world) {
      const options = await world.openOptions();
      await tabTo(options, ({ label }) => label === 'Sign in with Zoho');
      // Arrow keys move through the radio group: Organisation credential, then ZSC key; Tab leaves it for the key.
      await options.press('ArrowDown', 'ArrowDown', 'Tab');
      expect(await options.focusedLabel()).toBe('ZSC key');
      await options.type(KEYS.admin);
      await options.press('Tab');
      expect(await options.focusedLabel()).toBe('Email');
      await options.type(ADMIN_EMAIL);
      await options.press('Enter');
      await expectFocusOnHeading(options, 'Choose the portal');
      await tabTo(options, ({ text }) => text === 'Save');
      await options.press('Enter');
      await expectFocusOnHeading(options, 'Connected to Zoho Desk');
      await tabTo(options, ({ text }) => text === 'Deactivate');
      await options.press('Enter');
      await options.dialogText('Deactivate DeskLink?');
      await options.press('Escape');
      // Escape cancels: still connected, the focus back on the button that opened the dialog.
      await expect.poll(() => options.focused()).toMatchObject({ text: 'Deactivate' });
      expect(await options.regionText('Connected to Zoho Desk')).toContain(PORTALS.A.companyName);
      await options.press('Enter');
      await options.dialogText('Deactivate DeskLink?');
      // The dialog opens on Cancel (the safe choice); Tab reaches its Deactivate.
      await tabTo(options, ({ text }) => text === 'Deactivate');
      await options.press('Enter');
      await expectFocusOnHeading(options, 'Connect Zoho Desk');
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false } });
    },
  },
];
