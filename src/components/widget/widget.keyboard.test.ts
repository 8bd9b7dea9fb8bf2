/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import { en } from '../../i18n/en/index.ts';
import { formatSpoken } from '../countdown/format-remaining.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until, clean } from '../../../test/browser/shadow-helpers.ts';

/**
 * Every flow of <slotkit-widget> by keyboard alone, against the mock engine in a service worker.
 * Only `sendKeys` touches the widget: no clicks, no dispatched events, no values set. After
 * every key the focus is checked (inside the widget, never <body>, visibly marked), a watcher
 * notes any frame in which focus sat outside the widget, and a log keeps every change of every
 * live region in the composed tree, which is what a screen reader would read out.
 */

const NOW = '2026-11-26T12:00:00Z';
const MINUTE = 60_000;
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
  mock.worker.resetHandlers();
});

const t = en.widget;

// ------------------------------------------------------------------ the composed tree

/** Every element under `root`, shadow trees included, in tree order. */
function composed(root: Element | ShadowRoot): Element[] {
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
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function describe_(element: Element | null): string {
  if (!element) return 'nothing';
  const host = (element.getRootNode() as ShadowRoot).host;
  const id = element.id ? `#${element.id}` : '';
  const part = element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : '';
  const label = element.getAttribute('aria-label') ?? clean(element.textContent).slice(0, 40);
  return `${host ? `${host.localName} > ` : ''}${element.localName}${id}${part} "${label}"`;
}

const heading = (widget: SlotkitWidget): HTMLElement | null =>
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
class LiveRegionLog {
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
function template(text: string): RegExp {
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
class Keyboard {
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

async function setUp(widget: TemplateResult): Promise<Keyboard> {
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

let session: Keyboard | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

// ------------------------------------------------------------------ flow steps

const is =
  (selector: string) =>
  (element: Element): boolean =>
    element.matches(selector);

const button =
  (text: string) =>
  (element: Element): boolean =>
    element.localName === 'button' && clean(element.textContent) === clean(text);

/** Tab into the date grid, move with the arrows, choose the day and then a time, all by keys. */
async function pickTime(keyboard: Keyboard, option = 0): Promise<{ start: string; label: string }> {
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
async function pickClass(keyboard: Keyboard, seats: number): Promise<void> {
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
async function fillAndSubmit(keyboard: Keyboard, name: string, email: string): Promise<void> {
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

const resultState = (widget: SlotkitWidget) =>
  inner(widget, '[part="result"]')?.getAttribute('data-state');

// ------------------------------------------------------------------ the flows

describe('<slotkit-widget> by keyboard alone', () => {
  it('instant (barber): Tab in, pick a day and a time, fill in, book, confirmed', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    const { start, label } = await pickTime(keyboard, 1);
    expect(label).to.equal('18:30');
    await keyboard.expectStep(t.detailsHeading);
    expect(inner(widget, '[part="summary"]')!.textContent).to.include('18:30');
    // "The time is held for you for 10 minutes", from the widget's own polite region.
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await expect(widget).to.be.accessible();
    await fillAndSubmit(keyboard, 'Marty McFly', 'marty@example.test');
    await keyboard.expectStep(t.outcome.booked);
    expect(resultState(widget)).to.equal('confirmed');
    log.expectPolite(t.outcome.booked);
    await expect(widget).to.be.accessible();
    const [booking] = mock.api.engine.listBookings({ graph: ['instant'] }, OWNER);
    expect(Date.parse(booking!.attributes.event_info!.start)).to.equal(Date.parse(start));
    expect(booking!.customers[0]!.name).to.equal('Marty McFly');
    // The result's actions are reachable too.
    await keyboard.tabTo(button(t.manageLink), 'Manage this booking');
    await keyboard.tabTo(button(t.bookAnother), 'Book another time');
    keyboard.expectNeverLost();
  });

  it('confirm_decline (consultant): Back gives the time back; an empty submit points at the first field; the request is sent', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.consultant}
        project-id="proj_consultant"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    const holds: string[] = [];
    widget.addEventListener('slotkit-hold-created', (event) => holds.push(event.detail.hold.id));
    keyboard.start();
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));

    // Back to the times: focus on that step's heading, the hold released.
    await keyboard.tabTo(button(t.back), 'Back');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.chooseTimeHeading);
    await until(() => mock.api.engine.getHold(holds[0]!).state === 'released', 'hold released');

    // The same time again: the hold is announced again, not swallowed as unchanged text.
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'), 2);

    // Submit the empty form: errors shown, focus on the first invalid field, count announced.
    const form = inner(widget, 'slotkit-customer-form')!;
    await keyboard.tabTo(is('[part~="submit"]'), 'the submit button');
    expect(clean(deepActive()!.textContent)).to.equal(t.submitRequest);
    await keyboard.press('Enter');
    await keyboard.settle();
    const nameField = inner<HTMLInputElement>(form, '[name="name"]')!;
    expect(keyboard.expectFocus('submitting the empty form')).to.equal(nameField);
    expect(nameField.getAttribute('aria-invalid')).to.equal('true');
    const described = nameField.getAttribute('aria-describedby')!;
    expect(clean(inner(form, `#${described.split(' ').at(-1)}`)!.textContent)).to.include('Name');
    log.expectPolite(en.customerForm.needAttention(2, 'en'));
    expect(mock.api.engine.listBookings({ graph: ['confirm_decline'] }, OWNER)).to.have.length(0);
    await expect(widget).to.be.accessible();

    await fillAndSubmit(keyboard, 'Lorraine Baines', 'lorraine@example.test');
    await keyboard.expectStep(t.outcome.requested);
    expect(resultState(widget)).to.equal('tentative');
    log.expectPolite(t.outcome.requested);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });

  it('instant_payment: the booking waits for the test payment, pressed with Enter', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    expect(
      clean(inner(inner(widget, 'slotkit-customer-form')!, '[part~="submit"]')!.textContent),
    ).to.equal(t.submitPayment);
    await fillAndSubmit(keyboard, 'George McFly', 'george@example.test');
    await keyboard.expectStep(t.paymentHeading);
    log.expectPolite(t.payIntro);
    expect(inner(widget, 'slotkit-countdown')).to.not.equal(null);
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(button(t.payTest), 'the test payment button');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.outcome.paid);
    expect(resultState(widget)).to.equal('paid');
    log.expectPolite(t.outcome.paid);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });

  it('group_customer (yoga): two seats chosen with the arrows, booked', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 2);
    await keyboard.expectStep(t.detailsHeading);
    expect(inner(widget, '.widget')!.textContent).to.include('2 seats');
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await expect(widget).to.be.accessible();
    await fillAndSubmit(keyboard, 'Marty McFly', 'marty@example.test');
    await keyboard.expectStep(t.outcome.booked);
    expect(resultState(widget)).to.equal('confirmed');
    log.expectPolite(t.outcome.booked);
    await expect(widget).to.be.accessible();
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    expect(yoga!.attributes.group_booking.current_seats).to.equal(2);
    keyboard.expectNeverLost();
  });

  it('group_customer (yoga): the countdown speaks at 5 and 1 minutes; at expiry focus returns to the list', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 2);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    // Something typed, which the expiry must not lose.
    await keyboard.tabTo(is('[name="name"]'), 'the name field');
    await keyboard.type('Lorraine Baines');

    // The sandbox moves the engine's clock and asks the widget to catch up.
    clock.advance(5 * MINUTE + 30_000);
    await widget.refresh();
    await keyboard.settle();
    log.expectPolite(en.countdown.timeLeft(formatSpoken(5 * MINUTE, 'en-GB')));
    keyboard.expectFocus('5 minutes left');
    await expect(widget).to.be.accessible();

    clock.advance(4 * MINUTE);
    await widget.refresh();
    await keyboard.settle();
    log.expectPolite(en.countdown.timeLeft(formatSpoken(MINUTE, 'en-GB')));
    keyboard.expectFocus('1 minute left');

    clock.advance(MINUTE);
    await widget.refresh();
    await keyboard.expectStep(t.chooseClassHeading);
    log.expectPolite(t.holdExpired);
    expect(clean(inner(widget, '[part="notice"]')!.textContent)).to.equal(t.holdExpired);
    await expect(widget).to.be.accessible();

    // Back in the list by keyboard: one seat this time; the form kept the name.
    await pickClass(keyboard, 1);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'), 2);
    const form = inner(widget, 'slotkit-customer-form')!;
    expect(inner<HTMLInputElement>(form, '[name="name"]')!.value).to.equal('Lorraine Baines');
    const email = await keyboard.tabTo(is('[name="email"]'), 'the email field');
    expect(email).to.equal(inner(form, '[name="email"]'));
    await keyboard.type('lorraine@example.test');
    await keyboard.tabTo(is('[part~="submit"]'), 'the submit button');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.outcome.booked);
    log.expectPolite(t.outcome.booked);
    keyboard.expectNeverLost();
  });

  it('group_customer_payment: one seat, the test payment by Space, paid', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidClass}
        project-id="proj_paid_class"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 1);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await fillAndSubmit(keyboard, 'Biff Tannen', 'biff@example.test');
    await keyboard.expectStep(t.paymentHeading);
    log.expectPolite(t.payIntro);
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(button(t.payTest), 'the test payment button');
    await keyboard.press('Space');
    await keyboard.expectStep(t.outcome.paid);
    expect(resultState(widget)).to.equal('paid');
    log.expectPolite(t.outcome.paid);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });
});

describe('the keyboard checks themselves', () => {
  it('notice a focus ring the page made invisible', async function () {
    this.timeout(10_000);
    const keyboard = (session = await setUp(
      html`<style>
          slotkit-widget {
            --slotkit-color-focus: transparent;
          }
        </style>
        <slotkit-widget app-key=${DEMO_KEYS.barber} project-id="proj_barber"></slotkit-widget>`,
    ));
    await until(() => inner(keyboard.widget, 'slotkit-slot-picker'), 'picker');
    keyboard.start();
    await sendKeys({ press: 'Tab' });
    await keyboard.settle();
    expect(() => keyboard.expectFocus('Tab')).to.throw(/visible focus indicator/);
  });
});

describe('<slotkit-widget> manage by keyboard alone', () => {
  it('cancels a booking with a message', async function () {
    this.timeout(30_000);
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    const booking = mock.api.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: yoga!.id },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_yoga' },
    );
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    await until(() => inner(widget, 'form.cancel'), 'manage view');
    await keyboard.settle();
    await expect(widget).to.be.accessible();
    keyboard.start();
    // "Cancel booking" opens a confirmation first (a native disclosure: Enter opens it).
    const open = await keyboard.tabTo(is('summary'), 'the cancel disclosure');
    expect(clean(open.textContent)).to.equal(t.cancelBooking);
    await keyboard.press('Enter');
    const textarea = await keyboard.tabTo(is('textarea'), 'the message field');
    expect(textarea.id).to.equal('message');
    await keyboard.type('Sorry, Doc');
    const cancel = await keyboard.press('Tab');
    expect(clean(cancel.textContent)).to.equal(t.cancelConfirm);
    await keyboard.press('Enter');
    await until(
      () => mock.api.engine.getBooking(booking.id, OWNER).state === 'cancelled_by_customer',
      'cancelled',
    );
    await until(() => !inner(widget, 'form.cancel'), 'cancel form gone');
    await keyboard.settle();
    log.expectPolite(t.cancelled);
    // The visitor's words, and a banner: never the engine's "cancelled by customer".
    expect(clean(inner(widget, '[data-outcome]')!.textContent)).to.equal(t.outcome.cancelled);
    expect(inner(widget, '[data-banner="cancelled"]')).to.not.equal(null);
    expect(inner(widget, '.widget')!.textContent).not.to.include('cancelled by customer');
    // The cancel button went away with the form: focus lands on the view's heading, not <body>.
    expect(keyboard.expectFocus('the cancellation')).to.equal(heading(widget));
    keyboard.expectNeverLost();
    await expect(widget).to.be.accessible();
    expect(mock.api.engine.outbox().at(-1)!.body).to.include('Sorry, Doc');
  });

  it('reschedules a 1:1 booking to another time', async function () {
    this.timeout(30_000);
    const slots = mock.api.engine.availability({}, { role: 'public', projectId: 'proj_barber' });
    const booking = mock.api.engine.createBooking(
      {
        graph: 'instant',
        project_id: 'proj_barber',
        event: {
          start: slots[0]!.start,
          end: slots[0]!.end,
          what: 'Haircut',
          resource_id: 'res_barber',
        },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_barber' },
    );
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    await until(() => inner(widget, 'form.cancel'), 'manage view');
    await keyboard.settle();
    keyboard.start();
    await keyboard.tabTo(button(t.reschedule), 'Change time');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.rescheduleHeading);
    const { label } = await pickTime(keyboard, 2);
    // The confirmation appears; the visitor hears what it asks and can Tab to it.
    const confirm = await until(() => inner<HTMLElement>(widget, '.confirm'), 'confirmation');
    await keyboard.settle();
    expect(clean(confirm.textContent)).to.include(label);
    log.expectPolite(template(t.rescheduleConfirm('\u0000')));
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(
      (element) => element === confirm.querySelector('button'),
      'the confirm button',
    );
    await keyboard.press('Enter');
    await keyboard.expectStep(t.manageHeading);
    log.expectPolite(template(t.rescheduleDone('\u0000')));
    const moved = mock.api.engine.getBooking(booking.id, OWNER);
    expect(moved.state).to.equal('rescheduled_by_customer');
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });
});
