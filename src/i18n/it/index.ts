/**
 * Italian. Addresses the visitor as "tu"; a hold is a "posto riservato", a booking a
 * "prenotazione", a class a "lezione".
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

const count = (n: number, forms: PluralForms, locale = 'it') => plural(n, 'it', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'in attesa di verifica',
  verification_expired: 'verifica scaduta',
  tentative: 'provvisoria',
  confirmed: 'confermata',
  declined: 'rifiutata',
  paid: 'pagata',
  unpaid: 'non pagata',
  cancelled: 'annullata',
  cancelled_by_customer: 'annullata da te',
  cancelled_by_owner: 'annullata dall’organizzatore',
  rescheduled_by_customer: 'spostata',
  completed: 'completata',
};

export const it: Messages = {
  common: {
    retry: 'Riprova',
    loading: 'Caricamento…',
    close: 'Chiudi',
    back: 'Indietro',
    cancel: 'Annulla',
    unknownError: 'Qualcosa è andato storto. Riprova.',
    networkError:
      'Impossibile raggiungere il servizio di prenotazione. Controlla la connessione e riprova.',
    timeoutError: 'Il servizio di prenotazione sta impiegando troppo a rispondere. Riprova.',
    slotGone: 'Quell’orario non è più disponibile. Scegline un altro.',
    notFound: 'Non troviamo questa prenotazione. Il link potrebbe essere scaduto.',
    notAllowed: 'Questa azione non è più possibile per questa prenotazione.',
    tooManyRequests: 'Troppi tentativi in poco tempo. Attendi un minuto e riprova.',
    checkDetails: 'Alcuni dati vanno ricontrollati. Verifica il modulo.',
    wrongCode: 'Il codice non è corretto. Controlla l’e-mail e riprova.',
  },

  slotPicker: {
    calendar: 'Calendario',
    previousMonth: 'Mese precedente',
    nextMonth: 'Mese successivo',
    day: (date, status) =>
      status === 'available'
        ? `${date}, disponibile`
        : status === 'unavailable'
          ? `${date}, nessun orario`
          : date,
    loadingDates: 'Caricamento dei giorni disponibili…',
    loadingTimes: 'Caricamento degli orari…',
    times: 'Orari',
    chooseDay: 'Scegli un giorno per vederne gli orari.',
    timesOn: (date) => `Orari di ${date}`,
    noTimesOnDay: (date) =>
      `Non ci sono più orari disponibili per ${date}. Scegli un altro giorno.`,
    noTimesInMonth: (month) => `Nessun orario a ${month}`,
    nextAvailable: (date) => `Prima data disponibile: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Nessun orario disponibile per ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} orario disponibile per ${date}.`,
              many: (x) => `${x} di orari disponibili per ${date}.`,
              other: (x) => `${x} orari disponibili per ${date}.`,
            },
            locale,
          ),
    selected: 'selezionato',
    timeZone: 'Fuso orario',
    chooseTimeZone: 'Scegli il fuso orario',
    searchTimeZones: 'Cerca fusi orari',
    timeZonePlaceholder: 'Città o fuso orario',
    timeZones: 'Fusi orari',
    currentTimeZone: 'attuale',
    timeZoneHint: 'Digita una città o un fuso orario, poi scegli con le frecce e Invio.',
    noTimeZoneMatch: (query) => `Nessun fuso orario corrisponde a «${query}».`,
    moreTimeZones: (shown, total, locale) =>
      `${formatNumber(shown, locale)} di ${formatNumber(total, locale)} mostrati. Continua a digitare per restringere l’elenco.`,
    timeZoneChanged: (zone) => `Fuso orario cambiato: ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `«${value}» non è un fuso orario noto, quindi viene usato questo: ${fallback}.`,
    invalidSetting:
      'Questo calendario non è configurato correttamente, quindi alcuni giorni o orari potrebbero mancare.',
  },

  classList: {
    loading: 'Caricamento delle lezioni…',
    empty: 'Nessuna lezione in programma',
    noMatches: 'Nessuna lezione corrisponde ai filtri.',
    clearFilters: 'Cancella i filtri',
    showMore: 'Mostra altre lezioni',
    filtersLabel: 'Filtra le lezioni',
    resourceFilter: 'Organizzatore',
    allResources: 'Tutti',
    titleFilter: 'Cerca lezioni',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Luogo',
    allPlaces: 'Tutti',
    daysLabel: 'Giorni',
    allDays: 'Tutti i giorni',
    previousWeek: 'Settimana precedente',
    nextWeek: 'Settimana successiva',
    weekShown: (range: string) => `Giorni ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} posto libero`,
          many: (x) => `${x} di posti liberi`,
          other: (x) => `${x} posti liberi`,
        },
        locale,
      ),
    soldOut: 'Al completo',
    fullJoinAnother: (next) => `Al completo: scegli un altro orario (prossimo: ${next})`,
    seats: 'Posti',
    seatsFor: (label) => `Posti per ${label}`,
    book: 'Prenota',
    bookLabel: (label) => `Prenota ${label}`,
    dateAndTime: (date, time) => `${date}, ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Prenotazioni aperte dal ${when}`,
    bookingClosed: 'Prenotazioni chiuse',
    classCount: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} lezione`,
          many: (x) => `${x} di lezioni`,
          other: (x) => `${x} lezioni`,
        },
        locale,
      ),
    invalidTimeZone: (value, zone) =>
      `«${value}» non è un fuso orario noto, quindi viene usato questo: ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Nome e cognome',
      first_name: 'Nome',
      last_name: 'Cognome',
      email: 'Email',
      phone: 'Telefono',
      voip: 'Indirizzo Skype o VoIP',
      location: 'Luogo',
      comment: 'Commento',
    },
    optional: '(facoltativo)',
    choose: 'Scegli…',
    submit: 'Prenota',
    submitting: 'Prenotazione in corso…',
    sending: 'Invio dei tuoi dati…',
    errors: {
      required: (label) => `${label}: campo obbligatorio.`,
      requiredChoice: (label) => `${label}: scegli un’opzione.`,
      requiredCheckbox: (label) => `Seleziona «${label}» per continuare.`,
      email: (label) => `${label}: inserisci un indirizzo email, come nome@example.com.`,
      tel: (label) => `${label}: inserisci un numero di telefono, come +39 312 345 6789.`,
      tooLong: (label, max, locale) =>
        `${label}: ${count(
          max,
          {
            one: (x) => `massimo ${x} carattere`,
            many: (x) => `massimo ${x} di caratteri`,
            other: (x) => `massimo ${x} caratteri`,
          },
          locale,
        )}.`,
      choice: (label) => `${label}: scegli una delle opzioni.`,
      invalid: (label) => `${label}: valore non valido.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} campo da controllare.`,
          many: (x) => `${x} di campi da controllare.`,
          other: (x) => `${x} campi da controllare.`,
        },
        locale,
      ),
    configError: (detail) =>
      `Questo modulo di prenotazione non è configurato correttamente. ${detail}`,
  },

  countdown: {
    label: 'Riservato per te per',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `La tua riserva vale ancora per ${timeLeft}.`,
    expired: 'La riserva è scaduta; l’orario è di nuovo libero per altri.',
    extend: 'Prolunga',
    extending: 'Prolungamento…',
    invalidExpiresAt: 'Non riusciamo a leggere quando scade la tua riserva.',
  },

  widget: {
    configProblem: 'Questo widget di prenotazione non è configurato correttamente:',
    configLoading: 'Caricamento del calendario delle prenotazioni…',
    configFailed: 'Impossibile caricare il calendario delle prenotazioni.',
    chooseTimeHeading: 'Scegli un orario',
    chooseClassHeading: 'Scegli una lezione',
    rescheduleHeading: 'Scegli un nuovo orario',
    detailsHeading: 'I tuoi dati',
    verifyHeading: 'Controlla la tua email',
    paymentHeading: 'Pagamento',
    resultHeading: 'Prenotazione',
    manageHeading: 'La tua prenotazione',
    back: 'Indietro',
    holding: 'Stiamo riservando questo orario per te…',
    heldSlot: (when) => `Riservato per te: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Riservato per te: ${count(
        seats,
        {
          one: () => 'un posto',
          many: (x) => `${x} di posti`,
          other: (x) => `${x} posti`,
        },
        locale,
      )} per ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `L’orario è riservato per te per ${formatUnit(minutes, 'minute', locale)}. Inserisci i tuoi dati per prenotare.`,
    holdExpired:
      'La riserva è scaduta e l’orario è stato liberato. Scegli di nuovo un orario; i dati inseriti restano.',
    slotTaken: 'Qualcun altro ha appena preso quell’orario. Scegline un altro.',
    classFull: 'Quella lezione non ha più abbastanza posti. Scegli un’altra lezione o meno posti.',
    manageLinkInvalid:
      'Il link alla tua prenotazione non funziona (potrebbe essere scaduto o incompleto). Puoi prenotare un nuovo orario qui sotto.',
    submit: 'Prenota',
    submitPayment: 'Procedi al pagamento',
    submitRequest: 'Richiedi la prenotazione',
    verifyIntro: (email) =>
      `Abbiamo inviato un codice di 6 cifre a ${email}. Inseriscilo per confermare la prenotazione.`,
    verifyCode: 'Codice',
    verifySubmit: 'Conferma',
    payIntro: 'La prenotazione resta riservata fino alla scadenza del termine di pagamento.',
    payTest: 'Paga ora (pagamento di prova, nessun addebito)',
    paying: 'Pagamento in corso…',
    paymentExpired:
      'Il termine di pagamento è scaduto e la prenotazione è stata liberata. Puoi prenotare di nuovo.',
    resultConfirmed: 'La tua prenotazione è confermata.',
    resultRequested:
      'La tua richiesta è stata inviata. L’organizzatore la confermerà e riceverai un’email.',
    resultPaid: 'Pagamento ricevuto. La tua prenotazione è confermata.',
    resultOther: (state) => `Stato della prenotazione: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Una conferma verrà inviata a ${email}.`,
    manageLink: 'Gestisci questa prenotazione',
    bookAnother: 'Prenota un altro orario',
    state: (state) => stateName(state, states),
    stateLabel: 'Stato',
    whenLabel: 'Quando',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Dove',
    seatsLabel: 'Posti',
    cancelBooking: 'Annulla la prenotazione',
    cancelMessage: 'Messaggio per l’organizzatore (facoltativo)',
    cancelConfirm: 'Sì, annulla',
    cancelled: 'La tua prenotazione è annullata.',
    reschedule: 'Cambia orario',
    rescheduleConfirm: (when) => `Spostare la prenotazione a ${when}?`,
    rescheduleDone: (when) => `La prenotazione è stata spostata a ${when}.`,
    noActions: 'Non è più possibile modificare questa prenotazione.',
    loadingBooking: 'Caricamento della prenotazione…',
    outcome: {
      booked: 'La prenotazione è confermata',
      requested: 'Richiesta inviata: l’host confermerà',
      'awaiting-payment': 'Riservato fino al pagamento',
      paid: 'Pagato e prenotato',
      'awaiting-verification': 'In attesa del tuo codice',
      declined: 'L’host ha rifiutato la richiesta',
      cancelled: 'Questa prenotazione è annullata',
      'cancelled-by-host': 'L’host ha annullato questa prenotazione',
      moved: 'Questa prenotazione è stata spostata a un altro orario',
      expired: 'Questa prenotazione è stata liberata',
      past: 'Questo appuntamento si è già svolto',
      processing: 'Stiamo completando la prenotazione',
    },
    online: 'Online',
    free: 'Gratis',
    referenceLabel: 'Codice di prenotazione',
    priceLabel: 'Prezzo',
    emailOnItsWay: (email: string) => `Un’e-mail con i dettagli è in arrivo a ${email}.`,
    requestNext: (email: string) =>
      `L’host accetterà o rifiuterà la richiesta; scriveremo comunque a ${email}.`,
    cancelUntil: (when: string) => `Puoi annullare fino a ${when}.`,
    cancelClosed: (when: string) =>
      `L’annullamento online si è chiuso ${when}, perché l’host ha bisogno di preavviso per il posto. Contatta l’host.`,
    addToCalendar: 'Aggiungi al calendario',
    calendarFile: 'File di calendario (.ics)',
    cancelWhatHappens:
      'Annullando liberi l’orario per qualcun altro e avvisi l’host. Non si può tornare indietro.',
    keepBooking: 'Mantieni la prenotazione',
    movedBanner: (from: string, to: string) => `La prenotazione è stata spostata: ${from} → ${to}`,
    hostMessage: 'Messaggio dell’host',
    amountDue: (amount: string) => `Importo da pagare: ${amount}`,
    paymentWindowEnds: 'Se il tempo scade prima del pagamento, la prenotazione viene liberata.',
    paymentFailed:
      'Il pagamento non è andato a buon fine e non è stato addebitato nulla. Puoi riprovare.',
    releaseAndBack: 'Indietro: libera questo orario',
    redirecting: 'Reindirizzamento in corso…',
  },
  waitlist: {
    join: 'Mettiti in lista d’attesa',
    intro:
      'Questa lezione è al completo. Lascia i tuoi dati e ti scriveremo se si libera un posto.',
    joinedHeading: 'Sei in lista d’attesa',
    joined: 'Sei in lista d’attesa — ti scriveremo se si libera un posto.',
    forSeats: (seats, locale) =>
      `Lista d’attesa per ${count(seats, { one: () => 'un posto', many: (x) => `${x} di posti`, other: (x) => `${x} posti` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Sei in lista d’attesa per ${count(seats, { one: () => 'un posto', many: (x) => `${x} di posti`, other: (x) => `${x} posti` }, locale)} — ti scriveremo se si liberano.`,
    seatsAvailable: 'Ci sono di nuovo posti liberi: prenotane uno ora.',
    leave: 'Lascia la lista d’attesa',
    leftHeading: 'Hai lasciato la lista d’attesa',
    left: 'Hai lasciato la lista d’attesa. Non ti scriveremo per questa lezione.',
    backToClasses: 'Torna alle lezioni',
    offerExpired:
      'Questa offerta è scaduta e il posto è passato alla persona successiva in lista d’attesa.',
  },
};
