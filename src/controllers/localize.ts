import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  addEnglish,
  en,
  isRtl,
  loadMessages,
  matchLocale,
  messagesFor,
  type Messages,
} from '../i18n/index.ts';

type Host = ReactiveControllerHost & HTMLElement;

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
 * catalogues load on demand; until one arrives the element renders in English (left to right),
 * then updates once when it does. A catalogue that cannot be loaded leaves English.
 */
export class LocalizeController implements ReactiveController {
  /** The catalogue last asked for, so an update does not ask again. */
  private requested: string | undefined;

  /**
   * `english`: the element's own English strings when they are not in the first paint's bundle
   * (src/i18n/index.ts), so they load with the element and are there before it renders.
   */
  constructor(
    private readonly host: Host,
    private readonly explicitLocale: () => string | undefined = () => undefined,
    english?: Partial<Messages>,
  ) {
    if (english) addEnglish(english);
    host.addController(this);
  }

  hostConnected(): void {
    this.request();
  }

  hostUpdate(): void {
    this.request();
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

  /** The catalogue this element wants: "de" for "de-AT", "en" for a language slotkit lacks. */
  get catalogue(): string {
    return matchLocale(this.locale) ?? 'en';
  }

  /** The strings to render now: the wanted catalogue once loaded, English until then. */
  get t(): Messages {
    return messagesFor(this.catalogue) ?? en;
  }

  /**
   * The direction of the strings in `t`: right to left only once a right-to-left catalogue is
   * there, so English shown while Arabic loads is not laid out backwards.
   */
  get dir(): 'ltr' | 'rtl' {
    const catalogue = this.catalogue;
    return isRtl(catalogue) && messagesFor(catalogue) ? 'rtl' : 'ltr';
  }

  private request(): void {
    const catalogue = this.catalogue;
    if (catalogue === this.requested) return;
    this.requested = catalogue;
    if (messagesFor(catalogue)) return;
    void loadMessages(catalogue).then((messages) => {
      // One update, only if the element still wants these strings and they are not English
      // (the failure fallback): nothing to redraw otherwise, and no chance of a loop.
      if (this.requested === catalogue && messages !== en) this.host.requestUpdate();
    });
  }
}
