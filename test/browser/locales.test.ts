/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html, render, type TemplateResult } from 'lit';
import { DEMO_KEYS, ManualClock } from '../../src/engine/index.ts';
import { startMockWorker } from '../../src/mock/browser.ts';
import {
  en,
  isRtl,
  loadMessages,
  matchLocale,
  supportedLocales,
  type Messages,
} from '../../src/i18n/index.ts';
import type { SlotkitWidget } from '../../src/components/widget/widget.ts';
import '../../src/components/define-all.ts';
import { inner, until, clean } from './shadow-helpers.ts';

/**
 * Every catalogue in the whole widget at a phone's width (320 px), on the demo data: each step's
 * own words rendered (the locale's catalogue, not English), nothing wider than the widget or
 * scrolling sideways inside it, no label clipped in a button, every number's digits in reading
 * order, and for Arabic a mirrored layout (direction, alignment, the calendar's arrows).
 *
 * Each locale (and ar-EG, for Arabic-Indic digits) walks two flows on one widget each: a 1:1
 * booking (a day and its times, the details form with its countdown, the result, the manage view)
 * and a paid class (the class list, the held seats, payment, the paid result). The inner elements
 * on their own, in Arabic, come last.
 */

const WIDTH = 320;
const NOW = '2026-11-26T12:00:00Z';
const ZONE = 'Europe/Copenhagen';

const clock = new ManualClock(NOW);
let mock: Awaited<ReturnType<typeof startMockWorker>>;

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
  document.body.style.margin = '0';
  await setViewport({ width: WIDTH, height: 800 });
});
after(async () => {
  mock.worker.stop();
  await setViewport({ width: 800, height: 600 });
});

// ------------------------------------------------------------------ helpers

const heading = (widget: Element) => clean(inner(widget, '[data-step-heading]')?.textContent);

/** The longest fixed piece of a message with `\u0000` where its arguments go. */
function fixedPart(text: string): string {
  return text
    .split('\u0000')
    .map((piece) => clean(piece.replace(/[\u2068\u2069]/g, '')))
    .sort((a, b) => b.length - a.length)[0]!;
}

/** Two frames: container queries and content-visibility settle after layout. */
const frames = () =>
  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

let stage: HTMLElement | undefined;

async function mount(
  template: TemplateResult,
): Promise<{ box: HTMLElement; widget: SlotkitWidget }> {
  stage?.remove();
  stage = document.createElement('div');
  stage.style.width = `${WIDTH}px`;
  document.body.append(stage);
  render(template, stage);
  const widget = stage.firstElementChild as SlotkitWidget;
  await widget.updateComplete;
  return { box: stage, widget };
}

function unmount() {
  stage?.remove();
  stage = undefined;
}

/** Every element under `root`, through open shadow roots, skipping hidden subtrees. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    const style = getComputedStyle(child);
    if (style.display === 'none' || child.classList.contains('visually-hidden')) continue;
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

/** Visible text nodes under `root`, through open shadow roots. */
function* textNodes(root: Element | ShadowRoot): Generator<Text> {
  for (const element of [root instanceof Element ? root : null, ...deep(root)]) {
    if (!element) continue;
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) yield node as Text;
    }
  }
}

function describeNode(node: Element): string {
  const root = node.getRootNode();
  const host = root instanceof ShadowRoot ? `${root.host.localName} ` : '';
  const part = node.getAttribute('part');
  const classes = node.getAttribute('class');
  const text = clean(node.textContent).slice(0, 40);
  return `${host}<${node.localName}${part ? ` part="${part}"` : ''}${classes ? ` class="${classes}"` : ''}> "${text}"`;
}

/**
 * Anything past the container on either side (a right-to-left overflow goes off the left edge),
 * anything scrolling sideways inside, any button whose label does not fit it, a page that
 * scrolls sideways.
 */
function layoutProblems(widget: Element, container: Element): string[] {
  const problems: string[] = [];
  const box = container.getBoundingClientRect();
  const outside = (rect: DOMRect) => rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
  if (outside(widget.getBoundingClientRect())) problems.push('the widget itself');
  for (const element of deep(widget.shadowRoot!)) {
    // The zone chooser is position: fixed in the top layer, measured against the viewport.
    if (getComputedStyle(element).position === 'fixed') continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (outside(rect)) {
      problems.push(
        `${describeNode(element)} spans ${rect.left.toFixed(1)}-${rect.right.toFixed(1)}`,
      );
    }
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      problems.push(
        `${describeNode(element)} content is ${element.scrollWidth} px wide in ${element.clientWidth}`,
      );
    }
    if (element.matches('button, [role="option"]') && element.scrollWidth > element.clientWidth) {
      problems.push(
        `${describeNode(element)} clips its label: ${element.scrollWidth} px in ${element.clientWidth}`,
      );
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return problems;
}

const NUMBER = /\p{Nd}+(?:[:.,\u066b\u066c]\p{Nd}+)*/gu;

/** Numbers (times, counts, dates) whose digits do not read left to right on screen. */
function digitOrderProblems(widget: Element): string[] {
  const problems: string[] = [];
  const range = document.createRange();
  for (const node of textNodes(widget.shadowRoot!)) {
    const text = node.textContent!;
    for (const match of text.matchAll(NUMBER)) {
      if (match[0].length < 2) continue;
      const boxes = [...match[0]].map((_, offset) => {
        range.setStart(node, match.index! + offset);
        range.setEnd(node, match.index! + offset + 1);
        return range.getBoundingClientRect();
      });
      // A number broken over two lines is not read as one.
      if (boxes.some((rect) => Math.abs(rect.top - boxes[0]!.top) > 2)) continue;
      if (boxes.some((rect, index) => index > 0 && rect.left < boxes[index - 1]!.left - 0.5)) {
        problems.push(
          `"${match[0]}" in "${clean(text)}" shows as ${[...match[0]]
            .map((char, index) => ({ char, left: boxes[index]!.left }))
            .sort((a, b) => a.left - b.left)
            .map((entry) => entry.char)
            .join('')}`,
        );
      }
    }
  }
  return problems;
}

/** The rendered box of an element's text, and its content box. */
function textAndContentBox(element: Element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const left = rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const right = rect.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
  return { text, left, right };
}

/** Whether a chevron's tip is to the right of its ends, as drawn (CSS transforms included). */
function pointsRight(svg: SVGSVGElement): boolean {
  const path = svg.querySelector('path')!;
  const total = path.getTotalLength();
  const matrix = path.getScreenCTM()!;
  const [start, tip, end] = [0, total / 2, total].map((at) => {
    const point = path.getPointAtLength(at);
    return new DOMPoint(point.x, point.y).matrixTransform(matrix);
  });
  return tip!.x > (start!.x + end!.x) / 2;
}

// ------------------------------------------------------------------ the checks of every state

interface Context {
  locale: string;
  rtl: boolean;
  box: HTMLElement;
  widget: SlotkitWidget;
}

/** Checks every state shares: catalogue, layout at 320 px, digits, direction. */
async function checkState(context: Context, expectedHeading: string): Promise<void> {
  const { locale, rtl, box, widget } = context;
  await frames();
  expect(heading(widget), `${locale}: the step heading`).to.equal(expectedHeading);
  const section = inner(widget, 'section.widget')!;
  expect(section.getAttribute('lang')).to.equal(locale);
  expect(section.getAttribute('dir')).to.equal(rtl ? 'rtl' : 'ltr');
  expect(getComputedStyle(section).direction).to.equal(rtl ? 'rtl' : 'ltr');
  // Each inner element resolves the same direction on its own base.
  for (const host of section.querySelectorAll(
    'slotkit-slot-picker, slotkit-class-list, slotkit-customer-form, slotkit-countdown',
  )) {
    const base = host.shadowRoot!.querySelector('[part~="base"], form')!;
    expect(getComputedStyle(base).direction, `${host.localName}'s direction`).to.equal(
      rtl ? 'rtl' : 'ltr',
    );
  }
  // The heading sits at the start side: the right in Arabic.
  const h2 = inner(widget, '[data-step-heading]')!;
  const { text, left, right } = textAndContentBox(h2);
  if (rtl) {
    expect(Math.abs(text.right - right), 'heading flush right').to.be.below(1.5);
    expect(text.left, 'heading not flush left').to.be.above(left + 1);
  } else {
    expect(Math.abs(text.left - left), 'heading flush left').to.be.below(1.5);
  }
  expect(layoutProblems(widget, box)).to.deep.equal([]);
  expect(digitOrderProblems(widget)).to.deep.equal([]);
}

// ------------------------------------------------------------------ the flows

async function fillAndSubmit(widget: SlotkitWidget, name: string, email: string) {
  const form = await until(() => inner(widget, 'slotkit-customer-form'), 'form shown');
  const set = (field: string, value: string) => {
    const input = inner<HTMLInputElement>(form, `[name="${field}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  set('name', name);
  set('email', email);
  await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  inner<HTMLButtonElement>(form, '[part~="submit"]')!.click();
}

function button(widget: Element, label: string): HTMLButtonElement | undefined {
  return [...widget.shadowRoot!.querySelectorAll('button')].find(
    (candidate) => clean(candidate.textContent) === clean(label),
  );
}

const LOCALES = [...supportedLocales(), 'ar-EG'];

/**
 * A few key texts as each language must read, written here: the checks above compare what is
 * rendered with the loaded catalogue, which a catalogue left in English would also pass.
 */
const KEY_TEXTS: Record<
  string,
  { chooseTime: string; submit: string; countdown: string; booked: string }
> = {
  en: {
    chooseTime: 'Choose a time',
    submit: 'Book',
    countdown: 'Held for you for',
    booked: 'You are booked',
  },
  de: {
    chooseTime: 'Termin wählen',
    submit: 'Buchen',
    countdown: 'Für Sie reserviert:',
    booked: 'Sie sind gebucht',
  },
  fr: {
    chooseTime: 'Choisissez un horaire',
    submit: 'Réserver',
    countdown: 'Réservé pour vous pendant',
    booked: 'Votre réservation est confirmée',
  },
  es: {
    chooseTime: 'Elige un horario',
    submit: 'Reservar',
    countdown: 'Reservado para ti durante',
    booked: 'Tu reserva está hecha',
  },
  it: {
    chooseTime: 'Scegli un orario',
    submit: 'Prenota',
    countdown: 'Riservato per te per',
    booked: 'La prenotazione è confermata',
  },
  nl: {
    chooseTime: 'Kies een tijd',
    submit: 'Boeken',
    countdown: 'Voor je gereserveerd:',
    booked: 'Je bent geboekt',
  },
  da: {
    chooseTime: 'Vælg et tidspunkt',
    submit: 'Book',
    countdown: 'Reserveret til dig i',
    booked: 'Du er booket',
  },
  sv: {
    chooseTime: 'Välj en tid',
    submit: 'Boka',
    countdown: 'Reserverat åt dig i',
    booked: 'Du är bokad',
  },
  nb: {
    chooseTime: 'Velg et tidspunkt',
    submit: 'Bestill',
    countdown: 'Holdt av til deg i',
    booked: 'Du er booket',
  },
  pt: {
    chooseTime: 'Escolha um horário',
    submit: 'Reservar',
    countdown: 'Reservado para você por',
    booked: 'Sua reserva está feita',
  },
  ja: {
    chooseTime: '時間を選択',
    submit: '予約する',
    countdown: '確保の残り時間',
    booked: '予約が完了しました',
  },
  ar: {
    chooseTime: 'اختر موعدًا',
    submit: 'احجز',
    countdown: 'محجوز لك لمدة',
    booked: 'تم حجزك',
  },
};
KEY_TEXTS['ar-EG'] = KEY_TEXTS.ar!;

for (const locale of LOCALES) {
  describe(`${locale} at ${WIDTH} px`, function () {
    this.timeout(20_000);
    const context = { locale } as Context;
    const expected = KEY_TEXTS[locale]!;
    let t: Messages;

    before(async () => {
      t = await loadMessages(matchLocale(locale)!);
      context.rtl = isRtl(matchLocale(locale)!);
      if (locale !== 'en') {
        expect(t, `${locale} catalogue loaded`).to.not.equal(en);
        expect(t.widget.chooseTimeHeading).to.not.equal(en.widget.chooseTimeHeading);
      }
      clock.set(Date.parse(NOW));
      mock.api.reset('demo');
    });
    after(unmount);

    describe('1:1 booking', () => {
      before(async () => {
        Object.assign(
          context,
          await mount(
            html`<slotkit-widget
              app-key=${DEMO_KEYS.barber}
              project-id="proj_barber"
              time-zone=${ZONE}
              locale=${locale}
            ></slotkit-widget>`,
          ),
        );
      });

      it('choose a time: a day selected and its times', async () => {
        const { widget } = context;
        const picker = await until(() => {
          const element = inner(widget, 'slotkit-slot-picker');
          return element && inner(element, 'td[data-date].available') ? element : null;
        }, 'available days');
        inner<HTMLElement>(picker, 'td[data-date].available')!.click();
        await until(() => inner(picker, 'li[role="option"]'), 'times');
        await checkState(context, t.widget.chooseTimeHeading);
        expect(heading(widget)).to.equal(expected.chooseTime);
        const prev = inner(picker, '[part~="prev-button"]')!;
        const next = inner(picker, '[part~="next-button"]')!;
        expect(prev.getAttribute('aria-label')).to.equal(t.slotPicker.previousMonth);
        expect(clean(inner(picker, '[part="timezone-label"]')!.textContent)).to.equal(
          t.slotPicker.timeZone,
        );
        expect(clean(inner(picker, '#times-heading')!.textContent)).to.include(
          fixedPart(t.slotPicker.timesOn('\u0000')),
        );
        // Previous at the start side, its arrow pointing to the start side.
        const prevX = prev.getBoundingClientRect().left;
        const nextX = next.getBoundingClientRect().left;
        const prevArrow = prev.querySelector('svg')!;
        const nextArrow = next.querySelector('svg')!;
        if (context.rtl) {
          expect(prevX, 'previous month on the right').to.be.above(nextX);
          expect(pointsRight(prevArrow), 'previous month arrow points right').to.equal(true);
          expect(pointsRight(nextArrow), 'next month arrow points left').to.equal(false);
        } else {
          expect(prevX, 'previous month on the left').to.be.below(nextX);
          expect(pointsRight(prevArrow), 'previous month arrow points left').to.equal(false);
          expect(pointsRight(nextArrow), 'next month arrow points right').to.equal(true);
        }
      });

      it('your details: the held time, the countdown and the form', async () => {
        const { widget } = context;
        const picker = inner(widget, 'slotkit-slot-picker')!;
        inner<HTMLElement>(picker, 'li[role="option"]')!.click();
        await until(() => heading(widget) === t.widget.detailsHeading, 'details step');
        const countdown = await until(() => {
          const element = inner(widget, 'slotkit-countdown');
          return element && inner(element, '[part="timer"]') ? element : null;
        }, 'countdown');
        await checkState(context, t.widget.detailsHeading);
        // The summary names the service and, once held, the time with its zone.
        const summary = clean(inner(widget, '[part="summary"]')!.textContent);
        expect(summary).to.include('Hill Valley Barbers');
        expect(summary).to.include(new Intl.NumberFormat(locale).format(30));
        expect(clean(inner(countdown, '[part="label"]')!.textContent)).to.equal(t.countdown.label);
        expect(clean(inner(countdown, '[part="label"]')!.textContent)).to.equal(expected.countdown);
        const form = inner(widget, 'slotkit-customer-form')!;
        expect(clean(inner(form, '[part~="submit"]')!.textContent)).to.equal(t.widget.submit);
        expect(clean(inner(form, '[part~="submit"]')!.textContent)).to.equal(expected.submit);
      });

      it('the result: booked, with the summary and the reference', async () => {
        const { widget } = context;
        await fillAndSubmit(widget, 'Marty McFly', 'marty@example.test');
        const booked = t.widget.outcome.booked;
        await until(() => heading(widget) === booked, 'result step');
        await checkState(context, booked);
        // The outcome in the visitor's words, checked against fixed text too.
        expect(heading(widget)).to.equal(expected.booked);
        const result = inner(widget, '[part="result"]')!;
        expect(result.getAttribute('data-outcome')).to.equal('booked');
        expect(clean(result.querySelector('dt')!.textContent)).to.equal(t.widget.referenceLabel);
        // The summary above still names what was booked.
        expect(clean(inner(widget, '[part="summary"]')!.textContent)).to.contain(
          'Hill Valley Barbers',
        );
      });

      it('manage the booking: summary, cancel form, change time', async () => {
        const { widget } = context;
        (await until(() => button(widget, t.widget.manageLink), 'manage link')).click();
        await until(
          () => heading(widget) === t.widget.manageHeading && inner(widget, 'form.cancel'),
          'manage view',
        );
        await checkState(context, t.widget.manageHeading);
        // Cancelling is the secondary action, behind a disclosure that says what happens.
        const cancel = inner(widget, 'details.cancel-details > summary');
        expect(clean(cancel?.textContent)).to.equal(clean(t.widget.cancelBooking));
        expect(button(widget, t.widget.reschedule), 'change time button').to.not.equal(undefined);
        expect(clean(inner(widget, 'label[for="message"]')!.textContent)).to.equal(
          t.widget.cancelMessage,
        );
      });
    });

    describe('a paid class', () => {
      before(async () => {
        Object.assign(
          context,
          await mount(
            html`<slotkit-widget
              app-key=${DEMO_KEYS.paidClass}
              project-id="proj_paid_class"
              time-zone=${ZONE}
              locale=${locale}
            ></slotkit-widget>`,
          ),
        );
      });

      it('choose a class: the class list with seats and Book buttons', async () => {
        const { widget } = context;
        const list = await until(() => {
          const element = inner(widget, 'slotkit-class-list');
          return element && inner(element, '[part~="book-button"]:not([disabled])')
            ? element
            : null;
        }, 'bookable classes listed');
        await checkState(context, t.widget.chooseClassHeading);
        expect(clean(inner(list, '[part~="book-button"]')!.textContent)).to.equal(t.classList.book);
        const label = inner(list, '[part="seats-label"]')!;
        const own = [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
        expect(clean(own.map((node) => node.textContent).join(''))).to.equal(t.classList.seats);
        // The seat options in the locale's digits.
        const options = [...inner<HTMLSelectElement>(list, '[part~="seats-select"]')!.options];
        const digits = new Intl.NumberFormat(locale);
        expect(options.map((option) => clean(option.textContent))).to.deep.equal(
          options.map((_, index) => digits.format(index + 1)),
        );
      });

      it('your details: the held seats, the countdown and the form', async () => {
        const { widget } = context;
        const list = inner(widget, 'slotkit-class-list')!;
        const select = inner<HTMLSelectElement>(list, '[part~="seats-select"]')!;
        select.value = '3';
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        inner<HTMLButtonElement>(list, '[part~="book-button"]:not([disabled])')!.click();
        await until(() => heading(widget) === t.widget.detailsHeading, 'details step');
        await until(() => {
          const element = inner(widget, 'slotkit-countdown');
          return element && inner(element, '[part="timer"]');
        }, 'countdown');
        await checkState(context, t.widget.detailsHeading);
        // The seats held are said beside the summary, in the locale's digits.
        expect(inner(widget, '.widget')!.textContent).to.include(
          new Intl.NumberFormat(locale).format(3),
        );
        expect(
          clean(inner(inner(widget, 'slotkit-customer-form')!, '[part~="submit"]')!.textContent),
        ).to.equal(t.widget.submitPayment);
      });

      it('payment: the summary, the payment window and the pay button', async () => {
        const { widget } = context;
        await fillAndSubmit(widget, 'Biff Tannen', 'biff@example.test');
        await until(() => heading(widget) === t.widget.paymentHeading, 'payment step');
        await until(() => {
          const element = inner(widget, 'slotkit-countdown');
          return element && inner(element, '[part="timer"]');
        }, 'payment countdown');
        await checkState(context, t.widget.paymentHeading);
        expect(button(widget, t.widget.payTest), 'pay button').to.not.equal(undefined);
        // Three seats at 20.00 USD each, in the locale's money format.
        const due = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(
          60,
        );
        expect(clean(inner(widget, '[data-amount]')!.textContent)).to.contain(clean(due));
      });

      it('the result: paid', async () => {
        const { widget } = context;
        button(widget, t.widget.payTest)!.click();
        await until(() => heading(widget) === t.widget.outcome.paid, 'result step');
        await checkState(context, t.widget.outcome.paid);
        expect(inner(widget, '[part="result"]')!.getAttribute('data-outcome')).to.equal('paid');
      });
    });
  });
}

// ------------------------------------------------------------------ the elements on their own

describe('the inner elements on their own, in Arabic, at 320 px', function () {
  this.timeout(10_000);
  let t: Messages;
  before(async () => {
    t = await loadMessages('ar');
  });
  afterEach(unmount);

  const slot = (start: string) => ({
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString(),
    resources: [{ id: 'r1', name: 'Anna', timezone: ZONE }],
  });

  /** Mounts one element with locale="ar" and checks what every element must do in Arabic. */
  async function standalone(
    template: TemplateResult,
    ready: (host: Element) => unknown,
    lang = 'ar',
  ) {
    const { box, widget: host } = await mount(template);
    await until(() => ready(host), `${host.localName} rendered`);
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await frames();
    const base = host.shadowRoot!.querySelector('[part~="base"], form')!;
    expect(base.getAttribute('dir'), `${host.localName}'s own dir`).to.equal('rtl');
    expect(base.getAttribute('lang'), `${host.localName}'s own lang`).to.equal(lang);
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(layoutProblems(host, box)).to.deep.equal([]);
    expect(digitOrderProblems(host)).to.deep.equal([]);
    return host;
  }

  it('<slotkit-slot-picker>: mirrored calendar, arrows and times', async () => {
    const picker = await standalone(
      html`<slotkit-slot-picker
        locale="ar"
        time-zone=${ZONE}
        .now=${() => Date.UTC(2027, 0, 4, 12)}
        .dates=${['2027-01-12', '2027-01-14']}
        .slots=${['08', '09', '10', '13'].map((hour) => slot(`2027-01-12T${hour}:00:00Z`))}
        selected-date="2027-01-12"
      ></slotkit-slot-picker>`,
      (host) =>
        inner(host, 'li[role="option"]') &&
        inner(host, '[part~="prev-button"]')!.getAttribute('aria-label') ===
          t.slotPicker.previousMonth,
    );
    const prev = inner(picker, '[part~="prev-button"]')!;
    const next = inner(picker, '[part~="next-button"]')!;
    expect(prev.getBoundingClientRect().left).to.be.above(next.getBoundingClientRect().left);
    expect(pointsRight(prev.querySelector('svg')!), 'previous arrow points right').to.equal(true);
    expect(pointsRight(next.querySelector('svg')!), 'next arrow points left').to.equal(false);
    const heading = inner(picker, '#times-heading')!;
    const { text, right } = textAndContentBox(heading);
    expect(Math.abs(text.right - right), 'times heading flush right').to.be.below(1.5);
  });

  it('<slotkit-class-list>: right to left, seat options in the locale’s digits', async () => {
    const start = Date.parse('2026-11-27T08:00:00Z');
    const group = {
      id: 'g1',
      graph: 'group_owner',
      state: 'tentative',
      completed: false,
      created_at: '2026-11-01T10:00:00Z',
      updated_at: '2026-11-01T10:00:00Z',
      attributes: {
        event_info: {
          start: new Date(start).toISOString(),
          end: new Date(start + 3_600_000).toISOString(),
          what: 'يوغا',
        },
        group_booking: {
          current_seats: 2,
          max_seats: 20,
          seats_left: 18,
          bookable_until: new Date(start - 7_200_000).toISOString(),
        },
      },
      resource: { id: 'r1', name: 'Doc Brown', timezone: 'UTC' },
    };
    const list = await standalone(
      html`<slotkit-class-list
        locale="ar-EG"
        time-zone=${ZONE}
        .now=${Date.parse(NOW)}
        .groups=${[group]}
      ></slotkit-class-list>`,
      (host) => clean(inner(host, '[part~="book-button"]')?.textContent) === t.classList.book,
      'ar-EG',
    );
    const select = inner<HTMLSelectElement>(list, '[part~="seats-select"]')!;
    expect([...select.options].slice(0, 3).map((option) => option.text)).to.deep.equal([
      '١',
      '٢',
      '٣',
    ]);
    expect([...select.options].slice(0, 3).map((option) => option.value)).to.deep.equal([
      '1',
      '2',
      '3',
    ]);
  });

  it('<slotkit-customer-form>: right to left, labels at the right', async () => {
    const form = await standalone(
      html`<slotkit-customer-form locale="ar"></slotkit-customer-form>`,
      (host) => clean(inner(host, '[part~="submit"]')?.textContent) === t.customerForm.submit,
    );
    const label = inner(form, 'label')!;
    const { text, right } = textAndContentBox(label);
    expect(Math.abs(text.right - right), 'label flush right').to.be.below(1.5);
  });

  it('<slotkit-countdown>: right to left, the clock reads left to right', async () => {
    const now = Date.parse(NOW);
    const countdown = await standalone(
      html`<slotkit-countdown
        locale="ar"
        .clock=${() => now}
        expires-at="2026-11-26T12:09:35Z"
      ></slotkit-countdown>`,
      (host) => clean(inner(host, '[part="label"]')?.textContent) === t.countdown.label,
    );
    expect(clean(inner(countdown, '[part="timer"]')!.textContent)).to.equal('9:35');
  });
});
