import { VERSION } from '../../version.ts';

interface VersionedElement extends CustomElementConstructor {
  slotkitVersion?: string;
}

/**
 * Registers an element once. Host pages load two copies of a widget more often than you think:
 * the same version again is a no-op, another version keeps the first and says so.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing) {
    if (existing.slotkitVersion !== VERSION) {
      console.warn(
        `slotkit: <${tag}> is already defined by slotkit ${existing.slotkitVersion ?? '(unknown version)'}; this copy (${VERSION}) is not registered.`,
      );
    }
    return;
  }
  (element as VersionedElement).slotkitVersion = VERSION;
  registry.define(tag, element);
}
