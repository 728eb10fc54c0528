/**
 * The one HTML shell the sandbox serves for every /crm/... path, like a single-page app. Its
 * script renders from location.pathname: it requests the record as the real app does
 * (GET /crm/v2.2/<Module>/<id>), fetches the content markup, and only after the render delay
 * REPLACES the content container (a new element), so the previous record's DOM lingers.
 * Links and previous/next arrows switch records with history.pushState; back/forward re-render
 * on popstate. Fields marked lazy render only once scrolled into view. Single-key hotkeys are recorded in window.__crmHotkeys and
 * documentElement.dataset.crmHotkeys.
 */
import { CRM_ORG } from '../fixtures';
import { escapeHtml } from './record-markup';
import { CUSTOM_VIEW_ID, MODULE_LABELS } from './routes';
import type { CrmModule } from '../generate/model';

/** Resets a hostile host page applies to everything, the panel's host element included. */
export const HOSTILE_CSS = `
*, *::before, *::after { all: unset !important; }
head, script, style, title, template { display: none !important; }
html { font-size: 10px !important; line-height: 3 !important; }
div { color: red !important; border: 3px solid lime !important; }
section, aside, [role] { display: inline !important; position: static !important; }
button, input, table { font: italic 24px serif !important; letter-spacing: 4px !important; }
`;

const BASE_CSS = `
body { margin: 0; font: 14px/1.4 "Lato", "Segoe UI", sans-serif; color: #313949; background: #f4f6f9; }
#crmNextGenTopMenu { display: flex; align-items: center; gap: 24px; height: 48px; padding: 0 16px; background: #1c2637; color: #fff; }
#crmNextGenTopMenu a { color: #c8d1e0; text-decoration: none; }
.crmTopNav, .dv_tabs { display: flex; gap: 16px; }
.dv_tabActive { font-weight: bold; border-bottom: 2px solid #1a73e8; }
[data-zcqa="appTopMenuTitle"] { font-weight: bold; font-size: 16px; }
#crmContent { height: calc(100vh - 48px); }
.dv_header { display: flex; align-items: center; gap: 12px; height: 56px; padding: 0 16px; background: #fff; border-bottom: 1px solid #e0e4ea; }
.dv_title { font-size: 18px; font-weight: bold; }
.dv_actions { margin-left: auto; display: flex; gap: 8px; }
lyte-tab-body.dv_content_tab_body { display: block; overflow: auto; height: calc(100vh - 105px); }
.dv_layout { display: flex; align-items: flex-start; }
.dv_leftRail { width: 190px; list-style: none; margin: 0; padding: 12px; position: sticky; top: 0; }
.dv_leftLi { padding: 6px 8px; cursor: pointer; }
.dv_main { flex: 1; padding: 16px; min-width: 0; }
.dv_overview, .dv_relatedSection { background: #fff; border: 1px solid #e0e4ea; border-radius: 4px; padding: 12px 16px; margin-bottom: 16px; }
.dv_relatedSection { min-height: 140px; }
.dv_fieldRow { display: flex; padding: 4px 0; }
.dv_fieldLabel { width: 180px; color: #6b7485; }
.lv_table { display: table; width: 100%; background: #fff; }
lyte-thead, lyte-tbody { display: table-row-group; } lyte-tr { display: table-row; } lyte-th, lyte-td { display: table-cell; padding: 6px 12px; border-bottom: 1px solid #eee; }
.crmLoading { padding: 32px; color: #8a94a6; }
.dv_tallBlock { height: 1400px; }
`;

const CLIENT = String.raw`
(function () {
  var cfg = window.__sandboxCrm;
  var seq = 0;
  var RESERVED = ['create', 'custom-view'];
  window.__crmHotkeys = [];

  function setting(name, fallback) {
    var key = 'desklinkSandbox.' + name;
    var fromUrl = new URLSearchParams(location.search).get(name);
    try {
      if (fromUrl !== null) { sessionStorage.setItem(key, fromUrl); return fromUrl; }
      var kept = sessionStorage.getItem(key);
      return kept !== null ? kept : fallback;
    } catch (e) { return fromUrl !== null ? fromUrl : fallback; }
  }

  async function render() {
    var mine = ++seq;
    var started = performance.now();
    var delay = Number(setting('renderDelay', String(cfg.renderDelayMs)));
    if (!(delay >= 0)) delay = cfg.renderDelayMs;
    var variant = setting('variant', 'nextgen');
    var html = '';
    try {
      var m = /^\/crm\/[^/]+\/tab\/([^/]+)\/([^/]+)\/?$/.exec(location.pathname);
      var ok = true;
      if (m && RESERVED.indexOf(m[2]) < 0) {
        // The record request the real app makes; an unknown id (or "list") 404s and the page stays blank.
        var rec = await fetch('/crm/v2.2/' + m[1] + '/' + m[2], { headers: { 'X-CRM-ORG': cfg.zgid }, credentials: 'include' });
        ok = rec.ok;
        if (ok) await rec.json();
      }
      if (ok) {
        var res = await fetch('/crm/__markup?path=' + encodeURIComponent(location.pathname) + '&search=' + encodeURIComponent(location.search) + '&variant=' + encodeURIComponent(variant));
        if (res.ok) html = await res.text();
      }
    } catch (e) { html = ''; }
    var wait = started + delay - performance.now();
    if (wait > 0) await new Promise(function (r) { setTimeout(r, wait); });
    if (mine !== seq) return; // a newer switch owns the page
    var old = document.getElementById('crmContent');
    var fresh = document.createElement('div');
    fresh.id = 'crmContent';
    fresh.innerHTML = html;
    old.replaceWith(fresh);
    var pageRoot = fresh.querySelector('.cxPage');
    document.querySelector('[data-zcqa="appTopMenuTitle"]').textContent = pageRoot ? pageRoot.getAttribute('data-module-label') : 'Zoho CRM';
    document.title = pageRoot ? pageRoot.getAttribute('data-doc-title') : 'Zoho CRM';
    document.documentElement.setAttribute('data-crm-rendered', location.pathname);
    renderWhenSeen(fresh);
  }

  // Fields CRM renders only once scrolled into view: an empty value until then.
  function renderWhenSeen(root) {
    var fields = root.querySelectorAll('.cxLazyField');
    if (!fields.length) return;
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        var field = entry.target;
        seen.unobserve(field);
        var template = field.querySelector('template');
        if (template) field.replaceChildren(template.content.cloneNode(true));
        field.classList.remove('cxLazyField');
      });
    });
    fields.forEach(function (field) { seen.observe(field); });
  }

  function navigate(href) {
    history.pushState({ crm: true }, '', href);
    render();
  }
  window.__sandboxNavigate = navigate;

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest('a[href^="/crm/"]') : null;
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  // CRM's single-key shortcuts (c = create, e = edit, / = search, ...): typing anywhere that is
  // not one of the page's own fields triggers them.
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !event.key || event.key.length !== 1) return;
    var t = event.target;
    if (t && t.closest && t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    window.__crmHotkeys.push(event.key);
    document.documentElement.dataset.crmHotkeys = String(window.__crmHotkeys.length);
  });

  render();
})();
`;

export function shellHtml(options: { renderDelayMs: number; hostileCss: boolean }): string {
  const nav = (Object.keys(MODULE_LABELS) as CrmModule[])
    .map(
      (m) =>
        `<a href="/crm/${CRM_ORG}/tab/${m}/custom-view/${CUSTOM_VIEW_ID[m]}/list?page=1&amp;per_page=10">${escapeHtml(MODULE_LABELS[m].plural)}</a>`,
    )
    .join('');
  const zgid = CRM_ORG.replace(/^org/, '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Zoho CRM</title>
<style>${BASE_CSS}</style>
${options.hostileCss ? `<style id="hostileCss">${HOSTILE_CSS}</style>` : ''}
<script>window.__sandboxCrm = ${JSON.stringify({ renderDelayMs: options.renderDelayMs, zgid })}; window.crmZgid = ${JSON.stringify(zgid)};</script>
</head>
<body>
<div id="crmNextGenTopMenu"><div class="flexAlignCenter"><span data-zcqa="appTopMenuTitle">Zoho CRM</span></div><nav class="crmTopNav"><a href="/crm/${CRM_ORG}/tab/Home">Home</a>${nav}</nav></div>
<input type="hidden" id="dreZuId" value="763298601">
<div id="crmContent"><div class="crmLoading">Loading...</div></div>
<div id="chatBarIconList"></div>
<script>${CLIENT}</script>
</body>
</html>`;
}
