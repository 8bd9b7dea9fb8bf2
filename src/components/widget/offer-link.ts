/** The page-address parameter a waitlist offer's link carries the hold's id in. */
export const OFFER_PARAM = 'slotkit_hold';

/**
 * The offered hold's id from the page's address, if any, taken out of the address bar at once
 * so a reload or a shared link does not reopen a hold that may belong to someone else by then.
 */
export function offerFromUrl(): { holdId?: string } {
  const location = globalThis.location;
  if (!location?.search) return {};
  const url = new URL(location.href);
  const holdId = url.searchParams.get(OFFER_PARAM);
  if (!holdId) return {};
  url.searchParams.delete(OFFER_PARAM);
  globalThis.history?.replaceState(globalThis.history.state, '', url.href);
  return { holdId };
}
