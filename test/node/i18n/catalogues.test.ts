/**
 * Every catalogue against English: the same keys all the way down, the same kind of value at
 * each key, every message function returning real text for sample arguments (placeholders kept),
 * plural forms right for each language's own categories, and every text translated but the
 * words a language shares with English, listed per locale.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en } from '../../../src/i18n/en/index.ts';
import {
  isRtl,
  loadMessages,
  matchLocale,
  messagesFor,
  supportedLocales,
  type Messages,
} from '../../../src/i18n/index.ts';
import { LOCALES } from '../../../src/i18n/locales.ts';

// ------------------------------------------------------------------ sample arguments

/** The keys of T whose values are message functions or sections holding some. */
type FunctionKeys<T> = {
  [K in keyof T]: T[K] extends string ? never : T[K] extends Record<string, string> ? never : K;
}[keyof T];

/** Argument lists for every message function, shaped like the catalogue: a type, so none is forgotten. */
type Samples<T> = {
  [K in FunctionKeys<T>]: T[K] extends (...args: infer A) => string ? A[] : Samples<T[K]>;
};

/** Placeholder values: a message must keep each one (they are the visitor's data). */
const DATE = '⟨date⟩';
const TIME = '⟨time⟩';
const WHEN = '⟨when⟩';
const LABEL = '⟨label⟩';
const ZONE = '⟨zone⟩';
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000];

function samplesFor(locale: string): Samples<Messages> {
  // Counts whose digits follow the visitor's locale.
  const localeCounts = COUNTS.map((n): [number, string] => [n, locale]);
  return {
    slotPicker: {
      day: [
        [DATE, 'available'],
        [DATE, 'unavailable'],
        [DATE, 'unknown'],
      ],
      timesOn: [[DATE]],
      noTimesOnDay: [[DATE]],
      noTimesInMonth: [['⟨month⟩']],
      nextAvailable: [[DATE]],
      timesAvailable: COUNTS.map((n): [number, string, string] => [n, DATE, locale]),
      noTimeZoneMatch: [['⟨query⟩']],
      moreTimeZones: [
        [50, 418, locale],
        [1, 2, locale],
      ],
      timeZoneChanged: [[ZONE]],
      invalidTimeZone: [['⟨value⟩', ZONE]],
    },
    classList: {
      seatsLeft: localeCounts,
      fullJoinAnother: [[WHEN]],
      seatsFor: [[LABEL]],
      bookLabel: [[LABEL]],
      dateAndTime: [[DATE, TIME]],
      range: [['⟨from⟩', '⟨to⟩']],
      classLabel: [['⟨title⟩', WHEN]],
      bookingOpens: [[WHEN]],
      weekShown: [['⟨range⟩']],
      classCount: localeCounts,
      invalidTimeZone: [['⟨value⟩', ZONE]],
    },
    customerForm: {
      errors: {
        required: [[LABEL]],
        requiredChoice: [[LABEL]],
        requiredCheckbox: [[LABEL]],
        email: [[LABEL]],
        tel: [[LABEL]],
        tooLong: COUNTS.map((n): [string, number, string] => [LABEL, n, locale]),
        choice: [[LABEL]],
        invalid: [[LABEL]],
        server: [[LABEL, '⟨message⟩']],
      },
      needAttention: localeCounts,
      configError: [['⟨detail⟩']],
    },
    countdown: {
      timerName: [[LABEL, '⟨time left⟩']],
      timeLeft: [['⟨time left⟩']],
    },
    widget: {
      heldSlot: [[WHEN]],
      heldSeats: COUNTS.map((n): [string, string, number, string] => ['⟨what⟩', WHEN, n, locale]),
      holdCreatedAnnouncement: localeCounts,
      verifyIntro: [['⟨email⟩']],
      whatAndWhen: [['⟨what⟩', WHEN]],
      resultOther: [['cancelled_by_owner'], ['declined'], ['some_future_state']],
      confirmationSentTo: [['⟨email⟩']],
      state: [['confirmed'], ['cancelled_by_customer'], ['some_future_state']],
      rescheduleConfirm: [[WHEN]],
      rescheduleDone: [[WHEN]],
      emailOnItsWay: [['⟨email⟩']],
      requestNext: [['⟨email⟩']],
      cancelUntil: [[WHEN]],
      cancelClosed: [[WHEN]],
      movedBanner: [[WHEN, '⟨new time⟩']],
      amountDue: [['⟨amount⟩']],
    },
    waitlist: {
      forSeats: localeCounts,
      joinedSeats: localeCounts,
    },
  };
}

// ------------------------------------------------------------------ walking catalogues

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) =>
      leaves(inner, path ? `${path}.${key}` : key),
    );
  }
  return [{ path, value }];
}

function at(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
}

/** Every text a catalogue produces, by path: strings as they are, functions for each sample. */
function texts(messages: Messages, locale: string): Map<string, string> {
  const samples = samplesFor(locale);
  const out = new Map<string, string>();
  for (const { path, value } of leaves(messages)) {
    if (typeof value === 'string') {
      out.set(path, value);
      continue;
    }
    const calls = at(samples, path) as unknown[][];
    assert.ok(Array.isArray(calls), `no sample arguments for ${path}`);
    calls.forEach((args, index) => {
      out.set(`${path}(${index})`, (value as (...a: unknown[]) => string)(...args));
    });
  }
  return out;
}

const others = LOCALES.filter((locale) => locale !== 'en');

/**
 * Texts a translation may leave exactly as English, per locale, with the text: words the
 * language shares with English. Anything else equal to English is an untranslated string.
 */
const SAME_AS_ENGLISH: Record<string, Record<string, string>> = {
  de: {
    'customerForm.labels.name': 'Name',
    'customerForm.optional': '(optional)',
    'widget.verifyCode': 'Code',
    'widget.stateLabel': 'Status',
    // Names of classes, capitalised as German nouns are.
    'classList.searchPlaceholder': 'Yoga, Pilates…',
    // The loan word these languages use for a place on the web.
    'widget.online': 'Online',
  },
  fr: { 'widget.verifyCode': 'Code', 'classList.searchPlaceholder': 'Yoga, Pilates…' },
  it: { 'customerForm.labels.email': 'Email', 'widget.online': 'Online' },
  nl: { 'widget.verifyCode': 'Code', 'widget.stateLabel': 'Status', 'widget.online': 'Online' },
  da: {
    // Danish books a time with the English loan word ("Book tid", "Booking").
    'classList.book': 'Book',
    'classList.bookLabel(0)': 'Book ⟨label⟩',
    'customerForm.submit': 'Book',
    'widget.resultHeading': 'Booking',
    'widget.submit': 'Book',
    'widget.stateLabel': 'Status',
    'widget.online': 'Online',
  },
  sv: { 'widget.stateLabel': 'Status', 'widget.online': 'Online' },
  nb: { 'widget.stateLabel': 'Status' },
  pt: { 'widget.stateLabel': 'Status' },
};

/** An engine state the widget has no words for is shown as its own name, in every locale. */
const SAME_EVERYWHERE = new Set(['widget.state(2)']);

/** Only placeholders and punctuation ("⟨date⟩, ⟨time⟩"): nothing to translate. */
const isLanguageNeutral = (text: string) => !/\p{L}/u.test(text.replace(/⟨[^⟩]*⟩/g, ''));

async function catalogue(locale: string): Promise<Messages> {
  const messages = await loadMessages(locale);
  assert.notEqual(messages, en, `${locale} did not load`);
  return messages;
}

/** Leaves other than objects: the kind of value at each path. */
function shape(value: unknown): Map<string, string> {
  return new Map(leaves(value).map(({ path, value: leaf }) => [path, typeof leaf]));
}

// ------------------------------------------------------------------ the registry

describe('locale registry', () => {
  test('supportedLocales() lists all twelve, English first', () => {
    assert.deepEqual(supportedLocales(), [
      'en',
      'de',
      'fr',
      'es',
      'it',
      'nl',
      'da',
      'sv',
      'nb',
      'pt',
      'ja',
      'ar',
    ]);
  });

  test('matchLocale() finds the catalogue for a BCP 47 tag', () => {
    const cases: Array<[string, string | undefined]> = [
      ['de-AT', 'de'],
      ['pt-BR', 'pt'],
      ['pt-PT', 'pt'],
      ['nb-NO', 'nb'],
      ['no', 'nb'],
      ['nn-NO', 'nb'],
      ['ar-EG', 'ar'],
      ['ja-JP', 'ja'],
      ['fr-CA', 'fr'],
      ['EN-us', 'en'],
      ['de_CH', 'de'],
      ['sv', 'sv'],
      ['zh-CN', undefined],
      ['tlh', undefined],
      ['', undefined],
      ['constructor', undefined],
      ['__proto__', undefined],
    ];
    for (const [tag, expected] of cases) assert.equal(matchLocale(tag), expected, tag);
  });

  test('only Arabic is right to left', () => {
    assert.deepEqual(
      LOCALES.filter((locale) => isRtl(locale)),
      ['ar'],
    );
  });

  test('an unknown locale resolves to English without loading anything', async () => {
    // English as loaded so far (the elements loaded later add their own sections to it).
    assert.equal(await loadMessages('tlh'), messagesFor('en'));
    assert.equal(await loadMessages('constructor'), messagesFor('en'));
    assert.equal(messagesFor('en')?.common, en.common);
    assert.equal(messagesFor('tlh'), undefined);
  });

  test('concurrent loads of one locale share one catalogue, cached afterwards', async () => {
    const [a, b] = await Promise.all([loadMessages('sv'), loadMessages('sv')]);
    assert.equal(a, b);
    assert.equal(messagesFor('sv'), a);
    assert.equal(a.common.retry, 'Försök igen');
  });
});

// ------------------------------------------------------------------ the catalogues

describe('catalogues', () => {
  for (const locale of others) {
    describe(locale, () => {
      test('has exactly the keys of English, with the same kind of value at each', async () => {
        const messages = await catalogue(locale);
        assert.deepEqual(shape(messages), shape(en));
      });

      test('every string is real text', async () => {
        for (const { path, value } of leaves(await catalogue(locale))) {
          if (typeof value !== 'string') continue;
          assert.ok(value.trim().length > 0, `${locale} ${path} is empty`);
          assert.equal(value, value.trim(), `${locale} ${path} has stray whitespace`);
        }
      });

      test('every message function returns text for sample arguments and keeps placeholders', async () => {
        const messages = await catalogue(locale);
        const samples = samplesFor(locale);
        for (const { path, value } of leaves(messages)) {
          if (typeof value !== 'function') continue;
          assert.equal(
            value.length,
            (at(en, path) as (...args: unknown[]) => string).length,
            `${locale} ${path} takes other arguments than English`,
          );
          for (const args of at(samples, path) as unknown[][]) {
            const text: unknown = value(...args);
            const call = `${locale} ${path}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
            assert.equal(typeof text, 'string', `${call} is not a string`);
            assert.ok((text as string).trim().length > 0, `${call} is empty`);
            assert.doesNotMatch(text as string, /undefined|NaN|\[object|\$\{/, call);
            for (const arg of args) {
              if (typeof arg === 'string' && arg.startsWith('⟨')) {
                assert.ok((text as string).includes(arg), `${call} drops ${arg}: ${text}`);
              }
            }
          }
        }
      });

      test('is translated: only its allow-listed words are the same as in English', async () => {
        const mine = texts(await catalogue(locale), locale);
        const english = texts(en, locale);
        const same = Object.fromEntries(
          [...mine].filter(
            ([key, text]) =>
              english.get(key) === text && !isLanguageNeutral(text) && !SAME_EVERYWHERE.has(key),
          ),
        );
        assert.deepEqual(
          same,
          SAME_AS_ENGLISH[locale] ?? {},
          `${locale}: untranslated or stale allow-list`,
        );
      });

      test('names known booking states in its own words, and still shows an unknown one', async () => {
        const { widget } = await catalogue(locale);
        for (const state of [
          'confirmed',
          'tentative',
          'cancelled_by_owner',
          'awaiting_verification',
        ]) {
          assert.notEqual(widget.state(state), en.widget.state(state), `${locale} ${state}`);
          assert.doesNotMatch(widget.state(state), /_/);
        }
        assert.match(widget.state('brand_new_state'), /brand new state/);
      });
    });
  }
});

test('no two catalogues are copies of each other (under 40% of strings alike)', async () => {
  const strings = new Map<string, Leaf[]>();
  for (const locale of LOCALES) {
    const all = leaves(await loadMessages(locale));
    strings.set(
      locale,
      all.filter((leaf) => typeof leaf.value === 'string'),
    );
  }
  for (const a of LOCALES) {
    for (const b of LOCALES) {
      if (a >= b) continue;
      const other = new Map(strings.get(b)!.map((leaf) => [leaf.path, leaf.value]));
      const mine = strings.get(a)!;
      const alike = mine.filter((leaf) => other.get(leaf.path) === leaf.value).length;
      assert.ok(
        alike / mine.length < 0.4,
        `${a} and ${b} share ${alike} of ${mine.length} strings`,
      );
    }
  }
});

// ------------------------------------------------------------------ plurals

describe('plural forms follow each language', () => {
  test('Arabic uses all six categories', async () => {
    const { classList, customerForm, widget } = await catalogue('ar');
    assert.deepEqual(
      [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map((n) => classList.seatsLeft(n, 'ar')),
      [
        'لم يتبقَّ أي مقعد',
        'بقي مقعد واحد',
        'بقي مقعدان',
        'بقيت 3 مقاعد',
        'بقيت 10 مقاعد',
        'بقي 11 مقعدًا',
        'بقي 99 مقعدًا',
        'بقي 100 مقعد',
        'بقي 102 مقعد',
        'بقيت 103 مقاعد',
        'بقي 111 مقعدًا',
      ],
    );
    assert.equal(customerForm.needAttention(2, 'ar'), 'يحتاج حقلان إلى مراجعة.');
    assert.equal(customerForm.needAttention(4, 'ar'), 'تحتاج 4 حقول إلى مراجعة.');
    assert.match(widget.holdCreatedAnnouncement(2, 'ar'), /لمدة دقيقتين/);
    assert.match(widget.holdCreatedAnnouncement(10, 'ar'), /لمدة 10 دقائق/);
    assert.match(widget.holdCreatedAnnouncement(15, 'ar'), /لمدة 15 دقيقة/);
  });

  test("counts take the digits of the visitor's locale (ar-EG writes Arabic-Indic)", async () => {
    const { classList, customerForm, widget } = await catalogue('ar');
    assert.equal(classList.seatsLeft(3, 'ar-EG'), 'بقيت ٣ مقاعد');
    assert.equal(classList.classCount(11, 'ar-EG'), '١١ حصة');
    assert.equal(customerForm.needAttention(4, 'ar-EG'), 'تحتاج ٤ حقول إلى مراجعة.');
    assert.match(customerForm.errors.tooLong('الاسم', 40, 'ar-EG'), /٤٠/);
    assert.match(widget.holdCreatedAnnouncement(10, 'ar-EG'), /لمدة ١٠ دقائق/);
    // The same catalogue on a Moroccan page keeps Latin digits, as Intl does there.
    assert.equal(classList.seatsLeft(3, 'ar-MA'), 'بقيت 3 مقاعد');
    assert.equal(en.classList.seatsLeft(3, 'ar-EG'), '٣ left');
  });

  test('Arabic digits follow the visitor’s locale where a message is given one', async () => {
    const { slotPicker, widget } = await catalogue('ar');
    assert.match(slotPicker.timesAvailable(3, DATE, 'ar-EG'), /٣ أوقات/);
    assert.match(slotPicker.moreTimeZones(50, 418, 'ar-EG'), /٥٠/);
    assert.match(widget.heldSeats('⟨what⟩', WHEN, 3, 'ar-EG'), /٣ مقاعد/);
  });

  test('one and other where a language has them; French counts 0 and 1 alike', async () => {
    const de = await catalogue('de');
    assert.equal(de.classList.seatsLeft(1, 'de'), 'Noch 1 Platz frei');
    assert.equal(de.classList.seatsLeft(2, 'de'), 'Noch 2 Plätze frei');
    assert.equal(de.customerForm.needAttention(1, 'ar'), 'Bitte prüfen Sie 1 Feld.');
    assert.match(de.widget.heldSeats('Yoga', WHEN, 1, 'de'), /ein Platz für Yoga/);
    assert.match(de.widget.holdCreatedAnnouncement(1, 'de'), /1 Minute /);
    assert.match(de.widget.holdCreatedAnnouncement(10, 'de'), /10 Minuten /);
    const fr = await catalogue('fr');
    assert.equal(fr.customerForm.needAttention(0, 'ar'), '0\u00a0champ à vérifier.');
    assert.equal(fr.customerForm.needAttention(1, 'ar'), '1\u00a0champ à vérifier.');
    assert.equal(fr.customerForm.needAttention(2, 'ar'), '2\u00a0champs à vérifier.');
    assert.equal(
      fr.classList.seatsLeft(1_000_000, 'fr'),
      '1\u202f000\u202f000\u00a0de places restantes',
    );
    const pt = await catalogue('pt');
    assert.equal(pt.classList.classCount(1, 'pt'), '1 aula');
    assert.equal(pt.classList.classCount(2, 'pt'), '2 aulas');
    const nb = await catalogue('nb');
    assert.equal(nb.classList.seatsLeft(1, 'nb'), '1 plass igjen');
    assert.equal(nb.classList.seatsLeft(4, 'nb'), '4 plasser igjen');
  });

  test('Japanese has one form and groups digits', async () => {
    const ja = await catalogue('ja');
    assert.equal(ja.classList.seatsLeft(1, 'ja'), '残り1席');
    assert.equal(ja.classList.seatsLeft(1200, 'ja'), '残り1,200席');
    assert.equal(ja.widget.holdCreatedAnnouncement(10, 'ja').startsWith('この時間を10分間'), true);
  });

  test('English keeps English forms for a visitor locale without a catalogue', () => {
    // Russian calls 21 "one"; English must still say "times".
    assert.equal(
      en.slotPicker.timesAvailable(21, 'Tuesday 12 January', 'ru'),
      '21 times available on Tuesday 12 January.',
    );
    assert.equal(
      en.slotPicker.timesAvailable(1, 'Tuesday 12 January', 'ru'),
      '1 time available on Tuesday 12 January.',
    );
  });
});
