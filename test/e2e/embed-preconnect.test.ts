import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { embedSuite, visit, widgetIn, KEYS } from './embed-harness.ts';

/** The page's preconnect links: where each points and its crossorigin mode. */
const preconnects = (page: Page) =>
  page.$$eval('link[rel~="preconnect"]', (links) =>
    links.map((link) => ({
      href: (link as HTMLLinkElement).href,
      crossOrigin: (link as HTMLLinkElement).crossOrigin,
      inHead: link.parentElement === document.head,
    })),
  );

/**
 * The script tag opens the connection to a cross-origin booking API while it boots: one
 * `<link rel=preconnect crossorigin>` per API origin however many widgets or copies of the
 * script, none for an API on the page's own origin.
 */
describe('the script tag preconnects to the booking API', () => {
  const suite = embedSuite();
  const { url } = suite;

  test('two copies of the script on one API: one anonymous preconnect, in the head', async () => {
    await visit(
      suite.browser!,
      url('two-widgets.html'),
      { screenshot: 'preconnect-two' },
      async ({ page }) => {
        await widgetIn(page, '#barber');
        await widgetIn(page, '#yoga');
        assert.deepEqual(await preconnects(page), [
          { href: `${suite.api!.origin}/`, crossOrigin: 'anonymous', inHead: true },
        ]);
      },
    );
  });

  test('init(): a cross-origin API once however often, a same-origin API never', async () => {
    await visit(
      suite.browser!,
      url('blank.html'),
      {
        screenshot: 'preconnect-init',
        // The same-origin widget's first calls, before its destroy() aborts them: answered here.
        prepare: (page) =>
          page.route(`${suite.site!.origin}/v2/**`, (route) => route.fulfill({ json: {} })),
      },
      async ({ page }) => {
        await page.addScriptTag({ url: '/slotkit.iife.js' });
        assert.deepEqual(await preconnects(page), [], 'a bare script tag connects nowhere');
        // A string, not a function: tsx's `__name` helpers do not exist in the page.
        const counts = (await page.evaluate(`(() => {
        const count = () => document.querySelectorAll('link[rel~="preconnect"]').length;
        const mount = (baseUrl) => {
          const host = document.body.appendChild(document.createElement('div'));
          SlotkitBooking.init({
            target: host, appKey: ${JSON.stringify(KEYS.barber)}, projectId: 'proj_barber', baseUrl,
          }).destroy();
        };
        mount(location.origin + '/v2');
        const sameOrigin = count();
        mount(${JSON.stringify(suite.api!.origin)} + '/v2');
        mount(${JSON.stringify(suite.api!.origin)} + '/v2/');
        return { sameOrigin, crossOrigin: count() };
      })()`)) as { sameOrigin: number; crossOrigin: number };
        assert.deepEqual(counts, { sameOrigin: 0, crossOrigin: 1 });
        assert.deepEqual(await preconnects(page), [
          { href: `${suite.api!.origin}/`, crossOrigin: 'anonymous', inHead: true },
        ]);
      },
    );
  });
});
