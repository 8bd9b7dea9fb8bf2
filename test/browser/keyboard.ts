/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { en } from '../../src/i18n/en/index.ts';
import type { SlotkitWidget } from '../../src/components/widget/widget.ts';
import { inner, until, clean } from './shadow-helpers.ts';

/**
 * A visitor's keyboard for the widget's browser tests: only `sendKeys` touches the widget. After
 * every key the focus is checked (inside the widget, never <body>, visibly marked), a watcher
 * notes any frame in which focus sat outside the widget, and a log keeps every change of every
 * live region in the composed tree, which is what a screen reader would read out.
 */

// ------------------------------------------------------------------ the composed tree

/** Every element under `root`, shadow trees included, in tree order. */
export function composed(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Focus as a visitor has it: down through every shadow root. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function describe_(element: Element | null): string {
  if (!element) return 'nothing';
  const host = (element.getRootNode() as ShadowRoot).host;
  const id = element.id ? `#${element.id}` : '';
  const part = element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : '';
  const label = element.getAttribute('aria-label') ?? clean(element.textContent).slice(0, 40);
  return `${host ? `${host.localName} > ` : ''}${element.localName}${id}${part} "${label}"`;
}

export const heading = (widget: SlotkitWidget): HTMLElement | null =>
  inner<HTMLElement>(widget, '[data-step-heading]');

// ------------------------------------------------------------------ live regions

interface Announcement {
  region: string;
  text: string;
  polite: boolean;
  /** The region was already in the page and its text changed: what screen readers read out. */
  changed: boolean;
}

/** Records every text every live region in the composed tree shows, as it changes. */
export class LiveRegionLog {
  readonly entries: Announcement[] = [];
  private readonly last = new WeakMap<Element, string>();
  private readonly observer = new MutationObserver(() => this.scan());

  constructor(private readonly root: Element) {
    this.scan();
  }

  scan(): void {
    this.observe(this.root);
    for (const element of composed(this.root)) {
      if (element.shadowRoot) this.observe(element.shadowRoot);
      const live = element.getAttribute('aria-live');
      const role = element.getAttribute('role');
      if (live === 'off' || (!live && role !== 'status' && role !== 'alert')) continue;
      // Raw text for "did it change" (a trailing no-break space is how a repeat is re-announced).
      const raw = element.textContent ?? '';
      const before = this.last.get(element);
      if (before === raw) continue;
      this.last.set(element, raw);
      const text = clean(raw);
      if (!text) continue;
      const polite = live ? live === 'polite' : role === 'status';
      this.entries.push({
        region: describe_(element),
        text,
        polite,
        changed: before !== undefined,
      });
    }
  }

  stop(): void {
    this.observer.disconnect();
  }

  /** The announcements (changes of regions already present) that `match`. */
  find(match: string | RegExp): Announcement[] {
    return this.entries.filter(
      (entry) =>
        entry.changed &&
        (typeof match === 'string' ? entry.text.includes(clean(match)) : match.test(entry.text)),
    );
  }

  expectPolite(match: string | RegExp, times = 1): void {
    this.scan();
    const found = this.find(match).filter((entry) => entry.polite);
    expect(
      found.length,
      `polite announcement ${String(match)} ${times} time(s); heard:\n${this.dump()}`,
    ).to.be.at.least(times);
  }

  dump(): string {
    return this.entries
      .map((entry) => `  ${entry.changed ? '*' : ' '} ${entry.region}: ${entry.text}`)
      .join('\n');
  }

  private observe(node: Node): void {
    this.observer.observe(node, { childList: true, subtree: true, characterData: true });
  }
}

/** A catalogue message with `\u0000` for the parts that vary, as a RegExp. */
export function template(text: string): RegExp {
  const escaped = clean(text)
    .split('\u0000')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('.+'));
}

// ------------------------------------------------------------------ keyboard session

/**
 * The visitor's keyboard. Every key is followed by the checks of a focus that is never lost and
 * always visible; a frame watcher catches focus that leaves the widget between keys (a focused
 * button turned disabled, a focused control removed without a new focus target).
 */
export class Keyboard {
  readonly log: LiveRegionLog;
  readonly lost: string[] = [];
  private inside = false;
  private frame = 0;

  constructor(
    readonly widget: SlotkitWidget,
    private readonly before: HTMLElement,
  ) {
    this.log = new LiveRegionLog(widget.parentElement!);
    const watch = () => {
      if (this.inside && document.activeElement !== this.widget) {
        const where = describe_(deepActive());
        if (this.lost.at(-1) !== where) this.lost.push(where);
      }
      this.frame = requestAnimationFrame(watch);
    };
    this.frame = requestAnimationFrame(watch);
  }

  /** Focus starts on the page's own button before the widget, as on a host page. */
  start(): void {
    this.before.focus();
    expect(document.activeElement).to.equal(this.before);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.log.stop();
  }

  async press(key: string): Promise<Element> {
    await sendKeys({ press: key });
    await this.settle();
    return this.expectFocus(key);
  }

  async shiftTab(): Promise<Element> {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await this.settle();
    return this.expectFocus('Shift+Tab');
  }

  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settle();
    this.expectFocus(`typing "${text}"`);
  }

  /** Tab forward until `wanted` has focus, checking every stop on the way. */
  async tabTo(wanted: (element: Element) => boolean, what: string, max = 25): Promise<Element> {
    const stops: string[] = [];
    for (let count = 0; count < max; count += 1) {
      const element = await this.press('Tab');
      if (wanted(element)) return element;
      stops.push(describe_(element));
    }
    throw new Error(`Tab never reached ${what}; stops:\n  ${stops.join('\n  ')}`);
  }

  /** Lit updates of the widget and of every element inside it. */
  async settle(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await this.widget.updateComplete;
      await Promise.all(
        composed(this.widget.shadowRoot!)
          .filter((element) => 'updateComplete' in element)
          .map(
            (element) =>
              (element as unknown as { updateComplete: Promise<unknown> }).updateComplete,
          ),
      );
    }
    this.log.scan();
  }

  /** Focus is inside the widget, not <body>, and visibly marked. */
  expectFocus(after: string): Element {
    const active = deepActive();
    // Booleans, not elements: a failure names the element instead of printing the whole page.
    expect(
      active !== null && active !== document.body,
      `focus after ${after} went to <body>`,
    ).to.equal(true);
    expect(
      document.activeElement === this.widget && active !== this.widget,
      `focus after ${after} is inside the widget, not on ${describe_(active)}`,
    ).to.equal(true);
    this.inside = true;
    const element = active!;
    expect(
      element.matches(':focus-visible'),
      `${describe_(element)} focused by ${after} matches :focus-visible`,
    ).to.equal(true);
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) > 0 &&
      style.outlineColor !== 'rgba(0, 0, 0, 0)' &&
      style.outlineColor !== 'transparent';
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    expect(
      outline || shadow,
      `${describe_(element)} focused by ${after} has a visible focus indicator (outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}, box-shadow ${style.boxShadow})`,
    ).to.equal(true);
    return element;
  }

  /** The new step's heading has focus, and the frames since Tab-in never lost it. */
  async expectStep(text: string): Promise<HTMLElement> {
    const target = await until(() => {
      const element = heading(this.widget);
      return element && clean(element.textContent) === clean(text) ? element : null;
    }, `step "${text}"`).catch((error) => {
      throw new Error(`${error}; heading is "${clean(heading(this.widget)?.textContent)}"`);
    });
    await this.settle();
    const active = this.expectFocus(`the step "${text}" appeared`);
    expect(active, `focus on the heading of "${text}"`).to.equal(target);
    this.expectNeverLost();
    return target;
  }

  expectNeverLost(): void {
    expect(this.lost, 'frames in which focus was outside the widget').to.deep.equal([]);
  }
}

export async function setUp(widget: TemplateResult): Promise<Keyboard> {
  const page = await fixture<HTMLDivElement>(
    html`<div>
      <button type="button" id="before">Before the widget</button>
      ${widget}
      <button type="button" id="after">After the widget</button>
    </div>`,
  );
  const element = page.querySelector('slotkit-widget')!;
  const keyboard = new Keyboard(element, page.querySelector<HTMLElement>('#before')!);
  return keyboard;
}

// ------------------------------------------------------------------ flow steps

export const is =
  (selector: string) =>
  (element: Element): boolean =>
    element.matches(selector);

export const button =
  (text: string) =>
  (element: Element): boolean =>
    element.localName === 'button' && clean(element.textContent) === clean(text);

/** Tab into the date grid, move with the arrows, choose the day and then a time, all by keys. */
export async function pickTime(
  keyboard: Keyboard,
  option = 0,
): Promise<{ start: string; label: string }> {
  const { widget, log } = keyboard;
  const picker = await until(() => {
    const element = inner(widget, 'slotkit-slot-picker');
    return element && inner(element, 'td[data-date].available') ? element : null;
  }, 'available days');
  await keyboard.settle();
  await expect(widget).to.be.accessible();
  const day = await keyboard.tabTo(is('td[role="gridcell"]'), 'the date grid');
  // One tab stop in the grid, on the first day with times.
  expect(day.classList.contains('available'), `${describe_(day)} has times`).to.equal(true);
  expect(
    [...picker.shadowRoot!.querySelectorAll('td[tabindex="0"]')],
    'one tab stop in the grid',
  ).to.have.length(1);
  const date = (day as HTMLElement).dataset.date!;
  // The arrows move focus by day and week; back to where we started.
  expect(((await keyboard.press('ArrowDown')) as HTMLElement).dataset.date).to.not.equal(date);
  await keyboard.press('ArrowUp');
  await keyboard.press('ArrowRight');
  expect(((await keyboard.press('ArrowLeft')) as HTMLElement).dataset.date).to.equal(date);
  // ArrowDown may have crossed into next month and back: each month loads its days again, and
  // a day is chosen once the calendar shows it has times, as a sighted visitor would wait.
  await until(() => (deepActive() as HTMLElement).classList.contains('available'), 'days shown');
  const heard = log.find(template(en.slotPicker.timesAvailable(2, '\u0000', 'en'))).length;
  await keyboard.press('Enter');
  const options = await until(() => {
    const list = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('li[role="option"]')];
    return list.length ? list : null;
  }, 'times listed');
  await keyboard.settle();
  // "N times available on <day>." through the picker's polite region.
  const count = options.length;
  log.expectPolite(template(en.slotPicker.timesAvailable(count, '\u0000', 'en')), heard + 1);
  await expect(widget).to.be.accessible();
  let focused = await keyboard.tabTo(is('li[role="option"]'), 'the times');
  expect(focused, 'the list is entered at its first time').to.equal(options[0]);
  for (let index = 0; index < option; index += 1) focused = await keyboard.press('ArrowDown');
  if (option < count - 1) {
    await keyboard.press('ArrowDown');
    focused = await keyboard.press('ArrowUp');
  }
  expect(focused).to.equal(options[option]);
  const start = focused.querySelector('time')!.getAttribute('datetime')!;
  const label = clean(focused.textContent);
  await keyboard.press('Enter');
  return { start, label };
}

/** Tab into a class list, choose the seats with the arrows and book the first class. */
export async function pickClass(keyboard: Keyboard, seats: number): Promise<void> {
  const { widget } = keyboard;
  await until(() => {
    const element = inner(widget, 'slotkit-class-list');
    return element && inner(element, '[part~="book-button"]:not([disabled])') ? element : null;
  }, 'bookable classes listed');
  await keyboard.settle();
  await expect(widget).to.be.accessible();
  const select = (await keyboard.tabTo(
    is('[part~="seats-select"]'),
    'the first seats selector',
  )) as HTMLSelectElement;
  for (let count = 1; count < seats; count += 1) await keyboard.press('ArrowDown');
  expect(select.value).to.equal(String(seats));
  const book = await keyboard.press('Tab');
  expect(book.matches('[part~="book-button"]'), describe_(book)).to.equal(true);
  await keyboard.press('Enter');
}

/** Tab to the name field, type name and email, Tab to submit and press Enter. */
export async function fillAndSubmit(
  keyboard: Keyboard,
  name: string,
  email: string,
): Promise<void> {
  const { widget } = keyboard;
  const form = inner(widget, 'slotkit-customer-form')!;
  const nameField = inner<HTMLInputElement>(form, '[name="name"]')!;
  if (deepActive() !== nameField) await keyboard.tabTo((element) => element === nameField, 'name');
  await keyboard.type(name);
  const emailField = await keyboard.press('Tab');
  expect(emailField).to.equal(inner(form, '[name="email"]'));
  await keyboard.type(email);
  // Back and forth: Shift+Tab returns to the name as typed.
  expect(await keyboard.shiftTab()).to.equal(nameField);
  expect(nameField.value).to.equal(name);
  expect(await keyboard.press('Tab')).to.equal(emailField);
  await keyboard.tabTo(is('[part~="submit"]'), 'the submit button');
  await keyboard.press('Enter');
}

export const resultState = (widget: SlotkitWidget) =>
  inner(widget, '[part="result"]')?.getAttribute('data-state');
