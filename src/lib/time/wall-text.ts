/**
 * A wall clock (ms since 1970-01-01 00:00 on that clock) as "yyyy-MM-ddTHH:mm:ss", by arithmetic:
 * about three times faster than `new Date(ms).toISOString().slice(0, 19)`, and the engine writes
 * two for every slot and every booking it shows. Same text as that expression for years 0-9999;
 * undefined outside them (and for NaN), where the caller falls back to Date and its errors.
 */
export function wallText(wall: number): string | undefined {
  const ms = Math.trunc(wall); // as Date does
  const days = Math.floor(ms / 86_400_000);
  const { year, month, day } = civilFromDays(days);
  if (!(year >= 0 && year <= 9999)) return undefined;
  const seconds = Math.floor((ms - days * 86_400_000) / 1000);
  const h = Math.floor(seconds / 3600);
  const mi = Math.floor((seconds % 3600) / 60);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(seconds % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Howard Hinnant's days_from_civil inverse: proleptic Gregorian date of a day number. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
  };
}
