/** Swedish. Addresses the visitor as "du"; a class is a "pass", a hold a "reservation". */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  formatUnit,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'sv') => plural(n, 'sv', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'väntar på bekräftelse',
  verification_expired: 'bekräftelsen har gått ut',
  tentative: 'preliminär',
  confirmed: 'bekräftad',
  declined: 'avböjd',
  paid: 'betald',
  unpaid: 'obetald',
  cancelled: 'avbokad',
  cancelled_by_customer: 'avbokad av dig',
  cancelled_by_owner: 'inställd av arrangören',
  rescheduled_by_customer: 'flyttad',
  completed: 'genomförd',
};

export const sv: Messages = {
  common: {
    retry: 'Försök igen',
    loading: 'Laddar…',
    close: 'Stäng',
    back: 'Tillbaka',
    cancel: 'Avbryt',
    unknownError: 'Något gick fel. Försök igen.',
    networkError: 'Vi kunde inte nå bokningstjänsten. Kontrollera din anslutning och försök igen.',
    timeoutError: 'Bokningstjänsten tar för lång tid på sig att svara. Försök igen.',
    slotGone: 'Den tiden är inte längre ledig. Välj en annan.',
    notFound: 'Vi hittade inte bokningen. Länken kan vara inaktuell.',
    notAllowed: 'Det går inte längre att göra så med den här bokningen.',
    tooManyRequests: 'För många försök på kort tid. Vänta en minut och försök igen.',
    checkDetails: 'Några uppgifter behöver ses över. Kontrollera formuläret.',
    wrongCode: 'Koden stämmer inte. Kontrollera e-postmeddelandet och försök igen.',
  },

  slotPicker: {
    calendar: 'Kalender',
    previousMonth: 'Föregående månad',
    nextMonth: 'Nästa månad',
    day: (date, status) =>
      status === 'available'
        ? `${date}, lediga tider`
        : status === 'unavailable'
          ? `${date}, inga tider`
          : date,
    loadingDates: 'Laddar lediga dagar…',
    loadingTimes: 'Laddar tider…',
    times: 'Tider',
    chooseDay: 'Välj en dag för att se dess tider.',
    timesOn: (date) => `Tider ${date}`,
    noTimesOnDay: (date) => `Det finns inga lediga tider kvar ${date}. Välj en annan dag.`,
    noTimesInMonth: (month) => `Inga tider i ${month}`,
    nextAvailable: (date) => `Första lediga dag: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Inga lediga tider ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} ledig tid ${date}.`,
              other: (x) => `${x} lediga tider ${date}.`,
            },
            locale,
          ),
    selected: 'vald',
    timeZone: 'Tidszon',
    chooseTimeZone: 'Välj tidszon',
    searchTimeZones: 'Sök tidszon',
    timeZonePlaceholder: 'Stad eller tidszon',
    timeZones: 'Tidszoner',
    currentTimeZone: 'nuvarande',
    timeZoneHint: 'Skriv en stad eller tidszon och välj med piltangenterna och Enter.',
    noTimeZoneMatch: (query) => `Ingen tidszon matchar ”${query}”.`,
    moreTimeZones: (shown, total, locale) =>
      `Visar ${formatNumber(shown, locale)} av ${formatNumber(total, locale)}. Fortsätt skriva för att begränsa listan.`,
    timeZoneChanged: (zone) => `Tiderna visas nu i ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `”${value}” är ingen tidszon vi känner till, så tiderna visas i ${fallback}.`,
    invalidSetting: 'Kalendern är inte rätt inställd, så vissa dagar eller tider kan saknas.',
  },

  classList: {
    loading: 'Laddar pass…',
    empty: 'Inga kommande pass',
    noMatches: 'Inga pass matchar dina filter.',
    clearFilters: 'Rensa filter',
    showMore: 'Visa fler pass',
    filtersLabel: 'Filtrera pass',
    resourceFilter: 'Ledare',
    allResources: 'Alla',
    titleFilter: 'Sök pass',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Plats',
    allPlaces: 'Alla',
    daysLabel: 'Dagar',
    allDays: 'Alla dagar',
    previousWeek: 'Föregående vecka',
    nextWeek: 'Nästa vecka',
    weekShown: (range: string) => `Dagar ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(n, { one: (x) => `${x} plats kvar`, other: (x) => `${x} platser kvar` }, locale),
    soldOut: 'Fullbokat',
    fullJoinAnother: (next) => `Fullbokat: välj en annan tid (nästa: ${next})`,
    seats: 'Platser',
    seatsFor: (label) => `Platser på ${label}`,
    book: 'Boka',
    bookLabel: (label) => `Boka ${label}`,
    dateAndTime: (date, time) => `${date} kl. ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Bokningen öppnar ${when}`,
    bookingClosed: 'Bokningen har stängt',
    // "pass" is the same in the singular and the plural.
    classCount: (n, locale) => count(n, { other: (x) => `${x} pass` }, locale),
    invalidTimeZone: (value, zone) =>
      `”${value}” är ingen tidszon vi känner till, så tiderna visas i ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Namn',
      first_name: 'Förnamn',
      last_name: 'Efternamn',
      email: 'E-post',
      phone: 'Telefon',
      voip: 'Skype- eller VoIP-adress',
      location: 'Plats',
      comment: 'Kommentar',
    },
    optional: '(valfritt)',
    choose: 'Välj…',
    submit: 'Boka',
    submitting: 'Bokar…',
    sending: 'Skickar dina uppgifter…',
    errors: {
      required: (label) => `${label} måste fyllas i.`,
      requiredChoice: (label) => `${label}: välj ett alternativ.`,
      requiredCheckbox: (label) => `Kryssa i ”${label}” för att fortsätta.`,
      email: (label) => `${label} måste vara en e-postadress, till exempel namn@example.com.`,
      tel: (label) => `${label} måste vara ett telefonnummer, till exempel +46 70 123 45 67.`,
      tooLong: (label, max, locale) =>
        `${label} får vara högst ${formatNumber(max, locale)} tecken.`,
      choice: (label) => `${label}: välj ett av alternativen.`,
      invalid: (label) => `${label} är inte giltigt.`,
      server: (label, message) => `${label}: ${message}`,
    },
    // "fält" is the same in the singular and the plural.
    needAttention: (n, locale) => count(n, { other: (x) => `${x} fält behöver åtgärdas.` }, locale),
    configError: (detail) => `Bokningsformuläret är inte rätt inställt. ${detail}`,
  },

  countdown: {
    label: 'Reserverat åt dig i',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Din reservation går ut om ${timeLeft}.`,
    expired: 'Din reservation har gått ut; tiden är ledig för andra igen.',
    extend: 'Förläng',
    extending: 'Förlänger…',
    invalidExpiresAt: 'Vi kunde inte läsa när din reservation går ut.',
  },

  widget: {
    configProblem: 'Den här bokningswidgeten är inte rätt inställd:',
    configLoading: 'Laddar bokningskalendern…',
    configFailed: 'Bokningskalendern kunde inte laddas.',
    chooseTimeHeading: 'Välj en tid',
    chooseClassHeading: 'Välj ett pass',
    rescheduleHeading: 'Välj en ny tid',
    detailsHeading: 'Dina uppgifter',
    verifyHeading: 'Kolla din e-post',
    paymentHeading: 'Betalning',
    resultHeading: 'Bokning',
    manageHeading: 'Din bokning',
    back: 'Tillbaka',
    holding: 'Reserverar tiden åt dig…',
    heldSlot: (when) => `Reserverad åt dig: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Reserverat åt dig: ${count(
        seats,
        {
          one: () => 'en plats',
          other: (x) => `${x} platser`,
        },
        locale,
      )} på ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Tiden är reserverad åt dig i ${formatUnit(minutes, 'minute', locale)}. Fyll i dina uppgifter för att boka.`,
    holdExpired:
      'Din reservation gick ut och tiden släpptes. Välj en tid igen; det du har skrivit finns kvar.',
    slotTaken: 'Någon annan tog just den tiden. Välj en annan.',
    classFull:
      'Passet har inte längre tillräckligt många platser. Välj ett annat pass eller färre platser.',
    manageLinkInvalid:
      'Länken till din bokning fungerar inte (den kan vara inaktuell eller ofullständig). Du kan boka en ny tid nedan.',
    submit: 'Boka',
    submitPayment: 'Fortsätt till betalning',
    submitRequest: 'Skicka bokningsförfrågan',
    verifyIntro: (email) =>
      `Vi har skickat en sexsiffrig kod till ${email}. Ange den för att bekräfta din bokning.`,
    verifyCode: 'Kod',
    verifySubmit: 'Bekräfta',
    payIntro: 'Din bokning är reserverad tills betalningstiden går ut.',
    payTest: 'Betala nu (testbetalning, inga pengar dras)',
    paying: 'Betalningen behandlas…',
    paymentExpired: 'Betalningstiden gick ut och bokningen släpptes. Du kan boka igen.',
    resultConfirmed: 'Din bokning är bekräftad.',
    resultRequested: 'Din förfrågan är skickad. Arrangören bekräftar den, och du får ett mejl.',
    resultPaid: 'Betalningen har tagits emot. Din bokning är bekräftad.',
    resultOther: (state) => `Status för din bokning: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `En bekräftelse skickas till ${email}.`,
    manageLink: 'Hantera bokningen',
    bookAnother: 'Boka en annan tid',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'När',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Var',
    seatsLabel: 'Platser',
    cancelBooking: 'Avboka',
    cancelMessage: 'Meddelande till arrangören (valfritt)',
    cancelConfirm: 'Ja, avboka',
    cancelled: 'Din bokning är avbokad.',
    reschedule: 'Byt tid',
    rescheduleConfirm: (when) => `Flytta din bokning till ${when}?`,
    rescheduleDone: (when) => `Din bokning är flyttad till ${when}.`,
    noActions: 'Det finns inget mer att ändra i den här bokningen.',
    loadingBooking: 'Laddar din bokning…',
    outcome: {
      booked: 'Du är bokad',
      requested: 'Förfrågan skickad – värden bekräftar',
      'awaiting-payment': 'Reserverad tills du betalar',
      paid: 'Betald och bokad',
      'awaiting-verification': 'Väntar på din kod',
      declined: 'Värden tackade nej till förfrågan',
      cancelled: 'Bokningen är avbokad',
      'cancelled-by-host': 'Värden har avbokat bokningen',
      moved: 'Bokningen flyttades till en annan tid',
      expired: 'Bokningen har släppts',
      past: 'Tillfället har redan ägt rum',
      processing: 'Vi slutför din bokning',
    },
    online: 'Online',
    free: 'Gratis',
    referenceLabel: 'Bokningsnummer',
    priceLabel: 'Pris',
    emailOnItsWay: (email: string) =>
      `Ett e-postmeddelande med detaljerna är på väg till ${email}.`,
    requestNext: (email: string) =>
      `Värden bekräftar eller tackar nej; vi mejlar ${email} i båda fallen.`,
    cancelUntil: (when: string) => `Du kan avboka fram till ${when}.`,
    cancelClosed: (when: string) =>
      `Avbokning online stängde ${when} eftersom värden behöver framförhållning för platsen. Kontakta värden.`,
    addToCalendar: 'Lägg till i kalendern',
    calendarFile: 'Kalenderfil (.ics)',
    cancelWhatHappens:
      'Avbokning släpper tiden till någon annan och meddelar värden. Det går inte att ångra.',
    keepBooking: 'Behåll min bokning',
    movedBanner: (from: string, to: string) => `Din bokning är flyttad: ${from} → ${to}`,
    hostMessage: 'Meddelande från värden',
    amountDue: (amount: string) => `Att betala: ${amount}`,
    paymentWindowEnds: 'Om tiden tar slut innan du betalar släpps bokningen.',
    paymentFailed: 'Betalningen gick inte igenom och inga pengar har dragits. Du kan försöka igen.',
    releaseAndBack: 'Tillbaka: släpp den här tiden',
    redirecting: 'Skickar dig vidare…',
  },
  waitlist: {
    join: 'Ställ dig i kö',
    intro: 'Passet är fullt. Lämna dina uppgifter så mejlar vi dig om en plats blir ledig.',
    joinedHeading: 'Du står i kön',
    joined: 'Du står i kön — vi mejlar dig om en plats blir ledig.',
    forSeats: (seats, locale) =>
      `Kö för ${count(seats, { one: () => 'en plats', other: (x) => `${x} platser` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Du står i kön för ${count(seats, { one: () => 'en plats', other: (x) => `${x} platser` }, locale)} — vi mejlar dig om de blir lediga.`,
    seatsAvailable: 'Det finns lediga platser igen: boka en nu.',
    leave: 'Lämna kön',
    leftHeading: 'Du har lämnat kön',
    left: 'Du har lämnat kön. Vi mejlar dig inte om det här passet.',
    backToClasses: 'Tillbaka till passen',
    offerExpired: 'Erbjudandet har gått ut och platsen gick vidare till nästa person i kön.',
  },
};
