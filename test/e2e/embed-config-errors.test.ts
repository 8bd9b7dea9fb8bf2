import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedSuite, visit, widgetIn, type TestPage } from './embed-harness.ts';

/**
 * The built script tag with a mistake in its `data-*` attributes: the site owner sees an inline
 * message naming the attribute and what it accepts, and the console holds exactly one error,
 * never nothing at all and never an exception.
 */
describe('configuration mistakes in the script tag', () => {
  const suite = embedSuite();
  const { url } = suite;

  /** Adds `<script src=slotkit.iife.js data-...>` into #booking's parent, as a page would. */
  async function addScriptTag(page: TestPage['page'], data: Record<string, string>) {
    await page.evaluate((attributes) => {
      const script = document.createElement('script');
      script.src = '/slotkit.iife.js';
      for (const [key, value] of Object.entries(attributes)) script.dataset[key] = value;
      document.body.append(script);
    }, data);
  }

  /** The inline message's text, and the console errors, which are then expected (not failures). */
  async function mistake(
    name: string,
    data: Record<string, string>,
  ): Promise<{ message: string; errors: string[] }> {
    let result = { message: '', errors: [] as string[] };
    await visit(
      suite.browser!,
      url('blank.html'),
      { screenshot: `config-error-${name}` },
      async (tab) => {
        await addScriptTag(tab.page, {
          baseUrl: `${suite.api!.origin}/v2`,
          target: '#booking',
          ...data,
        });
        const widget = await widgetIn(tab.page, '#booking');
        const alert = widget.locator('[part="config-error"][role="alert"]');
        await alert.waitFor();
        // Long enough for a second, late error (a fetch that should not have started) to show up.
        await tab.page.waitForTimeout(300);
        result = {
          message: (await alert.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
          errors: tab.problems.map((problem) => `${problem.kind}: ${problem.text}`),
        };
        tab.problems.length = 0;
      },
    );
    return result;
  }

  test('no data-app-key: the inline message names app-key, and one console.error', async () => {
    const { message, errors } = await mistake('no-app-key', { projectId: 'proj_barber' });
    assert.match(message, /app-key is required/);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^console\.error: .*app-key/);
  });

  test('data-theme="purple": the message names theme and its accepted values', async () => {
    const { message, errors } = await mistake('theme', {
      appKey: 'widget_test_barber',
      projectId: 'proj_barber',
      theme: 'purple',
    });
    assert.match(message, /theme "purple" is not a theme; use light or dark/);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /theme "purple"/);
  });

  test('data-brand-color="orange": the message names brand-color and the accepted form', async () => {
    const { message, errors } = await mistake('brand-color', {
      appKey: 'widget_test_barber',
      projectId: 'proj_barber',
      brandColor: 'orange',
    });
    assert.match(message, /brand-color "orange" is not a colour; use a hex colour like #1d4ed8/);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /brand-color "orange"/);
  });

  test('every mistake at once: one message lists them all, one console.error', async () => {
    const { message, errors } = await mistake('all', {
      projectId: 'proj_barber',
      theme: 'purple',
      brandColor: 'orange',
    });
    for (const setting of ['app-key', 'theme', 'brand-color'])
      assert.match(message, new RegExp(setting));
    assert.equal(errors.length, 1, errors.join('\n'));
  });
});
