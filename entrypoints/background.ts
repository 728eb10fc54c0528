/**
 * The broker's wiring: the message listener is registered synchronously at start, so the message
 * that woke the worker is handled. Logic lives in lib/background/broker.
 */
import { browser } from 'wxt/browser';
import { handleMessage } from '@/lib/background/broker/dispatch';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    // sendResponse + `return true`: works with Chrome, Firefox, the polyfill and the test fake.
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
});
