/** Dutch. Addresses the visitor as "je"; a hold is a "reservering", a booking a "boeking". */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  formatUnit,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'nl') => plural(n, 'nl', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'wacht op verificatie',
  verification_expired: 'verificatie verlopen',
  tentative: 'voorlopig',
  confirmed: 'bevestigd',
  declined: 'afgewezen',
  paid: 'betaald',
  unpaid: 'niet betaald',
  cancelled: 'geannuleerd',
  cancelled_by_customer: 'door jou geannuleerd',
  cancelled_by_owner: 'door de aanbieder geannuleerd',
  rescheduled_by_customer: 'verplaatst',
  completed: 'afgerond',
};

export const nl: Messages = {
  common: {
    retry: 'Opnieuw proberen',
    loading: 'Laden…',
    close: 'Sluiten',
    back: 'Terug',
    cancel: 'Annuleren',
    unknownError: 'Er ging iets mis. Probeer het opnieuw.',
    networkError:
      'We konden de boekingsservice niet bereiken. Controleer je verbinding en probeer het opnieuw.',
    timeoutError: 'De boekingsservice doet er te lang over om te antwoorden. Probeer het opnieuw.',
    slotGone: 'Die tijd is niet meer beschikbaar. Kies een andere.',
    notFound: 'We konden deze boeking niet vinden. De link is misschien verouderd.',
    notAllowed: 'Dit is voor deze boeking niet meer mogelijk.',
    tooManyRequests: 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.',
    checkDetails: 'Sommige gegevens kloppen nog niet. Kijk het formulier na.',
    wrongCode: 'Die code klopt niet. Controleer de e-mail en probeer het opnieuw.',
  },

  slotPicker: {
    calendar: 'Kalender',
    previousMonth: 'Vorige maand',
    nextMonth: 'Volgende maand',
    day: (date, status) =>
      status === 'available'
        ? `${date}, beschikbaar`
        : status === 'unavailable'
          ? `${date}, geen tijden`
          : date,
    loadingDates: 'Beschikbare dagen laden…',
    loadingTimes: 'Tijden laden…',
    times: 'Tijden',
    chooseDay: 'Kies een dag om de tijden te zien.',
    timesOn: (date) => `Tijden op ${date}`,
    noTimesOnDay: (date) => `Er zijn geen tijden meer vrij op ${date}. Kies een andere dag.`,
    noTimesInMonth: (month) => `Geen tijden in ${month}`,
    nextAvailable: (date) => `Eerste beschikbare dag: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Geen tijden beschikbaar op ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} tijd beschikbaar op ${date}.`,
              other: (x) => `${x} tijden beschikbaar op ${date}.`,
            },
            locale,
          ),
    selected: 'geselecteerd',
    timeZone: 'Tijdzone',
    chooseTimeZone: 'Kies een tijdzone',
    searchTimeZones: 'Tijdzones zoeken',
    timeZonePlaceholder: 'Stad of tijdzone',
    timeZones: 'Tijdzones',
    currentTimeZone: 'huidige',
    timeZoneHint: 'Typ een stad of tijdzone en kies met de pijltjestoetsen en Enter.',
    noTimeZoneMatch: (query) => `Geen tijdzone gevonden voor ‘${query}’.`,
    moreTimeZones: (shown, total, locale) =>
      `${formatNumber(shown, locale)} van ${formatNumber(total, locale)} getoond. Typ verder om de lijst te verkleinen.`,
    timeZoneChanged: (zone) => `Tijden worden nu getoond in ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `‘${value}’ is geen bekende tijdzone, dus tijden worden getoond in ${fallback}.`,
    invalidSetting:
      'Deze kalender is niet goed ingesteld, dus er kunnen dagen of tijden ontbreken.',
  },

  classList: {
    loading: 'Lessen laden…',
    empty: 'Geen komende lessen',
    noMatches: 'Geen lessen die aan je filters voldoen.',
    clearFilters: 'Filters wissen',
    showMore: 'Meer lessen tonen',
    filtersLabel: 'Lessen filteren',
    resourceFilter: 'Aanbieder',
    allResources: 'Alle',
    titleFilter: 'Lessen zoeken',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Locatie',
    allPlaces: 'Alle',
    daysLabel: 'Dagen',
    allDays: 'Alle dagen',
    previousWeek: 'Vorige week',
    nextWeek: 'Volgende week',
    weekShown: (range: string) => `Dagen ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(n, { one: (x) => `Nog ${x} plek`, other: (x) => `Nog ${x} plekken` }, locale),
    soldOut: 'Volgeboekt',
    fullJoinAnother: (next) => `Vol: kies een ander tijdstip (eerstvolgende: ${next})`,
    seats: 'Plekken',
    seatsFor: (label) => `Plekken voor ${label}`,
    book: 'Boeken',
    bookLabel: (label) => `${label} boeken`,
    dateAndTime: (date, time) => `${date} om ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Boeken kan vanaf ${when}`,
    bookingClosed: 'Boeken niet meer mogelijk',
    classCount: (n, locale) =>
      count(n, { one: (x) => `${x} les`, other: (x) => `${x} lessen` }, locale),
    invalidTimeZone: (value, zone) =>
      `‘${value}’ is geen bekende tijdzone, dus tijden worden getoond in ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Naam',
      first_name: 'Voornaam',
      last_name: 'Achternaam',
      email: 'E-mail',
      phone: 'Telefoon',
      voip: 'Skype- of VoIP-adres',
      location: 'Locatie',
      comment: 'Opmerking',
    },
    optional: '(optioneel)',
    choose: 'Kies…',
    submit: 'Boeken',
    submitting: 'Bezig met boeken…',
    sending: 'Je gegevens worden verstuurd…',
    errors: {
      required: (label) => `${label} is verplicht.`,
      requiredChoice: (label) => `${label}: kies een optie.`,
      requiredCheckbox: (label) => `Vink ‘${label}’ aan om door te gaan.`,
      email: (label) => `${label} moet een e-mailadres zijn, zoals naam@example.com.`,
      tel: (label) => `${label} moet een telefoonnummer zijn, zoals +31 6 12345678.`,
      tooLong: (label, max, locale) =>
        `${label} mag maximaal ${count(
          max,
          {
            one: (x) => `${x} teken`,
            other: (x) => `${x} tekens`,
          },
          locale,
        )} bevatten.`,
      choice: (label) => `${label}: kies een van de opties.`,
      invalid: (label) => `${label} is ongeldig.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} veld vraagt je aandacht.`,
          other: (x) => `${x} velden vragen je aandacht.`,
        },
        locale,
      ),
    configError: (detail) => `Dit boekingsformulier is niet goed ingesteld. ${detail}`,
  },

  countdown: {
    label: 'Voor je gereserveerd:',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Je reservering verloopt over ${timeLeft}.`,
    expired: 'Je reservering is verlopen; het tijdstip is weer vrij voor anderen.',
    extend: 'Verlengen',
    extending: 'Bezig met verlengen…',
    invalidExpiresAt: 'We konden niet lezen wanneer je reservering afloopt.',
  },

  widget: {
    configProblem: 'Deze boekingswidget is niet goed ingesteld:',
    configLoading: 'Boekingskalender laden…',
    configFailed: 'De boekingskalender kon niet worden geladen.',
    chooseTimeHeading: 'Kies een tijd',
    chooseClassHeading: 'Kies een les',
    rescheduleHeading: 'Kies een nieuwe tijd',
    detailsHeading: 'Je gegevens',
    verifyHeading: 'Controleer je e-mail',
    paymentHeading: 'Betaling',
    resultHeading: 'Boeking',
    manageHeading: 'Je boeking',
    back: 'Terug',
    holding: 'Deze tijd wordt voor je vastgehouden…',
    heldSlot: (when) => `Voor je gereserveerd: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Voor je gereserveerd: ${count(
        seats,
        {
          one: () => 'één plek',
          other: (x) => `${x} plekken`,
        },
        locale,
      )} voor ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Deze tijd is ${formatUnit(minutes, 'minute', locale)} voor je gereserveerd. Vul je gegevens in om te boeken.`,
    holdExpired:
      'Je reservering is verlopen en de tijd is vrijgegeven. Kies opnieuw een tijd; wat je hebt ingevuld, blijft bewaard.',
    slotTaken: 'Iemand anders heeft die tijd net geboekt. Kies een andere.',
    classFull: 'Die les heeft niet genoeg plekken meer. Kies een andere les of minder plekken.',
    manageLinkInvalid:
      'De link naar je boeking werkt niet (hij is misschien verlopen of onvolledig). Je kunt hieronder een nieuwe tijd boeken.',
    submit: 'Boeken',
    submitPayment: 'Verder naar betalen',
    submitRequest: 'Boeking aanvragen',
    verifyIntro: (email) =>
      `We hebben een code van 6 cijfers naar ${email} gestuurd. Vul die in om je boeking te bevestigen.`,
    verifyCode: 'Code',
    verifySubmit: 'Bevestigen',
    payIntro: 'Je boeking blijft gereserveerd tot de betaaltermijn afloopt.',
    payTest: 'Nu betalen (testbetaling, er wordt niets afgeschreven)',
    paying: 'Betaling wordt verwerkt…',
    paymentExpired:
      'De betaaltermijn is verlopen en de boeking is vrijgegeven. Je kunt opnieuw boeken.',
    resultConfirmed: 'Je boeking is bevestigd.',
    resultRequested:
      'Je aanvraag is verstuurd. De aanbieder bevestigt hem en je krijgt een e-mail.',
    resultPaid: 'Betaling ontvangen. Je boeking is bevestigd.',
    resultOther: (state) => `Status van je boeking: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Er gaat een bevestiging naar ${email}.`,
    manageLink: 'Deze boeking beheren',
    bookAnother: 'Nog een tijd boeken',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'Wanneer',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Waar',
    seatsLabel: 'Plekken',
    cancelBooking: 'Boeking annuleren',
    cancelMessage: 'Bericht aan de aanbieder (optioneel)',
    cancelConfirm: 'Ja, annuleren',
    cancelled: 'Je boeking is geannuleerd.',
    reschedule: 'Tijd wijzigen',
    rescheduleConfirm: (when) => `Je boeking verplaatsen naar ${when}?`,
    rescheduleDone: (when) => `Je boeking is verplaatst naar ${when}.`,
    noActions: 'Aan deze boeking valt niets meer te wijzigen.',
    loadingBooking: 'Je boeking laden…',
    outcome: {
      booked: 'Je bent geboekt',
      requested: 'Aanvraag verstuurd – de host bevestigt',
      'awaiting-payment': 'Gereserveerd tot je betaalt',
      paid: 'Betaald en geboekt',
      'awaiting-verification': 'We wachten op je code',
      declined: 'De host heeft deze aanvraag afgewezen',
      cancelled: 'Deze boeking is geannuleerd',
      'cancelled-by-host': 'De host heeft deze boeking geannuleerd',
      moved: 'Deze boeking is naar een andere tijd verplaatst',
      expired: 'Deze boeking is vrijgegeven',
      past: 'Deze afspraak heeft plaatsgevonden',
      processing: 'We ronden je boeking af',
    },
    online: 'Online',
    free: 'Gratis',
    referenceLabel: 'Boekingsnummer',
    priceLabel: 'Prijs',
    emailOnItsWay: (email: string) => `Er is een e-mail met de details onderweg naar ${email}.`,
    requestNext: (email: string) =>
      `De host bevestigt of wijst je aanvraag af; we mailen ${email} in beide gevallen.`,
    cancelUntil: (when: string) => `Je kunt annuleren tot ${when}.`,
    cancelClosed: (when: string) =>
      `Online annuleren kon tot ${when}, omdat de host tijd nodig heeft om de plek te vullen. Neem contact op met de host.`,
    addToCalendar: 'Toevoegen aan agenda',
    calendarFile: 'Agendabestand (.ics)',
    cancelWhatHappens:
      'Annuleren geeft je tijd vrij voor iemand anders en laat het de host weten. Dit kan niet ongedaan worden gemaakt.',
    keepBooking: 'Boeking houden',
    movedBanner: (from: string, to: string) => `Je boeking is verplaatst: ${from} → ${to}`,
    hostMessage: 'Bericht van de host',
    amountDue: (amount: string) => `Te betalen: ${amount}`,
    paymentWindowEnds: 'Loopt de tijd af voordat je betaalt, dan wordt de boeking vrijgegeven.',
    paymentFailed:
      'De betaling is niet gelukt en er is geen geld afgeschreven. Je kunt het opnieuw proberen.',
    releaseAndBack: 'Terug: deze tijd vrijgeven',
    redirecting: 'We sturen je door…',
  },
  waitlist: {
    join: 'Op de wachtlijst',
    intro: 'Deze les is vol. Laat je gegevens achter, dan mailen we je als er een plek vrijkomt.',
    joinedHeading: 'Je staat op de wachtlijst',
    joined: 'Je staat op de wachtlijst — we mailen je als er een plek vrijkomt.',
    forSeats: (seats, locale) =>
      `Wachtlijst voor ${count(seats, { one: () => 'één plek', other: (x) => `${x} plekken` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Je staat op de wachtlijst voor ${count(seats, { one: () => 'één plek', other: (x) => `${x} plekken` }, locale)} — we mailen je als ze vrijkomen.`,
    seatsAvailable: 'Er zijn weer plekken vrij: boek er nu een.',
    leave: 'Wachtlijst verlaten',
    leftHeading: 'Je staat niet meer op de wachtlijst',
    left: 'Je staat niet meer op de wachtlijst. We mailen je niet meer over deze les.',
    backToClasses: 'Terug naar de lessen',
    offerExpired: 'Dit aanbod is verlopen en de plek is naar de volgende op de wachtlijst gegaan.',
  },
};
