/**
 * Real enterprise policy files, where the browsers read them (writing there needs root, as CI
 * runs): Chromium reads every `*.json` in /etc/chromium/policies/managed/ (Google Chrome:
 * /etc/opt/chrome/policies/managed/; `CHROMIUM_POLICY_DIR` overrides) and re-reads it a few
 * seconds after a change while it runs; Firefox reads `policies.json` in the `distribution`
 * folder beside its binary once, at start (unless /etc/firefox/policies/policies.json exists,
 * which it reads instead).
 *
 * The harness writes only files it can recognise as its own and removes them after use; the
 * global setup and teardown remove what a crashed run left (`removeLeftoverPolicies`). A
 * Chromium policy names one extension id (a pinned test build's), so it reaches no other spec's
 * browser. Firefox policies name the add-on id every build shares, so the Firefox file exists
 * only while a policy spec starts Firefox.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firefoxPath } from './paths';
import { GECKO_ID } from './firefox-browser';

/** Policy values as an admin writes them: any JSON, right or wrong. */
export type PolicyValues = Record<string, unknown>;

/**
 * The harness's Chromium policy file, named after the process that writes it: a run removes only
 * its own, and leftovers of processes that are gone (another run may be using its file).
 */
const CHROMIUM_POLICY_FILE = /^desklink-e2e-(\d+)\.json$/;
const chromiumPolicyName = (pid: number) => `desklink-e2e-${pid}.json`;

function chromiumPolicyDir(): string {
  return process.env.CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
}

/** Installs `values` as the managed policy of extension `extensionId` (replacing this process's previous one). */
export function writeChromiumPolicy(extensionId: string, values: PolicyValues): void {
  const dir = chromiumPolicyDir();
  try {
    mkdirSync(dir, { recursive: true });
    const policy = { '3rdparty': { extensions: { [extensionId]: values } } };
    writeFileSync(path.join(dir, chromiumPolicyName(process.pid)), JSON.stringify(policy, null, 2));
  } catch (error) {
    throw new Error(`Cannot write Chromium's policy in ${dir}: the policy specs run as root, as CI does`, { cause: error });
  }
}

export function removeChromiumPolicy(): void {
  rmSync(path.join(chromiumPolicyDir(), chromiumPolicyName(process.pid)), { force: true });
}

/** Whether process `pid` exists (EPERM: it does, as another user's). */
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function removeLeftoverChromiumPolicies(): void {
  const dir = chromiumPolicyDir();
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const writer = CHROMIUM_POLICY_FILE.exec(name)?.[1];
    if (writer && !isRunning(Number(writer))) rmSync(path.join(dir, name), { force: true });
  }
}

/** `<Firefox installation>/distribution/policies.json` (Debian: /usr/lib/firefox-esr/distribution/). */
function firefoxPoliciesFile(): string {
  return path.join(path.dirname(realpathSync(firefoxPath())), 'distribution', 'policies.json');
}

/**
 * The harness's own: policies for DeskLink's add-on id and nothing else (its install and its
 * `3rdparty` values). A policies.json with anything more belongs to someone else.
 */
function isHarnessPolicies(file: string): boolean {
  try {
    const { policies } = JSON.parse(readFileSync(file, 'utf8')) as { policies?: Record<string, Record<string, unknown>> };
    if (!policies) return false;
    const onlyDeskLink = (entries: Record<string, unknown> | undefined) => !entries || Object.keys(entries).every((id) => id === GECKO_ID);
    return (
      Object.keys(policies).every((name) => name === '3rdparty' || name === 'ExtensionSettings') &&
      onlyDeskLink(policies['3rdparty']?.Extensions as Record<string, unknown> | undefined) &&
      onlyDeskLink(policies.ExtensionSettings)
    );
  } catch {
    return false;
  }
}

/** Firefox on Linux reads this one instead of the distribution folder's when it exists. */
const FIREFOX_SYSTEM_POLICIES = '/etc/firefox/policies/policies.json';

/** Writes Firefox's policies.json; refuses to replace one that is not the harness's. */
export function writeFirefoxPolicies(policies: Record<string, unknown>): void {
  if (existsSync(FIREFOX_SYSTEM_POLICIES)) {
    throw new Error(
      `${FIREFOX_SYSTEM_POLICIES} exists and takes precedence over the distribution folder: remove it to run the Firefox policy specs`,
    );
  }
  const file = firefoxPoliciesFile();
  if (existsSync(file) && !isHarnessPolicies(file)) {
    throw new Error(`${file} exists and is not the test harness's: the Firefox policy specs will not replace it`);
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ policies }, null, 2));
  } catch (error) {
    throw new Error(`Cannot write ${file}: the policy specs run as root, as CI does`, { cause: error });
  }
}

export function removeFirefoxPolicies(): void {
  const file = firefoxPoliciesFile();
  if (existsSync(file) && isHarnessPolicies(file)) rmSync(file);
}

/** What a crashed run may have left: the harness's policy files in both browsers. */
export function removeLeftoverPolicies(): void {
  removeLeftoverChromiumPolicies();
  removeFirefoxPolicies();
}
