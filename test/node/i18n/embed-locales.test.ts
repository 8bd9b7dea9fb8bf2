/**
 * The script tag's catalogues on real pages: its first-paint files carry English only, and
 * each other language is a chunk `embed/locales/<lang>-<hash>.js` beside slotkit.iife.js
 * (resolved against the script's URL, not the page's), under `script-src 'self'` with Trusted
 * Types enforced; an English page fetches none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { LOCALES } from '../../../src/i18n/locales.ts';
import {
  buildEmbed,
  heading,
  launchBrowser,
  startApi,
  startSite,
  expectSoon,
  partsAlert,
  scriptsLoaded,
  visit,
  widgetIn,
  type Api,
  type Site,
} from '../../e2e/embed-harness.ts';

/** The locale files the page has fetched so far, as paths (including any before `visit` saw it). */
async function localeFiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/locales/')),
  );
}

describe('locale files of the script-tag build', () => {
  let browser: Browser | undefined;
  let api: Api | undefined;
  let site: Site | undefined;
  let bundle: Map<string, string | Uint8Array>;
  const url = (page: string) => `${site!.origin}/${page}`;

  /** A barber's page with the snippet at `src`, under a strict CSP given as a meta tag. */
  function page(options: { src: string; lang?: string; dataLocale?: string }): string {
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src 'self' ${api!.origin}`,
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>Hill Valley Barbers</title>
  </head>
  <body>
    <div id="booking"></div>
    <script
      src="${options.src}"
      data-app-key="widget_test_barber"
      data-project-id="proj_barber"
      data-base-url="${api!.origin}/v2"
      ${options.dataLocale ? `data-locale="${options.dataLocale}"` : ''}
      data-target="#booking"
    ></script>
  </body>
</html>`;
  }

  before(async () => {
    const [built, startedApi, launched] = await Promise.all([
      buildEmbed(),
      startApi(),
      launchBrowser(),
    ]);
    bundle = built;
    api = startedApi;
    browser = launched;
    // The bundle and its locales as a CDN serves them, under a versioned sub-path.
    const served = new Map(bundle);
    for (const [name, file] of bundle) served.set(`cdn/v1/${name}`, file);
    // A copy deployed without its locales, and one without anything but the script itself.
    for (const [name, file] of bundle) {
      if (!name.includes('/locales/')) served.set(`bare/${name}`, file);
    }
    served.set('alone/slotkit.iife.js', bundle.get('slotkit.iife.js')!);
    // The page's language, not data-locale: <slotkit-widget> takes its words from its own
    // `locale` or `lang` and ignores `config.locale`, which is where data-locale ends up.
    served.set('de.html', page({ src: '/cdn/v1/slotkit.iife.js', lang: 'de-AT' }));
    served.set('en.html', page({ src: '/cdn/v1/slotkit.iife.js' }));
    served.set('ar.html', page({ src: '/slotkit.iife.js', lang: 'ar-EG' }));
    served.set('missing.html', page({ src: '/bare/slotkit.iife.js', lang: 'fr' }));
    served.set('alone.html', page({ src: '/alone/slotkit.iife.js' }));
    site = await startSite({ bundle: served, apiOrigin: api.origin });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  test('the build emits one chunk per locale; English: the first step in the script, the rest with its element', () => {
    const names = [...bundle.keys()];
    for (const lang of LOCALES.filter((locale) => locale !== 'en')) {
      const name = names.find((file) =>
        new RegExp(`^embed/locales/${lang}-[\\w-]+\\.js$`).test(file),
      );
      const file = String(bundle.get(name ?? '') ?? '');
      assert.ok(file.length > 1000, `no embed/locales/${lang}-*.js`);
      // It imports nothing: the helpers it shares (plurals) come from the script's exports.
      assert.doesNotMatch(
        file,
        /(^|[;}\n])\s*import\s*[{*"'\w]/,
        `${lang} has an import statement`,
      );
      assert.match(
        file,
        /\[new URL\([`"]\.\.\/\.\.\/slotkit\.iife\.js[`"],import\.meta\.url\)\.href\]/,
      );
    }
    const script = String(bundle.get('slotkit.iife.js'));
    assert.match(script, /Choose a time/);
    // The countdown's and the form's English come with their elements, not in the first paint.
    assert.ok(!script.includes('Held for you for'), 'the script inlines the countdown strings');
    const countdown = names.find((file) => /^embed\/countdown-[\w-]+\.js$/.test(file));
    assert.match(String(bundle.get(countdown ?? '')), /Held for you for/);
    for (const foreign of ['Für Sie reserviert', 'Réservé pour vous', 'محجوز لك']) {
      assert.ok(!script.includes(foreign), `the script inlines "${foreign}"`);
    }
  });

  test('a German page imports locales/de.js from beside the bundle, not the page', async () => {
    await visit(browser!, url('de.html'), { screenshot: 'locale-de' }, async ({ page: tab }) => {
      const widget = await widgetIn(tab, '#booking');
      await heading(widget).filter({ hasText: 'Termin wählen' }).waitFor();
      await widget
        .locator('slotkit-slot-picker [part="timezone-label"]')
        .filter({ hasText: 'Zeitzone' })
        .waitFor();
      const files = await localeFiles(tab);
      assert.equal(files.length, 1, files.join(', '));
      assert.match(files[0]!, /^\/cdn\/v1\/embed\/locales\/de-[\w-]+\.js$/);
      assert.equal(await widget.locator('section.widget').getAttribute('dir'), 'ltr');
    });
  });

  test('an English page fetches no locale file at all', async () => {
    await visit(browser!, url('en.html'), { screenshot: 'locale-en' }, async ({ page: tab }) => {
      const widget = await widgetIn(tab, '#booking');
      await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
      await tab.waitForTimeout(300);
      assert.deepEqual(await localeFiles(tab), []);
    });
  });

  test('<html lang="ar-EG"> gives the widget in Arabic, right to left', async () => {
    await visit(browser!, url('ar.html'), { screenshot: 'locale-ar' }, async ({ page: tab }) => {
      const widget = await widgetIn(tab, '#booking');
      await heading(widget).filter({ hasText: 'اختر موعدًا' }).waitFor();
      assert.equal(await widget.locator('section.widget').getAttribute('dir'), 'rtl');
      const files = await localeFiles(tab);
      assert.equal(files.length, 1, files.join(', '));
      assert.match(files[0]!, /^\/embed\/locales\/ar-[\w-]+\.js$/);
    });
  });

  test('a missing locale file leaves English and says so once', async () => {
    await visit(browser!, url('missing.html'), { screenshot: 'locale-missing' }, async (opened) => {
      const widget = await widgetIn(opened.page, '#booking');
      await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
      await opened.page.waitForTimeout(300);
      const errors = opened.problems.filter((problem) => problem.kind === 'console.error');
      assert.equal(errors.length, opened.problems.length, JSON.stringify(opened.problems));
      // The failed fetch itself, then slotkit's one line about it.
      const ours = errors.filter((problem) => problem.text.includes('slotkit: could not load'));
      assert.equal(ours.length, 1, JSON.stringify(errors));
      assert.match(ours[0]!.text, /"fr"/);
      opened.problems.length = 0;
    });
  });

  test('a copy without embed/ beside it says so, on the page and in the console', async () => {
    await visit(browser!, url('alone.html'), { screenshot: 'files-missing' }, async (opened) => {
      const widget = await widgetIn(opened.page, '#booking');
      await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
      await partsAlert(widget);
      // The later parts are fetched (and missing too) while the visitor would choose.
      await expectSoon(async () => {
        const loaded = await scriptsLoaded(opened.page);
        return ['after-booking', 'countdown', 'customer-form'].every((name) =>
          loaded.includes(name),
        );
      });
      await opened.page.waitForTimeout(100);
      const errors = opened.problems.filter((problem) => problem.kind === 'console.error');
      assert.equal(errors.length, opened.problems.length, JSON.stringify(opened.problems));
      const ours = errors.filter((problem) => problem.text.startsWith('slotkit: could not load'));
      assert.equal(ours.length, 1, JSON.stringify(errors));
      assert.match(ours[0]!.text, /<slotkit-slot-picker>/);
      opened.problems.length = 0;
    });
  });
});
