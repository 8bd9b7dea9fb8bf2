import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  detectTimeZone,
  formatLongDate,
  formatRange,
  formatTimeOfDay,
  supportedTimeZones,
  zoneName,
} from '../../../src/lib/time/format.ts';
import { countIntlBuilds } from './intl-builds.ts';

/**
 * What the slot picker and the after-booking step show, formatted in node (the browser tests
 * cover the components; these pin the texts themselves, which mutation testing found untested
 * in node: docs/testing.md). en-GB and de-DE only: their output has no narrow no-break spaces.
 */

const CPH = 'Europe/Copenhagen';
// Friday 27 November 2026, 08:30 UTC: 09:30 in Copenhagen, 03:30 in New York.
const AT = Date.parse('2026-11-27T08:30:00Z');

describe('formatting instants for people', () => {
  it('writes the time of day in the chosen zone and locale', () => {
    assert.equal(formatTimeOfDay(AT, CPH, 'en-GB'), '09:30');
    assert.equal(formatTimeOfDay(AT, 'America/New_York', 'en-GB'), '03:30');
    assert.equal(formatTimeOfDay(AT, 'Asia/Kathmandu', 'de-DE'), '14:15');
  });

  it('writes the long date, which can differ by zone', () => {
    assert.equal(formatLongDate(AT, CPH, 'en-GB'), 'Friday, 27 November 2026');
    assert.equal(formatLongDate(AT, CPH, 'de-DE'), 'Freitag, 27. November 2026');
    // Already Saturday east of the date line (UTC+14).
    assert.equal(
      formatLongDate(Date.parse('2026-11-27T12:00:00Z'), 'Pacific/Kiritimati', 'en-GB'),
      'Saturday, 28 November 2026',
    );
  });

  it('writes a range with the weekday, day, month and both times', () => {
    assert.equal(formatRange(AT, AT + 3_600_000, CPH, 'en-GB'), 'Fri 27 Nov, 09:30–10:30');
    assert.equal(
      formatRange(AT, AT + 3_600_000, 'America/New_York', 'en-GB'),
      'Fri 27 Nov, 03:30–04:30',
    );
  });

  it('keeps one formatter per locale, zone and options: each call answers for its own', () => {
    // Interleaved, so a formatter cached for one combination is never reused for another.
    assert.equal(formatTimeOfDay(AT, CPH, 'en-GB'), '09:30');
    assert.equal(formatTimeOfDay(AT, 'UTC', 'en-GB'), '08:30');
    assert.equal(formatLongDate(AT, 'UTC', 'en-GB'), 'Friday, 27 November 2026');
    assert.equal(formatTimeOfDay(AT, CPH, 'en-GB'), '09:30');
    assert.equal(formatLongDate(AT, CPH, 'de-DE'), 'Freitag, 27. November 2026');
    assert.equal(formatLongDate(AT, CPH, 'en-GB'), 'Friday, 27 November 2026');
  });

  it('builds each formatter once, however many slots a list shows', () => {
    let times: string[] = [];
    const built = countIntlBuilds(() => {
      // A locale no other test here uses, so its formatter is not built yet.
      times = [0, 1, 2, 3].map((hour) => formatTimeOfDay(AT + hour * 3_600_000, CPH, 'en-IE'));
    });
    assert.deepEqual(times, ['09:30', '10:30', '11:30', '12:30']);
    assert.equal(built, 1);
  });
});

describe('time zones', () => {
  it("names a zone as people read it, for the instant's season", () => {
    assert.equal(zoneName(CPH, 'en-GB', AT), 'Central European Standard Time');
    assert.equal(
      zoneName(CPH, 'en-GB', Date.parse('2026-07-01T12:00:00Z')),
      'Central European Summer Time',
    );
  });

  it("detects the machine's zone", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      assert.equal(detectTimeZone(), 'America/Los_Angeles');
      process.env.TZ = 'Asia/Tokyo';
      assert.equal(detectTimeZone(), 'Asia/Tokyo');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lists every zone the runtime knows, UTC first and once', () => {
    const zones = supportedTimeZones();
    assert.equal(zones[0], 'UTC');
    assert.equal(zones.filter((zone) => zone === 'UTC').length, 1);
    for (const zone of [CPH, 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      assert.ok(zones.includes(zone), zone);
    }
    assert.equal(zones.length, Intl.supportedValuesOf('timeZone').length + 1);
  });

  it('where the runtime lists UTC itself (as Firefox does), UTC is still first and once', (t) => {
    t.mock.method(Intl, 'supportedValuesOf', () => ['Europe/Copenhagen', 'UTC', 'Asia/Tokyo']);
    assert.deepEqual(supportedTimeZones(), ['UTC', 'Europe/Copenhagen', 'Asia/Tokyo']);
  });

  it('a runtime without Intl.supportedValuesOf offers UTC alone', () => {
    const saved = Object.getOwnPropertyDescriptor(Intl, 'supportedValuesOf')!;
    Object.defineProperty(Intl, 'supportedValuesOf', { value: undefined, configurable: true });
    try {
      assert.deepEqual(supportedTimeZones(), ['UTC']);
    } finally {
      Object.defineProperty(Intl, 'supportedValuesOf', saved);
    }
  });

  it('a runtime that cannot name its own zone is taken to be in UTC', (t) => {
    t.mock.method(Intl.DateTimeFormat.prototype, 'resolvedOptions', () => ({ timeZone: '' }));
    assert.equal(detectTimeZone(), 'UTC');
  });
});
