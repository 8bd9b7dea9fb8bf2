/** Danish. Addresses the visitor as "du"; a class is a "hold", a hold a "reservation". */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  formatUnit,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'da') => plural(n, 'da', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'afventer bekræftelse',
  verification_expired: 'bekræftelsen er udløbet',
  tentative: 'foreløbig',
  confirmed: 'bekræftet',
  declined: 'afvist',
  paid: 'betalt',
  unpaid: 'ikke betalt',
  cancelled: 'annulleret',
  cancelled_by_customer: 'annulleret af dig',
  cancelled_by_owner: 'annulleret af udbyderen',
  rescheduled_by_customer: 'flyttet',
  completed: 'gennemført',
};

export const da: Messages = {
  common: {
    retry: 'Prøv igen',
    loading: 'Indlæser…',
    close: 'Luk',
    back: 'Tilbage',
    cancel: 'Annuller',
    unknownError: 'Noget gik galt. Prøv igen.',
    networkError:
      'Vi kunne ikke få forbindelse til bookingtjenesten. Tjek din forbindelse, og prøv igen.',
    timeoutError: 'Bookingtjenesten er for længe om at svare. Prøv igen.',
    slotGone: 'Det tidspunkt er ikke længere ledigt. Vælg et andet.',
    notFound: 'Vi kunne ikke finde denne booking. Linket er måske forældet.',
    notAllowed: 'Det er ikke længere muligt for denne booking.',
    tooManyRequests: 'For mange forsøg på kort tid. Vent et minut, og prøv igen.',
    checkDetails: 'Nogle oplysninger skal ses efter. Tjek formularen.',
    wrongCode: 'Koden er forkert. Tjek e-mailen, og prøv igen.',
  },

  slotPicker: {
    calendar: 'Kalender',
    previousMonth: 'Forrige måned',
    nextMonth: 'Næste måned',
    day: (date, status) =>
      status === 'available'
        ? `${date}, ledig`
        : status === 'unavailable'
          ? `${date}, ingen tider`
          : date,
    loadingDates: 'Indlæser ledige dage…',
    loadingTimes: 'Indlæser tider…',
    times: 'Tider',
    chooseDay: 'Vælg en dag for at se dens tider.',
    timesOn: (date) => `Tider ${date}`,
    noTimesOnDay: (date) => `Der er ikke flere ledige tider ${date}. Vælg en anden dag.`,
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
    timeZone: 'Tidszone',
    chooseTimeZone: 'Vælg tidszone',
    searchTimeZones: 'Søg efter tidszone',
    timeZonePlaceholder: 'By eller tidszone',
    timeZones: 'Tidszoner',
    currentTimeZone: 'nuværende',
    timeZoneHint: 'Skriv en by eller tidszone, og vælg med piletasterne og Enter.',
    noTimeZoneMatch: (query) => `Ingen tidszone passer til »${query}«.`,
    moreTimeZones: (shown, total, locale) =>
      `Viser ${formatNumber(shown, locale)} af ${formatNumber(total, locale)}. Skriv mere for at indsnævre listen.`,
    timeZoneChanged: (zone) => `Tiderne vises nu i ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `»${value}« er ikke en tidszone, vi kender, så tiderne vises i ${fallback}.`,
    invalidSetting: 'Kalenderen er ikke sat korrekt op, så nogle dage eller tider kan mangle.',
  },

  classList: {
    loading: 'Indlæser hold…',
    empty: 'Ingen kommende hold',
    noMatches: 'Ingen hold passer til dine filtre.',
    clearFilters: 'Ryd filtre',
    showMore: 'Vis flere hold',
    filtersLabel: 'Filtrér hold',
    resourceFilter: 'Underviser',
    allResources: 'Alle',
    titleFilter: 'Søg efter hold',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Sted',
    allPlaces: 'Alle',
    daysLabel: 'Dage',
    allDays: 'Alle dage',
    previousWeek: 'Forrige uge',
    nextWeek: 'Næste uge',
    weekShown: (range: string) => `Dage ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(n, { one: (x) => `${x} plads tilbage`, other: (x) => `${x} pladser tilbage` }, locale),
    soldOut: 'Fuldt booket',
    fullJoinAnother: (next) => `Fuldt booket: vælg et andet tidspunkt (næste: ${next})`,
    seats: 'Pladser',
    seatsFor: (label) => `Pladser på ${label}`,
    book: 'Book',
    bookLabel: (label) => `Book ${label}`,
    dateAndTime: (date, time) => `${date} kl. ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Booking åbner ${when}`,
    bookingClosed: 'Booking lukket',
    // "hold" is the same in the singular and the plural.
    classCount: (n, locale) => count(n, { other: (x) => `${x} hold` }, locale),
    invalidTimeZone: (value, zone) =>
      `»${value}« er ikke en tidszone, vi kender, så tiderne vises i ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Navn',
      first_name: 'Fornavn',
      last_name: 'Efternavn',
      email: 'E-mail',
      phone: 'Telefon',
      voip: 'Skype- eller VoIP-adresse',
      location: 'Sted',
      comment: 'Kommentar',
    },
    optional: '(valgfrit)',
    choose: 'Vælg…',
    submit: 'Book',
    submitting: 'Booker…',
    sending: 'Sender dine oplysninger…',
    errors: {
      required: (label) => `${label} skal udfyldes.`,
      requiredChoice: (label) => `${label}: vælg en mulighed.`,
      requiredCheckbox: (label) => `Sæt kryds ved »${label}« for at fortsætte.`,
      email: (label) => `${label} skal være en e-mailadresse, f.eks. navn@example.com.`,
      tel: (label) => `${label} skal være et telefonnummer, f.eks. +45 12 34 56 78.`,
      tooLong: (label, max, locale) =>
        `${label} må højst være på ${formatNumber(max, locale)} tegn.`,
      choice: (label) => `${label}: vælg en af mulighederne.`,
      invalid: (label) => `${label} er ikke gyldig.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} felt skal rettes.`,
          other: (x) => `${x} felter skal rettes.`,
        },
        locale,
      ),
    configError: (detail) => `Bookingformularen er ikke sat korrekt op. ${detail}`,
  },

  countdown: {
    label: 'Reserveret til dig i',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Din reservation udløber om ${timeLeft}.`,
    expired: 'Din reservation er udløbet; tiden er ledig for andre igen.',
    extend: 'Forlæng',
    extending: 'Forlænger…',
    invalidExpiresAt: 'Vi kunne ikke læse, hvornår din reservation udløber.',
  },

  widget: {
    configProblem: 'Denne bookingwidget er ikke sat korrekt op:',
    configLoading: 'Indlæser bookingkalenderen…',
    configFailed: 'Bookingkalenderen kunne ikke indlæses.',
    chooseTimeHeading: 'Vælg et tidspunkt',
    chooseClassHeading: 'Vælg et hold',
    rescheduleHeading: 'Vælg et nyt tidspunkt',
    detailsHeading: 'Dine oplysninger',
    verifyHeading: 'Tjek din e-mail',
    paymentHeading: 'Betaling',
    resultHeading: 'Booking',
    manageHeading: 'Din booking',
    back: 'Tilbage',
    holding: 'Reserverer tiden til dig…',
    heldSlot: (when) => `Reserveret til dig: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Reserveret til dig: ${count(
        seats,
        {
          one: () => 'én plads',
          other: (x) => `${x} pladser`,
        },
        locale,
      )} på ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Tiden er reserveret til dig i ${formatUnit(minutes, 'minute', locale)}. Udfyld dine oplysninger for at booke.`,
    holdExpired:
      'Din reservation udløb, og tiden blev frigivet. Vælg en tid igen; det, du har skrevet, er gemt.',
    slotTaken: 'En anden har lige taget den tid. Vælg en anden.',
    classFull: 'Holdet har ikke længere nok pladser. Vælg et andet hold eller færre pladser.',
    manageLinkInvalid:
      'Linket til din booking virker ikke (det kan være forældet eller ufuldstændigt). Du kan booke en ny tid nedenfor.',
    submit: 'Book',
    submitPayment: 'Fortsæt til betaling',
    submitRequest: 'Send bookingforespørgsel',
    verifyIntro: (email) =>
      `Vi har sendt en 6-cifret kode til ${email}. Indtast den for at bekræfte din booking.`,
    verifyCode: 'Kode',
    verifySubmit: 'Bekræft',
    payIntro: 'Din booking er reserveret, indtil betalingsfristen udløber.',
    payTest: 'Betal nu (testbetaling, der trækkes ingen penge)',
    paying: 'Behandler betalingen…',
    paymentExpired: 'Betalingsfristen udløb, og bookingen blev frigivet. Du kan booke igen.',
    resultConfirmed: 'Din booking er bekræftet.',
    resultRequested: 'Din forespørgsel er sendt. Udbyderen bekræfter den, og du får en e-mail.',
    resultPaid: 'Betaling modtaget. Din booking er bekræftet.',
    resultOther: (state) => `Status for din booking: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Der sendes en bekræftelse til ${email}.`,
    manageLink: 'Administrer denne booking',
    bookAnother: 'Book en anden tid',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'Hvornår',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Hvor',
    seatsLabel: 'Pladser',
    cancelBooking: 'Annuller booking',
    cancelMessage: 'Besked til udbyderen (valgfrit)',
    cancelConfirm: 'Ja, annuller den',
    cancelled: 'Din booking er annulleret.',
    reschedule: 'Skift tid',
    rescheduleConfirm: (when) => `Flyt din booking til ${when}?`,
    rescheduleDone: (when) => `Din booking er flyttet til ${when}.`,
    noActions: 'Der er ikke længere noget at ændre i denne booking.',
    loadingBooking: 'Indlæser din booking…',
    outcome: {
      booked: 'Du er booket',
      requested: 'Forespørgsel sendt – værten bekræfter',
      'awaiting-payment': 'Reserveret, indtil du betaler',
      paid: 'Betalt og booket',
      'awaiting-verification': 'Venter på din kode',
      declined: 'Værten har afvist forespørgslen',
      cancelled: 'Denne booking er aflyst',
      'cancelled-by-host': 'Værten har aflyst denne booking',
      moved: 'Denne booking er flyttet til et andet tidspunkt',
      expired: 'Denne booking er frigivet',
      past: 'Denne aftale har fundet sted',
      processing: 'Vi gør din booking færdig',
    },
    online: 'Online',
    free: 'Gratis',
    referenceLabel: 'Bookingnummer',
    priceLabel: 'Pris',
    emailOnItsWay: (email: string) => `En e-mail med detaljerne er på vej til ${email}.`,
    requestNext: (email: string) =>
      `Værten bekræfter eller afviser din forespørgsel; vi skriver til ${email} under alle omstændigheder.`,
    cancelUntil: (when: string) => `Du kan aflyse indtil ${when}.`,
    cancelClosed: (when: string) =>
      `Aflysning online lukkede ${when}, fordi værten skal have varsel om pladsen. Kontakt værten.`,
    addToCalendar: 'Føj til kalender',
    calendarFile: 'Kalenderfil (.ics)',
    cancelWhatHappens:
      'Når du aflyser, bliver tiden ledig for andre, og værten får besked. Det kan ikke fortrydes.',
    keepBooking: 'Behold min booking',
    movedBanner: (from: string, to: string) => `Din booking er flyttet: ${from} → ${to}`,
    hostMessage: 'Besked fra værten',
    amountDue: (amount: string) => `Beløb: ${amount}`,
    paymentWindowEnds: 'Løber tiden ud, før du betaler, bliver bookingen frigivet.',
    paymentFailed: 'Betalingen gik ikke igennem, og der er ikke trukket penge. Du kan prøve igen.',
    releaseAndBack: 'Tilbage: frigiv dette tidspunkt',
    redirecting: 'Sender dig videre…',
  },
  waitlist: {
    join: 'Skriv dig på ventelisten',
    intro:
      'Holdet er fuldt. Skriv dine oplysninger, så mailer vi dig, hvis der bliver en plads ledig.',
    joinedHeading: 'Du er på ventelisten',
    joined: 'Du er på ventelisten — vi mailer dig, hvis der bliver en plads ledig.',
    forSeats: (seats, locale) =>
      `Venteliste til ${count(seats, { one: () => 'én plads', other: (x) => `${x} pladser` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Du er på ventelisten til ${count(seats, { one: () => 'én plads', other: (x) => `${x} pladser` }, locale)} — vi mailer dig, hvis de bliver ledige.`,
    seatsAvailable: 'Der er ledige pladser igen: book en nu.',
    leave: 'Forlad ventelisten',
    leftHeading: 'Du har forladt ventelisten',
    left: 'Du har forladt ventelisten. Vi skriver ikke til dig om dette hold.',
    backToClasses: 'Tilbage til holdene',
    offerExpired: 'Tilbuddet er udløbet, og pladsen er gået videre til den næste på ventelisten.',
  },
};
