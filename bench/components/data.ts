/**
 * Deterministic data for the component benchmark: slots for `<slotkit-slot-picker>` and classes
 * for `<slotkit-class-list>`, shaped as the API sends them (RFC 3339 with the zone's offset).
 */
import type { AvailableSlot } from '../../src/schemas/availability.ts';
import type { Group } from '../../src/schemas/booking.ts';
import { formatInstant, wallTimeToInstant } from '../../src/lib/time/index.ts';
import type { PickerKind } from './protocol.ts';

export const ZONE = 'Europe/Copenhagen';
export const LOCALE = 'en-GB';
const MINUTE = 60_000;
const SLOT_COUNT = 2000;

/** The picker's clock: the start of February 2027, so the whole month is in the future. */
export const PICKER_NOW = Date.parse('2027-02-01T09:00:00Z');
/** The class list's clock: a few days before the first class. */
export const CLASSES_NOW = Date.parse('2027-02-25T12:00:00Z');

export interface PickerData {
  dates: string[];
  slots: AvailableSlot[];
  selectedDate: string;
  /** Another available day, to click. */
  otherDate: string;
  /** How many times each day lists. */
  perDay: Map<string, number>;
}

const resources = [{ id: 'res_ada', name: 'Ada Lovelace', timezone: ZONE }];

function slot(start: number, minutes: number): AvailableSlot {
  return {
    start: formatInstant(start, ZONE),
    end: formatInstant(start + minutes * MINUTE, ZONE),
    resources,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * `worst`: 2,000 times on the selected day (every 40 s from 00:10), plus 72 on the next day.
 * `month`: 2,000 times over February 2027, 72 a day (every 10 min from 08:00), so the selected
 * day lists 72.
 */
export function pickerData(kind: PickerKind): PickerData {
  const slots: AvailableSlot[] = [];
  const perDay = new Map<string, number>();
  const addDay = (date: string, from: string, count: number, stepMs: number) => {
    const first = wallTimeToInstant(date, from, ZONE);
    for (let i = 0; i < count; i++) slots.push(slot(first + i * stepMs, 30));
    perDay.set(date, count);
  };
  if (kind === 'worst') {
    addDay('2027-02-10', '00:10', SLOT_COUNT, 40_000);
    addDay('2027-02-11', '08:00', 72, 10 * MINUTE);
  } else {
    for (let day = 1; day <= 28 && slots.length < SLOT_COUNT; day++) {
      addDay(`2027-02-${pad(day)}`, '08:00', Math.min(72, SLOT_COUNT - slots.length), 10 * MINUTE);
    }
  }
  return {
    dates: [...perDay.keys()],
    slots,
    selectedDate: '2027-02-10',
    otherDate: '2027-02-11',
    perDay,
  };
}

const TITLES = [
  'Morning Yoga',
  'Pilates',
  'Spin',
  'Power Yoga',
  'HIIT',
  'Barre',
  'Yin Yoga',
  'Boxing',
  'Stretch & Relax',
  'Zumba',
  'Core Strength',
  'Aqua Fit',
];
const HOSTS = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
];
const ROOMS = ['Studio 1', 'Studio 2', 'The Loft', undefined];
const CLASS_COUNT = 500;
const CLASS_DAYS = 60;

/**
 * 500 classes over the 60 days from 1 March 2027, 8-9 a day, 12 titles and 5 hosts. Every 7th is
 * sold out and every 11th opens for booking only a week before it starts (so later ones are not
 * bookable yet); the rest are bookable, with 1-12 seats left.
 */
export function classData(): Group[] {
  const groups: Group[] = [];
  let day = -1;
  let inDay = 0;
  for (let i = 0; i < CLASS_COUNT; i++) {
    const dayOf = Math.floor((i * CLASS_DAYS) / CLASS_COUNT);
    inDay = dayOf === day ? inDay + 1 : 0;
    day = dayOf;
    const date = new Date(Date.UTC(2027, 2, 1 + dayOf)).toISOString().slice(0, 10);
    const start = wallTimeToInstant(date, '07:00', ZONE) + inDay * 75 * MINUTE;
    const end = start + 60 * MINUTE;
    const maxSeats = 12;
    const left = i % 7 === 0 ? 0 : ((i * 5) % maxSeats) + 1;
    const host = i % HOSTS.length;
    const at = (ms: number) => formatInstant(ms, ZONE);
    groups.push({
      id: `grp_${i}`,
      graph: 'group_owner',
      state: 'tentative',
      completed: false,
      created_at: at(CLASSES_NOW - 30 * 86_400_000),
      updated_at: at(CLASSES_NOW - 86_400_000),
      attributes: {
        event_info: {
          start: at(start),
          end: at(end),
          what: TITLES[i % TITLES.length]!,
          where: ROOMS[i % ROOMS.length],
        },
        group_booking: {
          current_seats: maxSeats - left,
          max_seats: maxSeats,
          seats_left: left,
          bookable_from: i % 11 === 0 ? at(start - 7 * 86_400_000) : undefined,
          bookable_until: at(start - 60 * MINUTE),
          cancellable_until: at(start - 24 * 60 * MINUTE),
        },
      },
      resource: { id: `res_${host}`, name: HOSTS[host]!, timezone: ZONE },
    });
  }
  return groups;
}

/** Case- and accent-insensitive, as the list matches titles. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
