/**
 * Screenshots of the script-tag widget in each theme, at a phone's and a desktop's width, for a
 * person to look at: test-results/themes/<state>-<theme>-<width>.png (not committed). Each page
 * also fails on console errors and on sideways scrolling. The assertions about contrast, target
 * sizes and overflow per element live in test/browser/themes.test.ts.
 * Run: node --import tsx --test test/e2e/themes.screenshots.test.ts
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { accentTokens } from '../../src/components/shared/contrast.ts';
import {
  KEYS,
  ROOT,
  buildEmbed,
  heading,
  launchBrowser,
  startApi,
  startSite,
  widgetIn,
  type Api,
  type Site,
} from './embed-harness.ts';

const OUT = join(ROOT, 'test-results/themes');
const BRAND = '#b45309';

interface Theme {
  name: string;
  colorScheme: 'light' | 'dark';
  forcedColors?: 'active';
  /** Custom properties the host page sets on the widget's container. */
  tokens?: Record<string, string>;
}

const THEMES: Theme[] = [
  { name: 'light', colorScheme: 'light' },
  { name: 'dark', colorScheme: 'dark' },
  { name: 'brand', colorScheme: 'light', tokens: { ...accentTokens(BRAND) } },
  { name: 'brand-dark', colorScheme: 'dark', tokens: { ...accentTokens(BRAND) } },
  { name: 'forced-colors', colorScheme: 'light', forcedColors: 'active' },
];
const WIDTHS = [320, 1280];

interface State {
  name: string;
  appKey: string;
  projectId: string;
  /** Brings the widget to the state to photograph. */
  reach(widget: Locator): Promise<void>;
}

async function chooseDay(widget: Locator): Promise<Locator> {
  await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
  const picker = widget.locator('slotkit-slot-picker');
  await picker.locator('[role="grid"] td[aria-disabled="false"]').first().click();
  await picker.locator('[role="listbox"] [role="option"]').first().waitFor();
  return picker;
}

const STATES: State[] = [
  {
    name: 'times',
    appKey: KEYS.barber,
    projectId: 'proj_barber',
    reach: async (widget) => {
      const picker = await chooseDay(widget);
      // A selected time in the list: hover the second so both states show.
      await picker.locator('[role="listbox"] [role="option"]').nth(1).hover();
    },
  },
  {
    name: 'details',
    appKey: KEYS.barber,
    projectId: 'proj_barber',
    reach: async (widget) => {
      const picker = await chooseDay(widget);
      await picker.locator('[role="listbox"] [role="option"]').first().click();
      await heading(widget).filter({ hasText: 'Your details' }).waitFor();
      await widget.locator('slotkit-countdown [part~="timer"]').waitFor();
      // Submitting empty shows the errors, in the danger colour.
      await widget.locator('slotkit-customer-form [part~="submit"]').click();
      await widget.locator('slotkit-customer-form [part~="error"]').first().waitFor();
    },
  },
  {
    name: 'classes',
    appKey: KEYS.yoga,
    projectId: 'proj_yoga',
    reach: async (widget) => {
      await heading(widget).filter({ hasText: 'Choose a class' }).waitFor();
      await widget.locator('slotkit-class-list [part~="book-button"]').first().waitFor();
    },
  },
];

describe('the widget in every theme (screenshots in test-results/themes)', () => {
  let browser: Browser | undefined;
  let api: Api | undefined;
  let site: Site | undefined;

  before(async () => {
    const [bundle, startedApi, launched] = await Promise.all([
      buildEmbed(),
      startApi(),
      launchBrowser(),
    ]);
    api = startedApi;
    browser = launched;
    site = await startSite({ bundle, apiOrigin: api.origin });
    mkdirSync(OUT, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });
  beforeEach(() => api!.reset());

  // One page per state and width, photographed in every theme: the colour scheme, forced colours
  // and the host's tokens all apply live, so a fresh load per theme would only add minutes.
  for (const state of STATES) {
    for (const width of WIDTHS) {
      test(`${state.name} at ${width}px`, async (t) => {
        const context = await browser!.newContext({
          locale: 'en-US',
          timezoneId: 'America/New_York',
          viewport: { width, height: 900 },
          // Skeletons hold still: what is photographed is what was asserted.
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') {
            problems.push(`${message.type()}: ${message.text()}`);
          }
        });
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        try {
          await page.goto(`${site!.origin}/blank.html`);
          await mountWithScriptTag(page, state, `${api!.origin}/v2`);
          const widget = await widgetIn(page, '#booking');
          await state.reach(widget);
          for (const theme of THEMES) {
            // Forced colours once, at the phone width: the system palette does not change with width.
            if (theme.forcedColors && width !== 320) continue;
            await t.test(theme.name, async () => {
              await applyTheme(page, theme);
              const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
              // As tall as the page, rather than fullPage: content-visibility: auto leaves what is
              // below the viewport unpainted in a full-page capture.
              const height = await page.evaluate(() => document.documentElement.scrollHeight);
              await page.setViewportSize({ width, height: Math.max(900, height) });
              await page.screenshot({
                path: join(OUT, `${state.name}-${theme.name}-${width}.png`),
              });
              await page.setViewportSize({ width, height: 900 });
              assert.ok(
                scrollWidth <= width,
                `the page scrolls sideways: ${scrollWidth} > ${width}`,
              );
              assert.deepEqual(problems, []);
            });
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});

/** The visitor's colour preferences and the host page's tokens, applied to the open page. */
async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({
    colorScheme: theme.colorScheme,
    forcedColors: theme.forcedColors ?? 'none',
  });
  await page.evaluate((tokens) => {
    const target = document.querySelector<HTMLElement>('#booking')!;
    target.removeAttribute('style');
    for (const [name, value] of Object.entries(tokens)) target.style.setProperty(name, value);
    // Two frames: the new styles are computed and painted before the photograph.
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, theme.tokens ?? {});
}

/** The site's snippet: a script tag with data attributes. */
async function mountWithScriptTag(page: Page, state: State, baseUrl: string): Promise<void> {
  await page.evaluate(
    ({ appKey, projectId, baseUrl }) => {
      // The page's own colours follow the same preference, as a site with a dark mode would.
      document.documentElement.style.colorScheme = 'light dark';
      const script = document.createElement('script');
      script.src = '/slotkit.iife.js';
      Object.assign(script.dataset, { appKey, projectId, baseUrl, target: '#booking' });
      document.head.append(script);
    },
    {
      appKey: state.appKey,
      projectId: state.projectId,
      baseUrl,
    },
  );
}
