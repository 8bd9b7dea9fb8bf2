import { waitUntil } from '@open-wc/testing';

/** Shared by the browser tests that drive elements through their shadow roots. */

export const inner = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot!.querySelector<T>(selector);

/** Waits until `read` returns something truthy, and returns it. */
export async function until<T>(
  read: () => T | null | undefined | false,
  message: string,
  timeout = 8000,
): Promise<T> {
  let value: T | null | undefined | false;
  await waitUntil(() => (value = read()), message, { timeout });
  return value as T;
}

/** Text as a person reads it: whitespace runs collapsed. */
export const clean = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();
