/**
 * What changes the company CRM hosts in force: the browser granting or taking back an origin
 * (the options page's request, or the user in the browser's own extension settings), a policy
 * change, and the settings (the data centre, deactivation). Each brings the scripts in line.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../shared/settings-watch';

export function watchCrmHostChanges(reconcile: () => Promise<unknown>): void {
  const run = () => void reconcile().catch(() => undefined);
  browser.permissions.onAdded.addListener(run);
  browser.permissions.onRemoved.addListener(run);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) run();
  });
  // Registrations survive restarts, but the policy or a permission may have changed meanwhile.
  run();
}
