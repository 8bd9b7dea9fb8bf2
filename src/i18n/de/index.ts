/** German. Addresses the visitor as "Sie"; "Reservierung" is a hold, "Buchung" a booking. */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  formatUnit,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'de') => plural(n, 'de', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'wartet auf Bestätigung per E-Mail',
  verification_expired: 'Bestätigung abgelaufen',
  tentative: 'vorläufig',
  confirmed: 'bestätigt',
  declined: 'abgelehnt',
  paid: 'bezahlt',
  unpaid: 'nicht bezahlt',
  cancelled: 'storniert',
  cancelled_by_customer: 'von Ihnen storniert',
  cancelled_by_owner: 'vom Anbieter storniert',
  rescheduled_by_customer: 'verschoben',
  completed: 'abgeschlossen',
};

export const de: Messages = {
  common: {
    retry: 'Erneut versuchen',
    loading: 'Wird geladen…',
    close: 'Schließen',
    back: 'Zurück',
    cancel: 'Abbrechen',
    unknownError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    networkError:
      'Der Buchungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    timeoutError: 'Der Buchungsdienst antwortet zu langsam. Bitte versuchen Sie es erneut.',
    slotGone: 'Diese Zeit ist nicht mehr frei. Bitte wählen Sie eine andere.',
    notFound: 'Wir konnten diese Buchung nicht finden. Der Link ist vielleicht veraltet.',
    notAllowed: 'Diese Aktion ist für diese Buchung nicht mehr möglich.',
    tooManyRequests:
      'Zu viele Versuche in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
    checkDetails:
      'Einige Angaben müssen Sie noch einmal prüfen. Bitte sehen Sie sich das Formular an.',
    wrongCode: 'Dieser Code stimmt nicht. Prüfen Sie die E-Mail und versuchen Sie es erneut.',
  },

  slotPicker: {
    calendar: 'Kalender',
    previousMonth: 'Vorheriger Monat',
    nextMonth: 'Nächster Monat',
    day: (date, status) =>
      status === 'available'
        ? `${date}, verfügbar`
        : status === 'unavailable'
          ? `${date}, keine Termine`
          : date,
    loadingDates: 'Verfügbare Tage werden geladen…',
    loadingTimes: 'Uhrzeiten werden geladen…',
    times: 'Uhrzeiten',
    chooseDay: 'Wählen Sie einen Tag, um seine Uhrzeiten zu sehen.',
    timesOn: (date) => `Uhrzeiten am ${date}`,
    noTimesOnDay: (date) =>
      `Am ${date} sind keine Termine mehr frei. Bitte wählen Sie einen anderen Tag.`,
    noTimesInMonth: (month) => `Keine Termine im ${month}`,
    nextAvailable: (date) => `Nächster freier Termin: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Am ${date} sind keine Termine verfügbar.`
        : count(
            n,
            {
              one: (x) => `${x} Termin am ${date} verfügbar.`,
              other: (x) => `${x} Termine am ${date} verfügbar.`,
            },
            locale,
          ),
    selected: 'ausgewählt',
    timeZone: 'Zeitzone',
    chooseTimeZone: 'Zeitzone wählen',
    searchTimeZones: 'Zeitzonen durchsuchen',
    timeZonePlaceholder: 'Stadt oder Zeitzone',
    timeZones: 'Zeitzonen',
    currentTimeZone: 'aktuell',
    timeZoneHint:
      'Geben Sie eine Stadt oder Zeitzone ein und wählen Sie mit den Pfeiltasten und der Eingabetaste.',
    noTimeZoneMatch: (query) => `Keine Zeitzone passt zu „${query}“.`,
    moreTimeZones: (shown, total, locale) =>
      `${formatNumber(shown, locale)} von ${formatNumber(total, locale)} angezeigt. Tippen Sie weiter, um die Liste einzugrenzen.`,
    timeZoneChanged: (zone) => `Zeitzone geändert: ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `„${value}“ ist keine bekannte Zeitzone. Die Uhrzeiten werden in dieser Zeitzone angezeigt: ${fallback}.`,
    invalidSetting:
      'Dieser Kalender ist nicht richtig eingerichtet, daher fehlen möglicherweise einige Tage oder Uhrzeiten.',
  },

  classList: {
    loading: 'Kurse werden geladen…',
    empty: 'Keine anstehenden Kurse',
    noMatches: 'Keine Kurse entsprechen Ihren Filtern.',
    clearFilters: 'Filter zurücksetzen',
    showMore: 'Weitere Kurse anzeigen',
    filtersLabel: 'Kurse filtern',
    resourceFilter: 'Leitung',
    allResources: 'Alle',
    titleFilter: 'Kurse suchen',
    searchPlaceholder: 'Yoga, Pilates…',
    placeFilter: 'Ort',
    allPlaces: 'Alle',
    daysLabel: 'Tage',
    allDays: 'Alle Tage',
    previousWeek: 'Vorherige Woche',
    nextWeek: 'Nächste Woche',
    weekShown: (range: string) => `Tage ${range}`,
    free: 'Kostenlos',
    seatsLeft: (n, locale) =>
      count(
        n,
        { one: (x) => `Noch ${x} Platz frei`, other: (x) => `Noch ${x} Plätze frei` },
        locale,
      ),
    soldOut: 'Ausgebucht',
    fullJoinAnother: (next) => `Ausgebucht: Wählen Sie einen anderen Termin (nächster: ${next})`,
    seats: 'Plätze',
    seatsFor: (label) => `Plätze für ${label}`,
    book: 'Buchen',
    bookLabel: (label) => `${label} buchen`,
    dateAndTime: (date, time) => `${date}, ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Buchbar ab ${when}`,
    bookingClosed: 'Buchung geschlossen',
    classCount: (n, locale) =>
      count(n, { one: (x) => `${x} Kurs`, other: (x) => `${x} Kurse` }, locale),
    invalidTimeZone: (value, zone) =>
      `„${value}“ ist keine bekannte Zeitzone. Die Uhrzeiten werden in dieser Zeitzone angezeigt: ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Name',
      first_name: 'Vorname',
      last_name: 'Nachname',
      email: 'E-Mail',
      phone: 'Telefon',
      voip: 'Skype- oder VoIP-Adresse',
      location: 'Ort',
      comment: 'Kommentar',
    },
    optional: '(optional)',
    choose: 'Bitte wählen…',
    submit: 'Buchen',
    submitting: 'Wird gebucht…',
    sending: 'Ihre Angaben werden gesendet…',
    errors: {
      required: (label) => `${label} ist erforderlich.`,
      requiredChoice: (label) => `${label}: Bitte wählen Sie eine Option.`,
      requiredCheckbox: (label) => `Bitte kreuzen Sie „${label}“ an, um fortzufahren.`,
      email: (label) => `${label} muss eine E-Mail-Adresse sein, z. B. name@example.com.`,
      tel: (label) => `${label} muss eine Telefonnummer sein, z. B. +49 30 1234567.`,
      tooLong: (label, max, locale) =>
        `${label} darf höchstens ${formatNumber(max, locale)} Zeichen lang sein.`,
      choice: (label) => `${label}: Bitte wählen Sie eine der Optionen.`,
      invalid: (label) => `${label} ist ungültig.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `Bitte prüfen Sie ${x} Feld.`,
          other: (x) => `Bitte prüfen Sie ${x} Felder.`,
        },
        locale,
      ),
    configError: (detail) => `Dieses Buchungsformular ist nicht richtig eingerichtet. ${detail}`,
  },

  countdown: {
    label: 'Für Sie reserviert:',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Ihre Reservierung läuft noch ${timeLeft}.`,
    expired: 'Ihre Reservierung ist abgelaufen; der Termin ist wieder für andere frei.',
    extend: 'Verlängern',
    extending: 'Wird verlängert…',
    invalidExpiresAt: 'Wir konnten nicht lesen, wann Ihre Reservierung endet.',
  },

  widget: {
    configProblem: 'Dieses Buchungs-Widget ist nicht richtig eingerichtet:',
    configLoading: 'Buchungskalender wird geladen…',
    configFailed: 'Der Buchungskalender konnte nicht geladen werden.',
    chooseTimeHeading: 'Termin wählen',
    chooseClassHeading: 'Kurs wählen',
    rescheduleHeading: 'Neuen Termin wählen',
    detailsHeading: 'Ihre Angaben',
    verifyHeading: 'Prüfen Sie Ihre E-Mails',
    paymentHeading: 'Zahlung',
    resultHeading: 'Buchung',
    manageHeading: 'Ihre Buchung',
    back: 'Zurück',
    holding: 'Der Termin wird für Sie reserviert…',
    heldSlot: (when) => `Für Sie reserviert: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Für Sie reserviert: ${count(seats, { one: () => 'ein Platz', other: (x) => `${x} Plätze` }, locale)} für ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Der Termin ist ${formatUnit(minutes, 'minute', locale)} für Sie reserviert. Geben Sie Ihre Angaben ein, um zu buchen.`,
    holdExpired:
      'Ihre Reservierung ist abgelaufen und der Termin wurde freigegeben. Wählen Sie erneut einen Termin; Ihre Eingaben bleiben erhalten.',
    slotTaken: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.',
    classFull:
      'Dieser Kurs hat nicht mehr genug freie Plätze. Bitte wählen Sie einen anderen Kurs oder weniger Plätze.',
    manageLinkInvalid:
      'Der Link zu Ihrer Buchung funktioniert nicht (er ist vielleicht veraltet oder unvollständig). Unten können Sie einen neuen Termin buchen.',
    submit: 'Buchen',
    submitPayment: 'Weiter zur Zahlung',
    submitRequest: 'Buchung anfragen',
    verifyIntro: (email) =>
      `Wir haben einen 6-stelligen Code an ${email} gesendet. Geben Sie ihn ein, um Ihre Buchung zu bestätigen.`,
    verifyCode: 'Code',
    verifySubmit: 'Bestätigen',
    payIntro: 'Ihre Buchung bleibt reserviert, bis die Zahlungsfrist endet.',
    payTest: 'Jetzt bezahlen (Testzahlung, es wird kein Geld abgebucht)',
    paying: 'Zahlung wird verarbeitet…',
    paymentExpired:
      'Die Zahlungsfrist ist abgelaufen und die Buchung wurde freigegeben. Sie können erneut buchen.',
    resultConfirmed: 'Ihre Buchung ist bestätigt.',
    resultRequested:
      'Ihre Anfrage wurde gesendet. Der Anbieter bestätigt sie; Sie erhalten dann eine E-Mail.',
    resultPaid: 'Zahlung erhalten. Ihre Buchung ist bestätigt.',
    resultOther: (state) => `Status Ihrer Buchung: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Eine Bestätigung geht an ${email}.`,
    manageLink: 'Diese Buchung verwalten',
    bookAnother: 'Weiteren Termin buchen',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'Wann',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Wo',
    seatsLabel: 'Plätze',
    cancelBooking: 'Buchung stornieren',
    cancelMessage: 'Nachricht an den Anbieter (optional)',
    cancelConfirm: 'Ja, stornieren',
    cancelled: 'Ihre Buchung ist storniert.',
    reschedule: 'Termin ändern',
    rescheduleConfirm: (when) => `Buchung auf ${when} verschieben?`,
    rescheduleDone: (when) => `Ihre Buchung wurde auf ${when} verschoben.`,
    noActions: 'An dieser Buchung lässt sich nichts mehr ändern.',
    loadingBooking: 'Ihre Buchung wird geladen…',
    outcome: {
      booked: 'Sie sind gebucht',
      requested: 'Anfrage gesendet – der Gastgeber bestätigt sie',
      'awaiting-payment': 'Reserviert, bis Sie bezahlen',
      paid: 'Bezahlt und gebucht',
      'awaiting-verification': 'Wir warten auf Ihren Code',
      declined: 'Der Gastgeber hat diese Anfrage abgelehnt',
      cancelled: 'Diese Buchung ist storniert',
      'cancelled-by-host': 'Der Gastgeber hat diese Buchung storniert',
      moved: 'Diese Buchung wurde auf eine andere Zeit verschoben',
      expired: 'Diese Buchung wurde freigegeben',
      past: 'Dieser Termin hat bereits stattgefunden',
      processing: 'Wir schließen Ihre Buchung ab',
    },
    online: 'Online',
    free: 'Kostenlos',
    referenceLabel: 'Buchungsnummer',
    priceLabel: 'Preis',
    emailOnItsWay: (email: string) => `Eine E-Mail mit allen Details ist unterwegs an ${email}.`,
    requestNext: (email: string) =>
      `Der Gastgeber bestätigt oder lehnt Ihre Anfrage ab; wir schreiben Ihnen in jedem Fall an ${email}.`,
    cancelUntil: (when: string) => `Sie können bis ${when} stornieren.`,
    cancelClosed: (when: string) =>
      `Online stornieren war nur bis ${when} möglich, weil der Gastgeber Vorlauf für den Platz braucht. Bitte wenden Sie sich an den Gastgeber.`,
    addToCalendar: 'Zum Kalender hinzufügen',
    calendarFile: 'Kalenderdatei (.ics)',
    cancelWhatHappens:
      'Beim Stornieren wird Ihre Zeit für andere freigegeben und der Gastgeber informiert. Das lässt sich nicht rückgängig machen.',
    keepBooking: 'Buchung behalten',
    movedBanner: (from: string, to: string) => `Ihre Buchung ist verschoben: ${from} → ${to}`,
    hostMessage: 'Nachricht des Gastgebers',
    amountDue: (amount: string) => `Zu zahlen: ${amount}`,
    paymentWindowEnds: 'Läuft die Zeit ab, bevor Sie bezahlen, wird die Buchung freigegeben.',
    paymentFailed:
      'Die Zahlung ist nicht durchgegangen, es wurde kein Geld abgebucht. Sie können es erneut versuchen.',
    releaseAndBack: 'Zurück: diese Zeit freigeben',
    redirecting: 'Sie werden weitergeleitet…',
  },
  waitlist: {
    join: 'Auf die Warteliste',
    intro:
      'Dieser Kurs ist ausgebucht. Hinterlassen Sie Ihre Daten, und wir schreiben Ihnen, sobald ein Platz frei wird.',
    joinedHeading: 'Sie stehen auf der Warteliste',
    joined: 'Sie stehen auf der Warteliste — wir schreiben Ihnen, sobald ein Platz frei wird.',
    forSeats: (seats, locale) =>
      `Warteliste für ${count(seats, { one: () => 'einen Platz', other: (x) => `${x} Plätze` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Sie stehen für ${count(seats, { one: () => 'einen Platz', other: (x) => `${x} Plätze` }, locale)} auf der Warteliste — wir schreiben Ihnen, sobald sie frei werden.`,
    seatsAvailable: 'Es sind wieder Plätze frei: Buchen Sie jetzt.',
    leave: 'Warteliste verlassen',
    leftHeading: 'Sie haben die Warteliste verlassen',
    left: 'Sie haben die Warteliste verlassen. Wir schreiben Ihnen zu diesem Kurs nicht mehr.',
    backToClasses: 'Zurück zu den Kursen',
    offerExpired:
      'Dieses Angebot ist abgelaufen; der Platz ging an die nächste Person auf der Warteliste.',
  },
};
