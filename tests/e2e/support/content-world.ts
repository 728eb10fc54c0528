/**
 * DeskLink's own content-script world in a CRM tab (Chromium, through the DevTools protocol):
 * messages sent from it carry the tab as their sender, as a compromised or confused content
 * script would send them.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Response } from '../../../lib/shared/protocol';

export interface ContentWorld {
  send: (message: unknown) => Promise<Response<unknown>>;
  cdp: CDPSession;
}

/** DeskLink's content-script world in the page's top frame (reached through the DevTools protocol). */
export async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours = () =>
    contexts.find(
      (c) =>
        c.origin === `chrome-extension://${extensionId}` && c.auxData?.isDefault === false && c.auxData?.frameId === frameTree.frame.id,
    );
  await expect.poll(() => ours()?.id, { message: 'DeskLink content script world' }).toBeDefined();
  const send = async (message: unknown) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      contextId: ours()!.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as Response<unknown>;
  };
  return { send, cdp };
}
