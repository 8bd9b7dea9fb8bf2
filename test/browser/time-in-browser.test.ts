/// <reference types="mocha" />
// The mock engine runs in the page (MSW), so its zone math must agree with Node's in Chromium's
// own Intl data. Known offsets: Copenhagen CET +1 / CEST +2, Los Angeles PST -8 / PDT -7.
import { expect } from '@open-wc/testing';
import {
  formatInstant,
  localDate,
  localTime,
  parseInstant,
  startOfLocalDay,
  wallTimeToInstant,
} from '../../src/lib/time/index.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('time zone math in Chromium', () => {
  const cases: [zone: string, date: string, time: string, utc: string][] = [
    // Europe switches at 01:00Z on the last Sunday of March and October.
    ['Europe/Copenhagen', '2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'],
    ['Europe/Copenhagen', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
    ['Europe/Copenhagen', '2026-10-24', '09:00', '2026-10-24T07:00:00.000Z'],
    ['Europe/Copenhagen', '2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
    // The US switches on the second Sunday of March and the first Sunday of November.
    ['America/Los_Angeles', '2026-03-07', '09:00', '2026-03-07T17:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '09:00', '2026-03-08T16:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01', '09:00', '2026-11-01T17:00:00.000Z'],
    // Southern hemisphere: Sydney leaves DST on 5 April 2026 and enters it on 4 October.
    ['Australia/Sydney', '2026-04-05', '09:00', '2026-04-04T23:00:00.000Z'],
    ['Australia/Sydney', '2026-10-04', '09:00', '2026-10-03T22:00:00.000Z'],
    // A half-hour zone with no DST.
    ['Asia/Kolkata', '2026-03-29', '09:00', '2026-03-29T03:30:00.000Z'],
  ];

  for (const [zone, date, time, utc] of cases) {
    it(`${zone} ${date} ${time} is ${utc}`, () => {
      const instant = wallTimeToInstant(date, time, zone);
      expect(iso(instant)).to.equal(utc);
      expect(localDate(instant, zone)).to.equal(date);
      expect(localTime(instant, zone)).to.equal(time);
    });
  }

  it('reads a wall time skipped by spring-forward with the offset from before the gap', () => {
    // Copenhagen jumps 02:00 -> 03:00, so 02:30 lands at 03:30 CEST.
    const instant = wallTimeToInstant('2026-03-29', '02:30', 'Europe/Copenhagen');
    expect(iso(instant)).to.equal('2026-03-29T01:30:00.000Z');
    expect(localTime(instant, 'Europe/Copenhagen')).to.equal('03:30');
    expect(iso(wallTimeToInstant('2026-03-08', '02:30', 'America/Los_Angeles'))).to.equal(
      '2026-03-08T10:30:00.000Z',
    );
  });

  it('takes the first of two occurrences of a wall time in the autumn overlap', () => {
    // 02:30 happens at +02:00 and again at +01:00; the earlier one is meant.
    expect(iso(wallTimeToInstant('2026-10-25', '02:30', 'Europe/Copenhagen'))).to.equal(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(wallTimeToInstant('2026-11-01', '01:30', 'America/Los_Angeles'))).to.equal(
      '2026-11-01T08:30:00.000Z',
    );
  });

  it('formats and parses instants with the offset in force on each side of a change', () => {
    const spring = Date.UTC(2026, 2, 29, 7);
    const autumn = Date.UTC(2026, 9, 25, 8);
    expect(formatInstant(spring, 'Europe/Copenhagen')).to.equal('2026-03-29T09:00:00+02:00');
    expect(formatInstant(autumn, 'Europe/Copenhagen')).to.equal('2026-10-25T09:00:00+01:00');
    expect(formatInstant(Date.UTC(2026, 2, 8, 16), 'America/Los_Angeles')).to.equal(
      '2026-03-08T09:00:00-07:00',
    );
    expect(parseInstant('2026-03-29T09:00:00+02:00')).to.equal(spring);
    expect(parseInstant('2026-10-25T09:00:00+01:00')).to.equal(autumn);
  });

  it('starts a local day at midnight in the given zone, not the page zone', () => {
    const noon = Date.UTC(2026, 9, 25, 11);
    expect(iso(startOfLocalDay(noon, 'Europe/Copenhagen'))).to.equal('2026-10-24T22:00:00.000Z');
    expect(iso(startOfLocalDay(noon, 'America/Los_Angeles'))).to.equal('2026-10-25T07:00:00.000Z');
  });
});
