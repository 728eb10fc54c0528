// Wiring only: the options UI (components/options) talks to the broker through admin messages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createBrokerClient } from '../../lib/shared/broker-client';
import { browserLanguage } from '../../lib/shared/i18n';
import { watchSettings } from '../../lib/shared/settings-watch';
import '../../components/options/options.css';

// The same client as the content script's: envelope check, one retry while the worker restarts.
const send = createBrokerClient<'extension'>({ sendMessage: (message) => browser.runtime.sendMessage(message) });

render(
  <OptionsApp
    send={send}
    subscribe={watchSettings}
    initialLanguage={browserLanguage(browser.i18n.getUILanguage())}
    // The redirect URI to register for `Sign in with Zoho` (needs the identity permission).
    redirectUri={browser.identity?.getRedirectURL() ?? null}
    // Asked inside the admin's click: browsers prompt only for a user's own gesture.
    requestHostAccess={(origin) => browser.permissions.request({ origins: [origin] })}
  />,
  document.getElementById('app')!,
);
