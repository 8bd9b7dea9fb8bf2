/**
 * A manage link: the booking id and customer token an email's link puts in the host page's URL
 * (`?slotkit_booking=…&slotkit_token=…`). The widget reads them once and removes them from the
 * address bar at once, so the token does not stay in the history, a bookmark or a shared URL.
 */

import { takeUrlParams, type Page } from './take-url-params.ts';

export const DEFAULT_MANAGE_PARAMS = { booking: 'slotkit_booking', token: 'slotkit_token' };

export interface ManageParamNames {
  booking: string;
  token: string;
}

/** What the link carried; an incomplete or implausible one still counts (the visitor is told). */
export interface ManageLink {
  bookingId?: string;
  customerToken?: string;
}

/** Longer than any id or token the API issues: not worth a request. */
const MAX_LENGTH = 200;

const plausible = (value: string | null): value is string =>
  value !== null && value.length > 0 && value.length <= MAX_LENGTH;

/** Reads the link from the page's URL and takes it out. Undefined when the URL carries neither parameter. */
export function takeManageLink(names: ManageParamNames, page?: Page): ManageLink | undefined {
  const found = takeUrlParams([names.booking, names.token], page);
  if (!found) return undefined;
  const bookingId = found[names.booking] ?? null;
  const customerToken = found[names.token] ?? null;
  return plausible(bookingId) && plausible(customerToken) ? { bookingId, customerToken } : {};
}

export type ManageLinkSettings = ManageLink & { manageFromLink?: true };

/**
 * Takes the link out of the page's URL (parameter names from the configuration, else the
 * defaults) and gives the widget's settings for it: its booking to manage, or only the flag
 * that has the flow tell the visitor the link did not work. Nothing when there is no link.
 */
export function manageLinkSettings(config: {
  manageParamBooking?: string;
  manageParamToken?: string;
}): ManageLinkSettings {
  if (typeof window === 'undefined') return {};
  const link = takeManageLink({
    booking: config.manageParamBooking || DEFAULT_MANAGE_PARAMS.booking,
    token: config.manageParamToken || DEFAULT_MANAGE_PARAMS.token,
  });
  return link ? { ...link, manageFromLink: true } : {};
}
