import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
  heading,
  listBookings,
  pickFirstSlot,
  visit,
  widgetIn,
  embedSuite,
} from './embed-harness.ts';

/**
 * Issue 16's host integration through dist/slotkit.iife.js: `data-prefill-email` fills the form
 * and the page's `?utm_source=` (and a named parameter) reach the booking as `custom_data`.
 */
describe('the script tag: prefill and forwarded parameters', () => {
  const suite = embedSuite();
  beforeEach(() => suite.api!.reset());

  test('a newsletter link books with the prefilled email; the owner sees utm_source', async () => {
    const page = suite.url('prefill.html?utm_source=newsletter&ref=p7&fbclid=nope');
    await visit(suite.browser!, page, { screenshot: 'prefill-utm' }, async ({ page }) => {
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
    const bookings = await listBookings(suite.api!);
    const booked = bookings.find((booking) => booking.customers?.[0]?.name === 'Jennifer Parker');
    assert.ok(booked, 'the booking exists');
    assert.equal(booked.customers[0].email, 'reader@example.test');
    assert.equal(booked.custom_data?.utm_source, 'newsletter');
    assert.deepEqual(booked.custom_data, { utm_source: 'newsletter', ref: 'p7' });
  });
});
