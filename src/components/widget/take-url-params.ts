/** The parts of a page the link readers touch: tests pass a stand-in. */
export interface Page {
  location: Location;
  history: History;
}

/**
 * Reads the named parameters from the page's URL and removes them with `history.replaceState`,
 * keeping the other parameters and the hash, so a one-off link (a token, an offered hold) does
 * not stay in the history, a bookmark or a shared URL. Undefined when none of them is present.
 */
export function takeUrlParams<Name extends string>(
  names: readonly Name[],
  page: Page | undefined = globalThis.window,
): Record<Name, string | null> | undefined {
  if (!page) return undefined;
  const url = new URL(page.location.href);
  const found = Object.fromEntries(names.map((name) => [name, url.searchParams.get(name)]));
  if (names.every((name) => found[name] === null)) return undefined;
  for (const name of names) url.searchParams.delete(name);
  page.history.replaceState(page.history.state, '', url.href);
  return found as Record<Name, string | null>;
}
