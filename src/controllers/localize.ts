import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, loadMessages, matchLocale, messagesFor, type Messages } from '../i18n/index.ts';

type Host = ReactiveControllerHost & HTMLElement;

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The nearest `lang` up the composed tree: the element's own, an ancestor's across shadow roots, the page's. */
function inheritedLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return undefined;
}

/**
 * Which language an element speaks and its strings: an explicit locale (config), then `lang` on
 * the element or its ancestors, then the page's, then the browser's, then English. Other
 * catalogues load on demand; until one arrives the element renders in English.
 */
export class LocalizeController implements ReactiveController {
  private loadedFor: string | undefined;

  constructor(
    private readonly host: Host,
    private readonly explicitLocale: () => string | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ensureLoaded();
  }

  hostUpdate(): void {
    this.ensureLoaded();
  }

  /** The BCP 47 tag used for Intl formatting (may be more specific than the catalogue). */
  get locale(): string {
    return (
      this.explicitLocale() ||
      inheritedLang(this.host) ||
      (typeof navigator === 'undefined' ? undefined : navigator.language) ||
      'en'
    );
  }

  get catalogue(): string {
    return matchLocale(this.locale) ?? 'en';
  }

  get t(): Messages {
    return messagesFor(this.catalogue) ?? en;
  }

  get dir(): 'ltr' | 'rtl' {
    return RTL.has(this.catalogue) ? 'rtl' : 'ltr';
  }

  private ensureLoaded(): void {
    const catalogue = this.catalogue;
    if (this.loadedFor === catalogue || messagesFor(catalogue)) {
      this.loadedFor = catalogue;
      return;
    }
    this.loadedFor = catalogue;
    void loadMessages(catalogue).then(() => this.host.requestUpdate());
  }
}
