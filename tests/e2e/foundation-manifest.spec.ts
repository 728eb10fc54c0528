/**
 * The built manifests (npm run build) say what the stores and browsers need: localized name and
 * description, every icon size, the Desk API host of every data centre and no other host, no
 * private windows, content scripts on every CRM host and its crmsandbox twin in all frames, and
 * Firefox's MV3 keys. Reads files only; no browser.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { OUT_DIR, extensionDir, firefoxPath, type BuildTarget } from './support/paths';

const TARGETS: BuildTarget[] = ['chrome-mv3', 'firefox-mv3'];
const ICON_SIZES = [16, 32, 48, 96, 128];
/** Each permission DeskLink may ask for, and why. Anything else is a finding. */
const ALLOWED_PERMISSIONS = new Set(['storage', 'identity', 'scripting']);

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const manifestOf = (target: BuildTarget) => readJson(path.join(extensionDir(target), 'manifest.json'));
const pattern = (host: string) => `https://${host}/*`;

for (const target of TARGETS) {
  test.describe(`${target} manifest`, () => {
    test('name and description come from _locales in English and Japanese', () => {
      const manifest = manifestOf(target);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.name).toBe('__MSG_extensionName__');
      expect(manifest.description).toBe('__MSG_extensionDescription__');
      expect(manifest.default_locale).toBe('en');
      for (const lang of ['en', 'ja']) {
        const messages = readJson(path.join(OUT_DIR, target, '_locales', lang, 'messages.json'));
        expect(messages.extensionName.message).toBe('DeskLink');
        expect(messages.extensionDescription.message.length).toBeGreaterThan(10);
        expect([...messages.extensionDescription.message].length).toBeLessThanOrEqual(132);
      }
    });

    test('icons exist at every size the stores ask for, as PNGs of that size', () => {
      const manifest = manifestOf(target);
      expect(
        Object.keys(manifest.icons)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(ICON_SIZES);
      for (const size of ICON_SIZES) {
        const png = readFileSync(path.join(OUT_DIR, target, manifest.icons[size]));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    });

    test('host permissions are exactly the Desk API, Zoho Accounts and CRM API host of every data centre', () => {
      const manifest = manifestOf(target);
      // The background fetches the Desk API, CRM's REST API, and Zoho Accounts' token endpoint for the
      // organisation credential (Sign in with Zoho's window needs no host permission). A store
      // reviewer asks why each host is there, so a host nothing fetches is a finding.
      const hosts = Object.values(DATA_CENTRES).flatMap((dc) => [
        pattern(dc.deskHost),
        pattern(dc.accountsHost),
        pattern(new URL(dc.apiDomain).hostname),
      ]);
      expect([...manifest.host_permissions].sort()).toEqual(hosts.sort());
      // The UK and UAE data centres too, although only third-party code names their Desk hosts.
      expect(manifest.host_permissions).toEqual(
        expect.arrayContaining([
          'https://desk.zoho.uk/*',
          'https://desk.zoho.ae/*',
          'https://www.zohoapis.uk/*',
          'https://www.zohoapis.ae/*',
        ]),
      );
      for (const permission of manifest.permissions ?? []) expect(ALLOWED_PERMISSIONS).toContain(permission);
    });

    test('a company CRM host is asked for at run time, never at install: https origins are optional only', () => {
      const manifest = manifestOf(target);
      // scripting registers the CRM content script on an address the admin adds and the browser allows.
      expect(manifest.permissions).toContain('scripting');
      expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
      expect(manifest.host_permissions).not.toContain('https://*/*');
    });

    test('never runs in private windows (incognito not_allowed)', () => {
      // The credential and the ticket cache live in the normal profile's IndexedDB: a private
      // tab's lookups would be written there and outlive the private session.
      expect(manifestOf(target).incognito).toBe('not_allowed');
    });

    test('content scripts run in all frames of every CRM host and its crmsandbox twin', () => {
      const manifest = manifestOf(target);
      const allFrameMatches = (manifest.content_scripts ?? [])
        .filter((script: { all_frames?: boolean; js?: string[] }) => script.all_frames && script.js?.length)
        .flatMap((script: { matches: string[] }) => script.matches);
      for (const dc of Object.values(DATA_CENTRES)) {
        const covered = (host: string) => allFrameMatches.some((m: string) => m === pattern(host) || m === `https://${host}/crm/*`);
        expect(covered(dc.crmHost), dc.crmHost).toBe(true);
        expect(covered(dc.crmSandboxHost), dc.crmSandboxHost).toBe(true);
      }
      for (const host of ['crm.zoho.uk', 'crmsandbox.zoho.uk', 'crm.zoho.ae', 'crmsandbox.zoho.ae']) {
        expect(
          allFrameMatches.some((m: string) => m === pattern(host) || m === `https://${host}/crm/*`),
          host,
        ).toBe(true);
      }
    });
  });
}

test('Chrome: service worker background, minimum version and the enterprise policy schema', () => {
  const manifest = manifestOf('chrome-mv3');
  expect(manifest.background.service_worker).toBeTruthy();
  // Below 114, JSON.parse gives revivers no source text and 19-digit Desk ids would be refused.
  expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(114);
  expect(manifest.browser_specific_settings).toBeUndefined();
  const schemaFile = path.join(OUT_DIR, 'chrome-mv3', manifest.storage.managed_schema);
  expect(existsSync(schemaFile)).toBe(true);
  // The admin reading chrome://policy learns every data centre the policy may name.
  const { description } = readJson(schemaFile).properties.dataCenter;
  for (const id of Object.keys(DATA_CENTRES)) expect(description).toContain(` ${id}`);
});

test('Firefox: background scripts, gecko id, minimum version and data collection permissions', () => {
  const manifest = manifestOf('firefox-mv3');
  expect(manifest.background.scripts.length).toBeGreaterThan(0);
  expect(manifest.background.service_worker).toBeUndefined();
  expect(manifest.browser_specific_settings.gecko).toMatchObject({
    id: 'desklink@desklink.app',
    strict_min_version: expect.stringMatching(/^\d+\.\d+$/),
    data_collection_permissions: { required: ['none'] },
  });
  expect(manifest.storage).toBeUndefined();
});

test('Firefox: the minimum version admits the tested ESR and has the Navigation API (no 1 s URL poll)', () => {
  const { gecko, gecko_android } = manifestOf('firefox-mv3').browser_specific_settings;
  const minimum = Number(gecko.strict_min_version.split('.')[0]);
  const tested = Number(/Firefox (\d+)\./.exec(execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8' }))![1]);
  // The Firefox the end-to-end tests run on is one the manifest admits.
  expect(minimum).toBeLessThanOrEqual(tested);
  expect(minimum).toBeGreaterThanOrEqual(147);
  expect(gecko_android.strict_min_version).toBe(gecko.strict_min_version);
});
