import { parseInstant } from '../../lib/time/index.ts';
import { isDate, isMonth } from './calendar.ts';
import { STATUSES } from './load-error.ts';

/**
 * The checks on the picker's settings a host page writes by hand: which values it can read.
 * The picker logs the others once and uses its defaults instead.
 */

/** The settings checked, as the picker holds them. */
export interface PickerSettings {
  month: string;
  minMonth: string;
  selectedDate: string;
  nextAvailableDate: string;
  selectedSlot: string;
  dates: string[];
  datesStatus: string;
  slotsStatus: string;
}

export interface SettingCheck {
  /** The property. */
  name: keyof PickerSettings;
  attribute: string;
  ok: boolean;
  value: string;
  /** What it must be, for the log: "a month as yyyy-MM". */
  accepted: string;
}

const MONTH = 'a month as yyyy-MM';
const DATE = 'a date as yyyy-MM-dd';
const STATUS = '"loading", "error" or "ready"';

/**
 * The checks for the settings in `changed`. `month` is skipped while it holds the month the
 * picker chose itself (`defaultedMonth`).
 */
export function checkSettings(
  settings: PickerSettings,
  changed: (name: keyof PickerSettings) => boolean,
  defaultedMonth: string,
): SettingCheck[] {
  const checks: SettingCheck[] = [];
  const add = (
    name: keyof PickerSettings,
    attribute: string,
    ok: boolean,
    value: string,
    accepted: string,
  ) => {
    if (changed(name)) checks.push({ name, attribute, ok, value, accepted });
  };
  const { month, minMonth, selectedDate, nextAvailableDate, selectedSlot } = settings;
  if (month !== defaultedMonth) add('month', 'month', !month || isMonth(month), month, MONTH);
  add('minMonth', 'min-month', !minMonth || isMonth(minMonth), minMonth, MONTH);
  add('selectedDate', 'selected-date', !selectedDate || isDate(selectedDate), selectedDate, DATE);
  add(
    'nextAvailableDate',
    'next-available-date',
    !nextAvailableDate || isDate(nextAvailableDate),
    nextAvailableDate,
    DATE,
  );
  add(
    'selectedSlot',
    'selected-slot',
    !selectedSlot || parseInstant(selectedSlot) !== undefined,
    selectedSlot,
    'the start of a slot as an RFC 3339 instant',
  );
  const bad = (settings.dates ?? []).find((value) => !isDate(value));
  add('dates', 'dates', bad === undefined, String(bad), 'an array of dates as yyyy-MM-dd');
  const { datesStatus, slotsStatus } = settings;
  add('datesStatus', 'dates-status', STATUSES.includes(datesStatus), datesStatus, STATUS);
  add('slotsStatus', 'slots-status', STATUSES.includes(slotsStatus), slotsStatus, STATUS);
  return checks;
}
