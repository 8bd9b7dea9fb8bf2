import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  buildEmbed,
  heading,
  launchBrowser,
  listBookings,
  pickFirstSlot,
  startApi,
  startSite,
  visit,
  widgetIn,
  type Api,
  type Site,
} from './embed-harness.ts';

/**
 * Issue 16's host integration through dist/slotkit.iife.js: `data-prefill-email` fills the form
 * and the page's `?utm_source=` (and a named parameter) reach the booking as `custom_data`.
 */
describe('the script tag: prefill and forwarded parameters', () => {
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
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });
  beforeEach(() => api!.reset());

  test('a newsletter link books with the prefilled email; the owner sees utm_source', async () => {
    const page = `${site!.origin}/prefill.html?utm_source=newsletter&ref=p7&fbclid=nope`;
    await visit(browser!, page, { screenshot: 'prefill-utm' }, async ({ page }) => {
      const widget = await widgetIn(page, '#booking');
      await pickFirstSlot(widget);
      await heading(widget).filter({ hasText: 'Your details' }).waitFor();
      const form = widget.locator('slotkit-customer-form');
      const email = form.locator('[name="email"]');
      assert.equal(await email.inputValue(), 'reader@example.test');
      await form.locator('[name="name"]').fill('Jennifer Parker');
      await form.locator('[part~="submit"]').click();
      await widget.locator('[part="result"]').waitFor();
    });
    const bookings = await listBookings(api!);
    const booked = bookings.find((booking) => booking.customers?.[0]?.name === 'Jennifer Parker');
    assert.ok(booked, 'the booking exists');
    assert.equal(booked.customers[0].email, 'reader@example.test');
    assert.equal(booked.custom_data?.utm_source, 'newsletter');
    assert.deepEqual(booked.custom_data, { utm_source: 'newsletter', ref: 'p7' });
  });
});
