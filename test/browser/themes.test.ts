/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import {
  AA,
  NEAR_BLACK,
  WHITE,
  accentTextBackgrounds,
  accentTokens,
  contrastRatio,
  isHexColor,
  mix,
  readableOn,
  ACCENT_SOFT_WEIGHT,
} from '../../src/components/shared/contrast.ts';
import { PALETTE } from '../../src/components/shared/tokens.styles.ts';
import { DEMO_KEYS, ManualClock } from '../../src/engine/index.ts';
import { startMockWorker } from '../../src/mock/browser.ts';
import type { Group } from '../../src/schemas/booking.ts';
import type { AvailableSlot } from '../../src/schemas/availability.ts';
import '../../src/components/define-all.ts';
import { inner, until } from './shadow-helpers.ts';

/**
 * The look in every theme, at a phone's and a desktop's width: each element (and the whole
 * widget on the demo data) in light, dark and a brand colour, at 320 and 1280 px, with no
 * horizontal overflow, touch targets of at least 24x24 px, readable text (our own WCAG check of
 * every visible text node, and axe's), plus the contrast helpers and the theme switches.
 */

// ------------------------------------------------------------------ contrast helpers

describe('contrast helpers', () => {
  it('computes WCAG 2 contrast ratios for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    expect(contrastRatio('#ffffff', '#1d4ed8')).to.be.closeTo(6.7, 0.05);
    expect(contrastRatio('#1d4ed8', '#ffffff')).to.equal(contrastRatio('#ffffff', '#1d4ed8'));
    // The classic just-fails grey.
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio('#fff', 'rgb(0, 0, 0)')).to.equal(21);
    expect(contrastRatio('#ffd700', '#ffffff')).to.be.closeTo(1.4, 0.05);
  });

  it('refuses what it cannot measure, and says which colour', () => {
    expect(() => contrastRatio('red', '#fff')).to.throw(RangeError, '"red"');
    expect(() => contrastRatio('rgb(0 0 0 / 0.5)', '#fff')).to.throw(RangeError);
    expect(isHexColor('#b45309')).to.equal(true);
    expect(isHexColor('#abc')).to.equal(true);
    expect(isHexColor('b45309')).to.equal(false);
    expect(isHexColor('#b4530')).to.equal(false);
  });

  it('readableOn picks white or near-black, whichever contrasts more, always at least 4.5:1', () => {
    expect(readableOn('#1d4ed8')).to.equal(WHITE);
    expect(readableOn('#ffd700')).to.equal(NEAR_BLACK);
    expect(readableOn('#ffffff')).to.equal(NEAR_BLACK);
    expect(readableOn('#000000')).to.equal(WHITE);
    // A mid grey: white 4.29:1, near-black 4.09:1; only black reaches AA.
    expect(readableOn('#7a7a7a')).to.equal('#000000');
    const steps = Array.from({ length: 16 }, (_, i) => (i * 17).toString(16).padStart(2, '0'));
    for (const red of steps) {
      for (const green of steps) {
        for (const blue of steps) {
          const background = `#${red}${green}${blue}`;
          const ratio = contrastRatio(readableOn(background), background);
          if (ratio < AA) expect.fail(`${readableOn(background)} on ${background}: ${ratio}`);
        }
      }
    }
  });

  it('accentTokens: a yellow brand gets dark text on it, and a darker yellow as text', () => {
    const tokens = accentTokens('#FFD700', { scheme: 'light' });
    expect(tokens['--slotkit-color-accent']).to.equal('#ffd700');
    expect(tokens['--slotkit-color-on-accent']).to.equal(NEAR_BLACK);
    expect(contrastRatio(NEAR_BLACK, '#ffd700')).to.be.closeTo(12.6, 0.1);
    const text = tokens['--slotkit-color-accent-text'];
    for (const background of accentTextBackgrounds(
      '#ffd700',
      PALETTE.surface.light,
      PALETTE['surface-alt'].light,
    )) {
      expect(contrastRatio(text, background), `${text} on ${background}`).to.be.at.least(AA);
    }
    // Only as far as needed: still a yellow-brown, not black.
    expect(contrastRatio(text, PALETTE['surface-alt'].light)).to.be.below(AA + 0.3);
    const [red, green, blue] = [1, 3, 5].map((at) => parseInt(text.slice(at, at + 2), 16));
    expect(red).to.be.above(green!);
    expect(green).to.be.above(blue!);
  });

  it('accentTokens leaves a brand that already reads well alone, and lightens on dark', () => {
    expect(accentTokens('#1d4ed8', { scheme: 'light' })).to.deep.equal({
      '--slotkit-color-accent': '#1d4ed8',
      '--slotkit-color-on-accent': WHITE,
      '--slotkit-color-accent-text': '#1d4ed8',
    });
    const dark = accentTokens('#1d4ed8', { scheme: 'dark' })['--slotkit-color-accent-text'];
    expect(contrastRatio('#1d4ed8', PALETTE.surface.dark)).to.be.below(AA);
    expect(contrastRatio(dark, PALETTE['surface-alt'].dark)).to.be.at.least(AA);
    expect(contrastRatio(dark, PALETTE.surface.dark)).to.be.at.least(AA);
  });

  it('accentTokens "auto" follows the theme with light-dark(), and takes a custom surface', () => {
    const auto = accentTokens('#b45309');
    expect(auto['--slotkit-color-on-accent']).to.equal(WHITE);
    expect(contrastRatio(WHITE, '#b45309')).to.be.closeTo(5.02, 0.01);
    const match = /^light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)$/.exec(
      auto['--slotkit-color-accent-text'],
    );
    expect(match, auto['--slotkit-color-accent-text']).to.not.equal(null);
    expect(contrastRatio(match![1]!, PALETTE['surface-alt'].light)).to.be.at.least(AA);
    expect(contrastRatio(match![2]!, PALETTE['surface-alt'].dark)).to.be.at.least(AA);
    const onCream = accentTokens('#ffd700', { surface: '#fff8e1' });
    expect(onCream['--slotkit-color-accent-text']).to.match(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(onCream['--slotkit-color-accent-text'], '#fff8e1')).to.be.at.least(AA);
    expect(() => accentTokens('gold')).to.throw(RangeError, 'gold');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the built-in ${scheme} palette: AA text, 3:1 borders, on every surface`, () => {
      const c = (name: keyof typeof PALETTE) => PALETTE[name][scheme];
      const surfaces = [c('surface'), c('surface-alt')];
      const soft = mix(c('accent'), c('surface'), ACCENT_SOFT_WEIGHT);
      const pairs: [string, string, string, number][] = [
        ['on-accent', c('on-accent'), c('accent'), AA],
        ['accent as text', c('accent'), soft, AA],
        ['border', c('border'), c('surface'), 3],
        ['border', c('border'), c('surface-alt'), 3],
      ];
      for (const name of ['text', 'muted', 'danger', 'success', 'accent'] as const) {
        for (const surface of surfaces) pairs.push([name, c(name), surface, AA]);
      }
      for (const [name, foreground, background, minimum] of pairs) {
        expect(
          contrastRatio(foreground, background),
          `${scheme} ${name} ${foreground} on ${background}`,
        ).to.be.at.least(minimum);
      }
    });
  }
});

// ------------------------------------------------------------------ measuring a rendering

type Box = { left: number; right: number };

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

const describeNode = (node: Element): string => {
  const root = node.getRootNode();
  const host = root instanceof ShadowRoot ? `${root.host.localName} ` : '';
  const part = node.getAttribute('part');
  const classes = node.getAttribute('class');
  return `${host}<${node.localName}${part ? ` part="${part}"` : ''}${classes ? ` class="${classes}"` : ''}>`;
};

/** Anything wider than the box it must fit in, or scrolling sideways inside it. */
function overflowProblems(host: Element, box: Box): string[] {
  const problems: string[] = [];
  const outside = (rect: DOMRect) => rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
  if (outside(host.getBoundingClientRect())) problems.push(`${host.localName} itself`);
  const elements = [...deep(host.shadowRoot!)];
  for (const element of elements) {
    const style = getComputedStyle(element);
    // The zone chooser is position: fixed in the top layer: it is measured against the viewport.
    if (style.position === 'fixed') continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (outside(rect) && !element.closest('[part~="times"], .zone-list')) {
      problems.push(`${describeNode(element)} spans ${rect.left}-${rect.right}`);
    }
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      problems.push(
        `${describeNode(element)} content is ${element.scrollWidth} px wide in ${element.clientWidth}`,
      );
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return problems;
}

const TARGETS = [
  'button',
  'select',
  'input:not([type="hidden"])',
  'textarea',
  '[role="option"]',
  '[role="gridcell"][data-date]',
  'a[href]',
];

/** Controls smaller than 24x24 CSS px (WCAG 2.2 target size, minimum). */
function targetProblems(host: Element): string[] {
  const problems: string[] = [];
  let measured = 0;
  for (const element of deep(host.shadowRoot!)) {
    if (!TARGETS.some((selector) => element.matches(selector))) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    measured += 1;
    if (rect.width < 24 || rect.height < 24) {
      problems.push(
        `${describeNode(element)} is ${rect.width.toFixed(1)}x${rect.height.toFixed(1)}`,
      );
    }
  }
  if (measured === 0) problems.push('no controls measured');
  return problems;
}

type Rgba = [number, number, number, number];

function parseComputed(value: string): Rgba {
  const numbers = value.match(/[\d.]+/g)?.map(Number) ?? [];
  if (value.startsWith('color(srgb')) {
    const [r = 0, g = 0, b = 0, a = 1] = numbers;
    return [r * 255, g * 255, b * 255, a];
  }
  if (value.startsWith('rgb')) {
    const [r = 0, g = 0, b = 0, a = 1] = numbers;
    return [r, g, b, a];
  }
  throw new Error(`cannot read computed colour ${value}`);
}

const over = (top: Rgba, bottom: Rgba): Rgba => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

const parentOf = (node: Element): Element | null =>
  node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);

/** The opaque colour behind `element`: its own and its ancestors' backgrounds, over white. */
function backgroundBehind(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const colour = parseComputed(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
}

/** Disabled controls are exempt from contrast (WCAG 1.4.3), and so are those faded for it. */
function isExempt(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) {
    if (node.matches(':disabled, [aria-disabled="true"]:not([role="gridcell"])')) return true;
    if (Number(getComputedStyle(node).opacity) < 1) return true;
  }
  return false;
}

/** Visible text below 4.5:1 (3:1 when large) against what is behind it. */
function contrastProblems(host: Element): string[] {
  const problems: string[] = [];
  for (const element of deep(host.shadowRoot!)) {
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
    );
    const field = element.matches('input:not([type="checkbox"]), select, textarea');
    if (!ownText && !field) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2 || isExempt(element)) continue;
    const style = getComputedStyle(element);
    const background = backgroundBehind(element);
    const foreground = over(parseComputed(style.color), background);
    const ratio = contrastRatio(
      foreground.slice(0, 3).map(Math.round) as unknown as [number, number, number],
      background.slice(0, 3).map(Math.round) as unknown as [number, number, number],
    );
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : AA)) {
      const text = (element.textContent ?? '').trim().slice(0, 30);
      problems.push(`${describeNode(element)} "${text}" is ${ratio.toFixed(2)}:1`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------ themes and widths

const BRAND = '#b45309';

type ThemeName = 'light' | 'dark' | 'brand' | 'brand-dark';

/** How a host page gets each theme: the visitor's preference, or tokens from accentTokens. */
async function applyTheme(container: HTMLElement, theme: ThemeName): Promise<void> {
  await emulateMedia({
    colorScheme: theme === 'dark' || theme === 'brand-dark' ? 'dark' : 'light',
  });
  for (const name of Object.keys(accentTokens(BRAND))) container.style.removeProperty(name);
  if (theme === 'brand' || theme === 'brand-dark') {
    for (const [name, value] of Object.entries(accentTokens(BRAND))) {
      container.style.setProperty(name, value);
    }
  }
}

async function setWidth(container: HTMLElement, width: number): Promise<void> {
  await setViewport({ width, height: 900 });
  container.style.width = `${width}px`;
  // Two frames: container queries and content-visibility settle after layout.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

let stage: HTMLElement | undefined;

/** Renders into a container at the page's left edge (no body margin), kept until `unmount`. */
async function mount(template: TemplateResult): Promise<{ container: HTMLElement; host: Element }> {
  document.body.style.margin = '0';
  stage = document.createElement('div');
  document.body.append(stage);
  render(template, stage);
  const host = stage.firstElementChild!;
  await (host as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return { container: stage, host };
}

function unmount() {
  stage?.remove();
  stage = undefined;
}

const THEMES: ThemeName[] = ['light', 'dark', 'brand', 'brand-dark'];
const WIDTHS = [320, 1280];

/**
 * The matrix for one rendering: a test per theme and width, each asserting no overflow, big
 * enough targets, readable text, and axe.
 */
function checkEveryTheme(
  name: string,
  setup: () => Promise<{ container: HTMLElement; host: Element }>,
) {
  describe(name, function () {
    this.timeout(30_000);
    let container: HTMLElement;
    let host: Element;
    before(async function () {
      this.timeout(30_000);
      ({ container, host } = await setup());
    });
    after(async () => {
      unmount();
      await emulateMedia({ colorScheme: 'light' });
      await setViewport({ width: 800, height: 600 });
    });
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        it(`${theme} at ${width} px`, async () => {
          await applyTheme(container, theme);
          await setWidth(container, width);
          expect(overflowProblems(host, container.getBoundingClientRect())).to.deep.equal([]);
          expect(targetProblems(host)).to.deep.equal([]);
          expect(contrastProblems(host)).to.deep.equal([]);
          await expect(host).to.be.accessible();
        });
      }
    }
  });
}

// ------------------------------------------------------------------ the elements

const pickerSlot = (start: string): AvailableSlot => ({
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  resources: [{ id: 'r1', name: 'Anna', timezone: 'Europe/Copenhagen' }],
});

const PICKER_SLOTS = [8, 9, 10, 12, 13, 15, 16].map((hour) =>
  pickerSlot(`2027-01-12T${String(hour).padStart(2, '0')}:00:00Z`),
);

function group(
  id: string,
  what: string,
  start: string,
  seatsLeft: number,
  resource: string,
): Group {
  const startMs = Date.parse(start);
  return {
    id,
    graph: 'group_owner',
    state: 'tentative',
    completed: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    attributes: {
      event_info: {
        start,
        end: new Date(startMs + 3_600_000).toISOString(),
        what,
        where: 'Studio 2, Courthouse Square, Hill Valley',
      },
      group_booking: {
        current_seats: 20 - seatsLeft,
        max_seats: 20,
        seats_left: seatsLeft,
        bookable_until: new Date(startMs - 7_200_000).toISOString(),
        cancellable_until: new Date(startMs - 86_400_000).toISOString(),
      },
    },
    resource: {
      id: resource,
      name: resource === 'r1' ? 'Doc Brown' : 'Lorraine Baines',
      timezone: 'UTC',
    },
  };
}

const GROUPS = [
  group('g1', "Doc Brown's Yoga", '2026-11-27T08:00:00Z', 3, 'r1'),
  group('g2', 'Flux Capacitor Pilates for Absolute Beginners', '2026-11-27T10:00:00Z', 0, 'r2'),
  group('g3', 'Lunchtime Stretch', '2026-11-20T13:00:00Z', 5, 'r1'),
  group('g4', "Doc Brown's Yoga", '2026-11-28T08:00:00Z', 12, 'r2'),
];

checkEveryTheme('<slotkit-slot-picker> with days and times', () =>
  mount(
    html`<slotkit-slot-picker
      locale="en-GB"
      time-zone="Europe/Copenhagen"
      .now=${() => Date.UTC(2027, 0, 4, 12)}
      .dates=${['2027-01-12', '2027-01-14', '2027-01-20']}
      .slots=${PICKER_SLOTS}
      dates-status="ready"
      slots-status="ready"
      selected-date="2027-01-12"
      .selectedSlot=${PICKER_SLOTS[2]!.start}
    ></slotkit-slot-picker>`,
  ),
);

checkEveryTheme('<slotkit-class-list> with bookable, sold-out and closed classes', () =>
  mount(
    html`<slotkit-class-list
      locale="en-GB"
      time-zone="Europe/Copenhagen"
      .now=${Date.parse('2026-11-20T14:00:00Z')}
      .groups=${GROUPS}
      selected-group-id="g4"
    ></slotkit-class-list>`,
  ),
);

checkEveryTheme('<slotkit-customer-form> with every kind of field and errors shown', async () => {
  const mounted = await mount(
    html`<slotkit-customer-form
      locale="en-GB"
      .fields=${{
        name: { title: 'Your name', split_name: true },
        email: { title: 'E-mail', prefilled: 'doc@example.com', readonly: true },
        phone: { title: 'Phone', enabled: true, required: false },
        comment: { title: 'Comment', format: 'textarea' },
        department: { title: 'Department', format: 'select', enum: ['Development', 'Design'] },
        terms: { title: 'I accept the terms', format: 'checkbox', required: true },
      }}
    ></slotkit-customer-form>`,
  );
  // Submitting empty shows the errors in the danger colour.
  mounted.host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await (mounted.host as Element & { updateComplete: Promise<unknown> }).updateComplete;
  return mounted;
});

checkEveryTheme('<slotkit-countdown> in its last minute, with an extend button', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  return mount(
    html`<slotkit-countdown
      locale="en-GB"
      .clock=${() => now}
      .canExtend=${true}
      hold-id="hold_1"
      expires-at="2026-11-26T12:00:40Z"
    ></slotkit-countdown>`,
  );
});

// ------------------------------------------------------------------ the whole widget

const NOW = '2026-11-26T12:00:00Z';
const clock = new ManualClock(NOW);
let mock: Awaited<ReturnType<typeof startMockWorker>> | undefined;

async function startMock() {
  mock ??= await startMockWorker({ clock, seed: 'demo' });
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
}

after(() => mock?.worker.stop());

const heading = (widget: Element) =>
  inner(widget, '[data-step-heading]')?.textContent?.trim() ?? '';

async function barberWidget(step: 'times' | 'details') {
  await startMock();
  const mounted = await mount(
    html`<slotkit-widget
      app-key=${DEMO_KEYS.barber}
      project-id="proj_barber"
      time-zone="Europe/Copenhagen"
      locale="en-GB"
    ></slotkit-widget>`,
  );
  const widget = mounted.host;
  const picker = await until(() => {
    const element = inner(widget, 'slotkit-slot-picker');
    return element && inner(element, 'td[data-date].available') ? element : null;
  }, 'available days');
  inner<HTMLElement>(picker, 'td[data-date].available')!.click();
  const option = await until(() => inner<HTMLElement>(picker, 'li[role="option"]'), 'times');
  if (step === 'details') {
    option.click();
    await until(() => heading(widget) === 'Your details', 'details step');
    await until(() => inner(widget, 'slotkit-countdown'), 'countdown');
  }
  return mounted;
}

checkEveryTheme('<slotkit-widget> on the demo data: choosing a time', () => barberWidget('times'));
checkEveryTheme('<slotkit-widget> on the demo data: your details', () => barberWidget('details'));
checkEveryTheme('<slotkit-widget> on the demo data: choosing a class', async () => {
  await startMock();
  const mounted = await mount(
    html`<slotkit-widget
      app-key=${DEMO_KEYS.yoga}
      project-id="proj_yoga"
      time-zone="America/New_York"
      locale="en-GB"
    ></slotkit-widget>`,
  );
  await until(() => {
    const list = inner(mounted.host, 'slotkit-class-list');
    return list && inner(list, '[part~="book-button"]');
  }, 'classes listed');
  return mounted;
});

// ------------------------------------------------------------------ switches and preferences

describe('choosing the theme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  const surfaceOf = (element: Element) => getComputedStyle(element).backgroundColor;
  const rgb = (hex: string) =>
    `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
  const LIGHT = rgb(PALETTE.surface.light);
  const DARK = rgb(PALETTE.surface.dark);

  it("follows the visitor's prefers-color-scheme by default", async () => {
    const el = await fixture(
      html`<slotkit-countdown expires-at="2099-01-01T00:00:00Z"></slotkit-countdown>`,
    );
    expect(surfaceOf(el)).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    expect(surfaceOf(el)).to.equal(DARK);
    expect(getComputedStyle(el).color).to.equal(rgb(PALETTE.text.dark));
  });

  it('theme="light|dark" forces one, down into the elements inside the widget', async () => {
    await startMock();
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture(
      html`<slotkit-widget
        theme="light"
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
      ></slotkit-widget>`,
    );
    const picker = await until(() => inner(el, 'slotkit-slot-picker'), 'the slot picker');
    const section = inner(el, '.widget')!;
    expect(surfaceOf(section)).to.equal(LIGHT);
    expect(surfaceOf(picker)).to.equal(LIGHT);
    expect(getComputedStyle(picker).colorScheme).to.equal('light');
    el.setAttribute('theme', 'dark');
    expect(surfaceOf(section)).to.equal(DARK);
    await emulateMedia({ colorScheme: 'light' });
    // The inner element inherits the widget's choice (through --_theme), not the visitor's.
    expect(surfaceOf(section)).to.equal(DARK);
    expect(surfaceOf(picker)).to.equal(DARK);
    expect(getComputedStyle(picker).color).to.equal(rgb(PALETTE.text.dark));
    // Its own attribute wins.
    picker.setAttribute('theme', 'light');
    expect(surfaceOf(picker)).to.equal(LIGHT);
    el.removeAttribute('theme');
    picker.removeAttribute('theme');
    expect(surfaceOf(picker)).to.equal(LIGHT);
  });

  it('--slotkit-color-scheme pins the scheme from the page; explicit colour tokens win', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const wrapper = await fixture(
      html`<div style="--slotkit-color-scheme: light">
        <slotkit-countdown expires-at="2099-01-01T00:00:00Z"></slotkit-countdown>
      </div>`,
    );
    const el = wrapper.querySelector('slotkit-countdown')!;
    expect(surfaceOf(el)).to.equal(LIGHT);
    wrapper.setAttribute('style', '--slotkit-color-scheme: dark; --slotkit-color-surface: #000000');
    expect(surfaceOf(el)).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(el).color).to.equal(rgb(PALETTE.text.dark));
    el.setAttribute('theme', 'light');
    expect(surfaceOf(el)).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(el).color).to.equal(rgb(PALETTE.text.light));
  });

  it('prefers-reduced-motion stops the skeleton pulse and the spinner', async () => {
    const el = await fixture(
      html`<slotkit-slot-picker dates-status="loading"></slotkit-slot-picker>`,
    );
    const skeleton = inner(el, '.skeleton')!;
    expect(getComputedStyle(skeleton).animationName).to.equal('slotkit-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(skeleton).animationName).to.equal('none');
  });

  it('the time-zone chooser fits a 320 px screen, with 24 px options', async function () {
    this.timeout(10_000);
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
        html`<slotkit-slot-picker
          locale="en-GB"
          time-zone="Europe/Copenhagen"
        ></slotkit-slot-picker>`,
      );
      inner<HTMLButtonElement>(el, '[part~="timezone-button"]')!.click();
      await el.updateComplete;
      const popover = await until(() => inner(el, '.popover.open'), 'chooser open');
      const rect = popover.getBoundingClientRect();
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(320);
      expect(targetProblems(el)).to.deep.equal([]);
      expect(contrastProblems(el)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
