import { takeUrlParams } from './take-url-params.ts';

/** The page-address parameter a waitlist offer's link carries the hold's id in. */
export const OFFER_PARAM = 'slotkit_hold';

/**
 * The offered hold's id from the page's address, if any, taken out of the address bar at once
 * so a reload or a shared link does not reopen a hold that may belong to someone else by then.
 */
export function offerFromUrl(): { holdId?: string } {
  const holdId = takeUrlParams([OFFER_PARAM])?.[OFFER_PARAM];
  return holdId ? { holdId } : {};
}
