import { isHexColor } from '../shared/hex-color.ts';

const NAMES = [
  '--slotkit-color-accent',
  '--slotkit-color-on-accent',
  '--slotkit-color-accent-text',
] as const;

/**
 * The brand colour's derived accent tokens, set on the host element (style properties pass a
 * strict style-src). The contrast maths is a chunk of its own, loaded only when a brand colour is
 * set; it arrives alongside the project's config.
 */
export class BrandTokens {
  /** Settles once the last colour's tokens are set; the element's `updateComplete` waits for it. */
  applied: Promise<void> | undefined;

  constructor(private readonly host: HTMLElement) {}

  set(brand: string | undefined): void {
    const style = this.host.style;
    // A bad colour is named by checkLook; the old tokens go now, not when a chunk arrives.
    if (!brand || !isHexColor(brand)) {
      this.applied = undefined;
      for (const name of NAMES) style.removeProperty(name);
      return;
    }
    const applied = import('../shared/contrast.ts').then(
      ({ accentTokens }) => {
        if (this.applied !== applied) return; // the colour changed meanwhile
        const scheme = CSS.supports('color', 'light-dark(#000, #fff)') ? 'auto' : 'light';
        const tokens = accentTokens(brand, { scheme });
        for (const name of NAMES) style.setProperty(name, tokens[name]);
      },
      // The built-in accent stays: the widget works, only off-brand.
      (error: unknown) => console.error('slotkit: could not load the brand colour code:', error),
    );
    this.applied = applied;
  }
}
