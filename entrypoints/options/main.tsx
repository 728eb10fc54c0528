// Wiring only: the options UI (components/options) talks to the broker through admin messages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { AdminSend } from '../../lib/options/admin-send';
import { browserLanguage } from '../../lib/shared/i18n';
import { watchSettings } from '../../lib/shared/settings-watch';
import '../../components/options/options.css';

const send = ((request) => browser.runtime.sendMessage(request)) as AdminSend;

render(
  <OptionsApp
    send={send}
    subscribe={watchSettings}
    initialLanguage={browserLanguage(browser.i18n.getUILanguage())}
    // The redirect URI to register for `Sign in with Zoho` (needs the identity permission).
    redirectUri={browser.identity?.getRedirectURL() ?? null}
  />,
  document.getElementById('app')!,
);
