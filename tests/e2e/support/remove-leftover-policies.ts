/**
 * Playwright's global setup and teardown: removes the policy files a crashed run of the policy
 * specs left (a Chromium policy for a pinned test id, Firefox's policies.json installing
 * DeskLink), so no later browser starts under them. Only the harness's own files go
 * (./policy-files.ts); without root there is nothing the harness could have written.
 */
import { removeLeftoverPolicies } from './policy-files';

export default function removeLeftovers(): void {
  try {
    removeLeftoverPolicies();
  } catch (error) {
    console.warn(`e2e: could not check for leftover policy files: ${error instanceof Error ? error.message : String(error)}`);
  }
}
