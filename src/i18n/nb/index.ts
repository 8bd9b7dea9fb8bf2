/**
 * Norwegian Bokmål (also served for "no" and "nn"). Addresses the visitor as "du"; a booking is
 * a "bestilling", a class a "time", a hold a "reservasjon".
 */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  formatUnit,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'nb') => plural(n, 'nb', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'venter på bekreftelse',
  verification_expired: 'bekreftelsen er utløpt',
  tentative: 'foreløpig',
  confirmed: 'bekreftet',
  declined: 'avslått',
  paid: 'betalt',
  unpaid: 'ikke betalt',
  cancelled: 'avbestilt',
  cancelled_by_customer: 'avbestilt av deg',
  cancelled_by_owner: 'avlyst av arrangøren',
  rescheduled_by_customer: 'flyttet',
  completed: 'fullført',
};

export const nb: Messages = {
  common: {
    retry: 'Prøv igjen',
    loading: 'Laster inn…',
    close: 'Lukk',
    back: 'Tilbake',
    cancel: 'Avbryt',
    unknownError: 'Noe gikk galt. Prøv igjen.',
    networkError:
      'Vi fikk ikke kontakt med bestillingstjenesten. Sjekk tilkoblingen din og prøv igjen.',
    timeoutError: 'Bestillingstjenesten bruker for lang tid på å svare. Prøv igjen.',
    slotGone: 'Det tidspunktet er ikke lenger ledig. Velg et annet.',
    notFound: 'Vi fant ikke denne bestillingen. Lenken kan være utdatert.',
    notAllowed: 'Dette er ikke lenger mulig for denne bestillingen.',
    tooManyRequests: 'For mange forsøk på kort tid. Vent et minutt og prøv igjen.',
    checkDetails: 'Noen opplysninger må sjekkes. Se over skjemaet.',
    wrongCode: 'Koden er feil. Sjekk e-posten og prøv igjen.',
  },

  slotPicker: {
    calendar: 'Kalender',
    previousMonth: 'Forrige måned',
    nextMonth: 'Neste måned',
    day: (date, status) =>
      status === 'available'
        ? `${date}, ledig`
        : status === 'unavailable'
          ? `${date}, ingen tider`
          : date,
    loadingDates: 'Laster inn ledige dager…',
    loadingTimes: 'Laster inn tider…',
    times: 'Tider',
    chooseDay: 'Velg en dag for å se tidene.',
    timesOn: (date) => `Tider ${date}`,
    noTimesOnDay: (date) => `Det er ingen ledige tider igjen ${date}. Velg en annen dag.`,
    noTimesInMonth: (month) => `Ingen tider i ${month}`,
    nextAvailable: (date) => `Første ledige dag: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Ingen ledige tider ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} ledig tid ${date}.`,
              other: (x) => `${x} ledige tider ${date}.`,
            },
            locale,
          ),
    selected: 'valgt',
    timeZone: 'Tidssone',
    chooseTimeZone: 'Velg tidssone',
    searchTimeZones: 'Søk etter tidssone',
    timeZonePlaceholder: 'By eller tidssone',
    timeZones: 'Tidssoner',
    currentTimeZone: 'nåværende',
    timeZoneHint: 'Skriv inn en by eller tidssone, og velg med piltastene og Enter.',
    noTimeZoneMatch: (query) => `Ingen tidssone passer til «${query}».`,
    moreTimeZones: (shown, total, locale) =>
      `Viser ${formatNumber(shown, locale)} av ${formatNumber(total, locale)}. Skriv mer for å snevre inn listen.`,
    timeZoneChanged: (zone) => `Tidene vises nå i ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `«${value}» er ikke en tidssone vi kjenner, så tidene vises i ${fallback}.`,
    invalidSetting: 'Kalenderen er ikke satt opp riktig, så noen dager eller tider kan mangle.',
  },

  classList: {
    loading: 'Laster inn timer…',
    empty: 'Ingen kommende timer',
    noMatches: 'Ingen timer passer med filtrene dine.',
    clearFilters: 'Fjern filtre',
    showMore: 'Vis flere timer',
    filtersLabel: 'Filtrer timer',
    resourceFilter: 'Instruktør',
    allResources: 'Alle',
    titleFilter: 'Søk etter timer',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Sted',
    allPlaces: 'Alle',
    daysLabel: 'Dager',
    allDays: 'Alle dager',
    previousWeek: 'Forrige uke',
    nextWeek: 'Neste uke',
    weekShown: (range: string) => `Dager ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(n, { one: (x) => `${x} plass igjen`, other: (x) => `${x} plasser igjen` }, locale),
    soldOut: 'Fullt',
    fullJoinAnother: (next) => `Fullt: velg et annet tidspunkt (neste: ${next})`,
    seats: 'Plasser',
    seatsFor: (label) => `Plasser på ${label}`,
    book: 'Bestill',
    bookLabel: (label) => `Bestill ${label}`,
    dateAndTime: (date, time) => `${date} kl. ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Bestilling åpner ${when}`,
    bookingClosed: 'Bestillingen er stengt',
    classCount: (n, locale) =>
      count(n, { one: (x) => `${x} time`, other: (x) => `${x} timer` }, locale),
    invalidTimeZone: (value, zone) =>
      `«${value}» er ikke en tidssone vi kjenner, så tidene vises i ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Navn',
      first_name: 'Fornavn',
      last_name: 'Etternavn',
      email: 'E-post',
      phone: 'Telefon',
      voip: 'Skype- eller VoIP-adresse',
      location: 'Sted',
      comment: 'Kommentar',
    },
    optional: '(valgfritt)',
    choose: 'Velg…',
    submit: 'Bestill',
    submitting: 'Bestiller…',
    sending: 'Sender opplysningene dine…',
    errors: {
      required: (label) => `${label} må fylles ut.`,
      requiredChoice: (label) => `${label}: velg et alternativ.`,
      requiredCheckbox: (label) => `Kryss av for «${label}» for å fortsette.`,
      email: (label) => `${label} må være en e-postadresse, for eksempel navn@example.com.`,
      tel: (label) => `${label} må være et telefonnummer, for eksempel +47 912 34 567.`,
      tooLong: (label, max, locale) => `${label} kan ha maks ${formatNumber(max, locale)} tegn.`,
      choice: (label) => `${label}: velg et av alternativene.`,
      invalid: (label) => `${label} er ikke gyldig.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} felt må rettes.`,
          other: (x) => `${x} felter må rettes.`,
        },
        locale,
      ),
    configError: (detail) => `Bestillingsskjemaet er ikke satt opp riktig. ${detail}`,
  },

  countdown: {
    label: 'Holdt av til deg i',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Reservasjonen din utløper om ${timeLeft}.`,
    expired: 'Reservasjonen din er utløpt; tiden er ledig for andre igjen.',
    extend: 'Forleng',
    extending: 'Forlenger…',
    invalidExpiresAt: 'Vi kunne ikke lese når reservasjonen din utløper.',
  },

  widget: {
    configProblem: 'Denne bestillingswidgeten er ikke satt opp riktig:',
    configLoading: 'Laster inn bestillingskalenderen…',
    configFailed: 'Bestillingskalenderen kunne ikke lastes inn.',
    chooseTimeHeading: 'Velg et tidspunkt',
    chooseClassHeading: 'Velg en time',
    rescheduleHeading: 'Velg et nytt tidspunkt',
    detailsHeading: 'Opplysningene dine',
    verifyHeading: 'Sjekk e-posten din',
    paymentHeading: 'Betaling',
    resultHeading: 'Bestilling',
    manageHeading: 'Bestillingen din',
    back: 'Tilbake',
    holding: 'Holder av tiden for deg…',
    heldSlot: (when) => `Holdt av for deg: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Holdt av for deg: ${count(
        seats,
        {
          one: () => 'én plass',
          other: (x) => `${x} plasser`,
        },
        locale,
      )} på ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Tiden er holdt av for deg i ${formatUnit(minutes, 'minute', locale)}. Fyll inn opplysningene dine for å bestille.`,
    holdExpired:
      'Reservasjonen din utløp, og tiden ble frigitt. Velg en tid på nytt; det du har skrevet, er tatt vare på.',
    slotTaken: 'Noen andre tok nettopp den tiden. Velg en annen.',
    classFull: 'Timen har ikke lenger nok plasser. Velg en annen time eller færre plasser.',
    manageLinkInvalid:
      'Lenken til bestillingen din virker ikke (den kan være utdatert eller ufullstendig). Du kan bestille en ny tid nedenfor.',
    submit: 'Bestill',
    submitPayment: 'Gå videre til betaling',
    submitRequest: 'Send bestillingsforespørsel',
    verifyIntro: (email) =>
      `Vi har sendt en sekssifret kode til ${email}. Skriv den inn for å bekrefte bestillingen.`,
    verifyCode: 'Kode',
    verifySubmit: 'Bekreft',
    payIntro: 'Bestillingen din er reservert til betalingsfristen går ut.',
    payTest: 'Betal nå (testbetaling, ingen penger trekkes)',
    paying: 'Behandler betalingen…',
    paymentExpired:
      'Betalingsfristen gikk ut, og bestillingen ble frigitt. Du kan bestille på nytt.',
    resultConfirmed: 'Bestillingen din er bekreftet.',
    resultRequested: 'Forespørselen din er sendt. Arrangøren bekrefter den, og du får en e-post.',
    resultPaid: 'Betalingen er mottatt. Bestillingen din er bekreftet.',
    resultOther: (state) => `Status for bestillingen din: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `En bekreftelse sendes til ${email}.`,
    manageLink: 'Administrer bestillingen',
    bookAnother: 'Bestill en annen tid',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'Når',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Hvor',
    seatsLabel: 'Plasser',
    cancelBooking: 'Avbestill',
    cancelMessage: 'Melding til arrangøren (valgfritt)',
    cancelConfirm: 'Ja, avbestill',
    cancelled: 'Bestillingen din er avbestilt.',
    reschedule: 'Endre tid',
    rescheduleConfirm: (when) => `Flytte bestillingen til ${when}?`,
    rescheduleDone: (when) => `Bestillingen din er flyttet til ${when}.`,
    noActions: 'Det er ikke lenger noe å endre på denne bestillingen.',
    loadingBooking: 'Laster inn bestillingen din…',
    outcome: {
      booked: 'Du er booket',
      requested: 'Forespørsel sendt – verten bekrefter',
      'awaiting-payment': 'Reservert til du betaler',
      paid: 'Betalt og booket',
      'awaiting-verification': 'Venter på koden din',
      declined: 'Verten avslo forespørselen',
      cancelled: 'Denne bestillingen er avlyst',
      'cancelled-by-host': 'Verten har avlyst denne bestillingen',
      moved: 'Denne bestillingen er flyttet til et annet tidspunkt',
      expired: 'Denne bestillingen er frigitt',
      past: 'Denne avtalen har funnet sted',
      processing: 'Vi fullfører bestillingen din',
    },
    online: 'På nett',
    free: 'Gratis',
    referenceLabel: 'Bestillingsnummer',
    priceLabel: 'Pris',
    emailOnItsWay: (email: string) => `En e-post med detaljene er på vei til ${email}.`,
    requestNext: (email: string) =>
      `Verten bekrefter eller avslår forespørselen; vi sender e-post til ${email} uansett.`,
    cancelUntil: (when: string) => `Du kan avlyse frem til ${when}.`,
    cancelClosed: (when: string) =>
      `Avlysning på nett stengte ${when}, fordi verten trenger varsel om plassen. Ta kontakt med verten.`,
    addToCalendar: 'Legg til i kalenderen',
    calendarFile: 'Kalenderfil (.ics)',
    cancelWhatHappens:
      'Når du avlyser, blir tiden ledig for andre og verten får beskjed. Det kan ikke angres.',
    keepBooking: 'Behold bestillingen',
    movedBanner: (from: string, to: string) => `Bestillingen er flyttet: ${from} → ${to}`,
    hostMessage: 'Melding fra verten',
    amountDue: (amount: string) => `Å betale: ${amount}`,
    paymentWindowEnds: 'Går tiden ut før du betaler, blir bestillingen frigitt.',
    paymentFailed: 'Betalingen gikk ikke gjennom, og ingen penger er trukket. Du kan prøve igjen.',
    releaseAndBack: 'Tilbake: frigi dette tidspunktet',
    redirecting: 'Sender deg videre…',
  },
  waitlist: {
    join: 'Sett meg på ventelisten',
    intro:
      'Timen er full. Legg igjen opplysningene dine, så sender vi deg en e-post hvis det blir ledig plass.',
    joinedHeading: 'Du står på ventelisten',
    joined: 'Du står på ventelisten — vi sender deg en e-post hvis det blir ledig plass.',
    forSeats: (seats, locale) =>
      `Venteliste for ${count(seats, { one: () => 'én plass', other: (x) => `${x} plasser` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Du står på ventelisten for ${count(seats, { one: () => 'én plass', other: (x) => `${x} plasser` }, locale)} — vi sender deg en e-post hvis de blir ledige.`,
    seatsAvailable: 'Det er ledige plasser igjen: bestill en nå.',
    leave: 'Forlat ventelisten',
    leftHeading: 'Du har forlatt ventelisten',
    left: 'Du har forlatt ventelisten. Vi sender deg ingen e-post om denne timen.',
    backToClasses: 'Tilbake til timene',
    offerExpired: 'Tilbudet er utløpt, og plassen gikk videre til neste person på ventelisten.',
  },
};
