/**
 * Spanish, neutral between Spain and Latin America. Addresses the visitor as "tú"; a hold is a
 * "reserva temporal", a booking a "reserva".
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

const count = (n: number, forms: PluralForms, locale = 'es') => plural(n, 'es', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'pendiente de verificación',
  verification_expired: 'verificación caducada',
  tentative: 'provisional',
  confirmed: 'confirmada',
  declined: 'rechazada',
  paid: 'pagada',
  unpaid: 'no pagada',
  cancelled: 'cancelada',
  cancelled_by_customer: 'cancelada por ti',
  cancelled_by_owner: 'cancelada por el organizador',
  rescheduled_by_customer: 'cambiada de horario',
  completed: 'completada',
};

export const es: Messages = {
  common: {
    retry: 'Reintentar',
    loading: 'Cargando…',
    close: 'Cerrar',
    back: 'Atrás',
    cancel: 'Cancelar',
    unknownError: 'Algo ha fallado. Inténtalo de nuevo.',
    networkError:
      'No hemos podido conectar con el servicio de reservas. Comprueba tu conexión e inténtalo de nuevo.',
    timeoutError:
      'El servicio de reservas está tardando demasiado en responder. Inténtalo de nuevo.',
    slotGone: 'Esa hora ya no está disponible. Elige otra.',
    notFound: 'No encontramos esta reserva. Puede que el enlace esté caducado.',
    notAllowed: 'Esta acción ya no es posible para esta reserva.',
    tooManyRequests: 'Demasiados intentos en poco tiempo. Espera un minuto y vuelve a intentarlo.',
    checkDetails: 'Hay datos que revisar. Comprueba el formulario.',
    wrongCode: 'El código no es correcto. Revisa el correo y vuelve a intentarlo.',
  },

  slotPicker: {
    calendar: 'Calendario',
    previousMonth: 'Mes anterior',
    nextMonth: 'Mes siguiente',
    day: (date, status) =>
      status === 'available'
        ? `${date}, disponible`
        : status === 'unavailable'
          ? `${date}, sin horarios`
          : date,
    loadingDates: 'Cargando días disponibles…',
    loadingTimes: 'Cargando horarios…',
    times: 'Horarios',
    chooseDay: 'Elige un día para ver sus horarios.',
    timesOn: (date) => `Horarios del ${date}`,
    noTimesOnDay: (date) => `Ya no quedan horarios el ${date}. Elige otro día.`,
    noTimesInMonth: (month) => `No hay horarios en ${month}`,
    nextAvailable: (date) => `Próxima fecha disponible: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `No hay horarios disponibles el ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} horario disponible el ${date}.`,
              many: (x) => `${x} de horarios disponibles el ${date}.`,
              other: (x) => `${x} horarios disponibles el ${date}.`,
            },
            locale,
          ),
    selected: 'seleccionado',
    timeZone: 'Zona horaria',
    chooseTimeZone: 'Elegir zona horaria',
    searchTimeZones: 'Buscar zonas horarias',
    timeZonePlaceholder: 'Ciudad o zona horaria',
    timeZones: 'Zonas horarias',
    currentTimeZone: 'actual',
    timeZoneHint: 'Escribe una ciudad o zona horaria y elige con las flechas e Intro.',
    noTimeZoneMatch: (query) => `Ninguna zona horaria coincide con «${query}».`,
    moreTimeZones: (shown, total, locale) =>
      `Se muestran ${formatNumber(shown, locale)} de ${formatNumber(total, locale)}. Sigue escribiendo para acotar la lista.`,
    timeZoneChanged: (zone) => `Ahora los horarios se muestran en ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `«${value}» no es una zona horaria conocida, así que los horarios se muestran en ${fallback}.`,
    invalidSetting:
      'Este calendario no está bien configurado, así que pueden faltar días u horarios.',
  },

  classList: {
    loading: 'Cargando clases…',
    empty: 'No hay próximas clases',
    noMatches: 'Ninguna clase coincide con tus filtros.',
    clearFilters: 'Quitar filtros',
    showMore: 'Mostrar más clases',
    filtersLabel: 'Filtrar clases',
    resourceFilter: 'Organizador',
    allResources: 'Todos',
    titleFilter: 'Buscar clases',
    searchPlaceholder: 'Yoga, pilates…',
    placeFilter: 'Lugar',
    allPlaces: 'Todos',
    daysLabel: 'Días',
    allDays: 'Todos los días',
    previousWeek: 'Semana anterior',
    nextWeek: 'Semana siguiente',
    weekShown: (range: string) => `Días ${range}`,
    free: 'Gratis',
    seatsLeft: (n, locale) =>
      count(
        n,
        {
          one: (x) => `Queda ${x} plaza`,
          many: (x) => `Quedan ${x} de plazas`,
          other: (x) => `Quedan ${x} plazas`,
        },
        locale,
      ),
    soldOut: 'Completo',
    fullJoinAnother: (next) => `Completo: elige otra sesión (próxima: ${next})`,
    seats: 'Plazas',
    seatsFor: (label) => `Plazas para ${label}`,
    book: 'Reservar',
    bookLabel: (label) => `Reservar ${label}`,
    dateAndTime: (date, time) => `${date}, ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Reservas a partir del ${when}`,
    bookingClosed: 'Reservas cerradas',
    classCount: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} clase`,
          many: (x) => `${x} de clases`,
          other: (x) => `${x} clases`,
        },
        locale,
      ),
    invalidTimeZone: (value, zone) =>
      `«${value}» no es una zona horaria conocida, así que los horarios se muestran en ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Nombre y apellidos',
      first_name: 'Nombre',
      last_name: 'Apellidos',
      email: 'Correo electrónico',
      phone: 'Teléfono',
      voip: 'Dirección de Skype o VoIP',
      location: 'Ubicación',
      comment: 'Comentario',
    },
    optional: '(opcional)',
    choose: 'Elige…',
    submit: 'Reservar',
    submitting: 'Reservando…',
    sending: 'Enviando tus datos…',
    errors: {
      // "Obligatorio/obligatoria" would have to agree with the owner's label: say "campo".
      required: (label) => `${label}: campo obligatorio.`,
      requiredChoice: (label) => `${label}: elige una opción.`,
      requiredCheckbox: (label) => `Marca «${label}» para continuar.`,
      email: (label) =>
        `${label}: introduce una dirección de correo electrónico, como nombre@example.com.`,
      tel: (label) => `${label}: introduce un número de teléfono, como +34 612 345 678.`,
      tooLong: (label, max, locale) =>
        `${label}: ${count(
          max,
          {
            one: (x) => `máximo ${x} carácter`,
            many: (x) => `máximo ${x} de caracteres`,
            other: (x) => `máximo ${x} caracteres`,
          },
          locale,
        )}.`,
      choice: (label) => `${label}: elige una de las opciones.`,
      invalid: (label) => `${label}: el valor no es válido.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `Hay ${x} campo por revisar.`,
          many: (x) => `Hay ${x} de campos por revisar.`,
          other: (x) => `Hay ${x} campos por revisar.`,
        },
        locale,
      ),
    configError: (detail) => `Este formulario de reserva no está bien configurado. ${detail}`,
  },

  countdown: {
    label: 'Reservado para ti durante',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `A tu reserva temporal le quedan ${timeLeft}.`,
    expired:
      'Tu reserva temporal ha caducado; el horario vuelve a estar libre para otras personas.',
    extend: 'Ampliar',
    extending: 'Ampliando…',
    invalidExpiresAt: 'No hemos podido leer cuándo termina tu reserva temporal.',
  },

  widget: {
    configProblem: 'Este widget de reservas no está bien configurado:',
    configLoading: 'Cargando el calendario de reservas…',
    configFailed: 'No se ha podido cargar el calendario de reservas.',
    chooseTimeHeading: 'Elige un horario',
    chooseClassHeading: 'Elige una clase',
    rescheduleHeading: 'Elige un nuevo horario',
    detailsHeading: 'Tus datos',
    verifyHeading: 'Revisa tu correo',
    paymentHeading: 'Pago',
    resultHeading: 'Reserva',
    manageHeading: 'Tu reserva',
    back: 'Atrás',
    holding: 'Reservando este horario para ti…',
    heldSlot: (when) => `Reservado para ti: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Reservado para ti: ${count(
        seats,
        {
          one: () => 'una plaza',
          many: (x) => `${x} de plazas`,
          other: (x) => `${x} plazas`,
        },
        locale,
      )} en ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Te guardamos este horario durante ${formatUnit(minutes, 'minute', locale)}. Rellena tus datos para reservar.`,
    holdExpired:
      'Tu reserva temporal ha caducado y el horario se ha liberado. Vuelve a elegir un horario; lo que escribiste se conserva.',
    slotTaken: 'Alguien acaba de reservar ese horario. Elige otro.',
    classFull: 'Esa clase ya no tiene suficientes plazas. Elige otra clase o menos plazas.',
    manageLinkInvalid:
      'El enlace a tu reserva no funciona (puede estar caducado o incompleto). Puedes reservar una nueva hora abajo.',
    submit: 'Reservar',
    submitPayment: 'Continuar al pago',
    submitRequest: 'Solicitar reserva',
    verifyIntro: (email) =>
      `Hemos enviado un código de 6 dígitos a ${email}. Introdúcelo para confirmar tu reserva.`,
    verifyCode: 'Código',
    verifySubmit: 'Confirmar',
    payIntro: 'Tu reserva se mantiene hasta que termine el plazo de pago.',
    payTest: 'Pagar ahora (pago de prueba, no se cobra nada)',
    paying: 'Procesando el pago…',
    paymentExpired:
      'El plazo de pago ha terminado y la reserva se ha liberado. Puedes volver a reservar.',
    resultConfirmed: 'Tu reserva está confirmada.',
    resultRequested:
      'Hemos enviado tu solicitud. El organizador la confirmará y recibirás un correo.',
    resultPaid: 'Pago recibido. Tu reserva está confirmada.',
    resultOther: (state) => `Estado de tu reserva: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Enviaremos una confirmación a ${email}.`,
    manageLink: 'Gestionar esta reserva',
    bookAnother: 'Reservar otro horario',
    state: (state) => stateName(state, states),
    stateLabel: 'Estado',
    whenLabel: 'Cuándo',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Dónde',
    seatsLabel: 'Plazas',
    cancelBooking: 'Cancelar reserva',
    cancelMessage: 'Mensaje para el organizador (opcional)',
    cancelConfirm: 'Sí, cancelarla',
    cancelled: 'Tu reserva está cancelada.',
    reschedule: 'Cambiar horario',
    rescheduleConfirm: (when) => `¿Cambiar tu reserva a ${when}?`,
    rescheduleDone: (when) => `Tu reserva se ha cambiado a ${when}.`,
    noActions: 'Ya no se puede cambiar nada de esta reserva.',
    loadingBooking: 'Cargando tu reserva…',
    outcome: {
      booked: 'Tu reserva está hecha',
      requested: 'Solicitud enviada: el anfitrión la confirmará',
      'awaiting-payment': 'Reservado hasta que pagues',
      paid: 'Pagado y reservado',
      'awaiting-verification': 'Esperando tu código',
      declined: 'El anfitrión rechazó esta solicitud',
      cancelled: 'Esta reserva está cancelada',
      'cancelled-by-host': 'El anfitrión canceló esta reserva',
      moved: 'Esta reserva se pasó a otra hora',
      expired: 'Esta reserva se liberó',
      past: 'Esta cita ya tuvo lugar',
      processing: 'Estamos terminando tu reserva',
    },
    online: 'En línea',
    free: 'Gratis',
    referenceLabel: 'Referencia de la reserva',
    priceLabel: 'Precio',
    emailOnItsWay: (email: string) => `Te hemos enviado un correo con los detalles a ${email}.`,
    requestNext: (email: string) =>
      `El anfitrión aceptará o rechazará tu solicitud; en ambos casos escribiremos a ${email}.`,
    cancelUntil: (when: string) => `Puedes cancelar hasta el ${when}.`,
    cancelClosed: (when: string) =>
      `La cancelación en línea cerró el ${when}, porque el anfitrión necesita aviso para la plaza. Ponte en contacto con el anfitrión.`,
    addToCalendar: 'Añadir al calendario',
    calendarFile: 'Archivo de calendario (.ics)',
    cancelWhatHappens:
      'Al cancelar, tu hora queda libre para otra persona y avisamos al anfitrión. No se puede deshacer.',
    keepBooking: 'Mantener mi reserva',
    movedBanner: (from: string, to: string) => `Tu reserva se ha movido: ${from} → ${to}`,
    hostMessage: 'Mensaje del anfitrión',
    amountDue: (amount: string) => `Importe: ${amount}`,
    paymentWindowEnds: 'Si se acaba el tiempo antes de pagar, la reserva se libera.',
    paymentFailed: 'El pago no se completó y no se cobró nada. Puedes volver a intentarlo.',
    releaseAndBack: 'Volver: liberar esta hora',
    redirecting: 'Te estamos redirigiendo…',
  },
  waitlist: {
    join: 'Apuntarme a la lista de espera',
    intro: 'Esta clase está completa. Deja tus datos y te escribiremos si se libera una plaza.',
    joinedHeading: 'Estás en la lista de espera',
    joined: 'Estás en la lista de espera — te escribiremos si se libera una plaza.',
    forSeats: (seats, locale) =>
      `Lista de espera para ${count(seats, { one: () => 'una plaza', many: (x) => `${x} de plazas`, other: (x) => `${x} plazas` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Estás en la lista de espera para ${count(seats, { one: () => 'una plaza', many: (x) => `${x} de plazas`, other: (x) => `${x} plazas` }, locale)} — te escribiremos si se liberan.`,
    seatsAvailable: 'Vuelve a haber plazas libres: reserva una ahora.',
    leave: 'Salir de la lista de espera',
    leftHeading: 'Has salido de la lista de espera',
    left: 'Has salido de la lista de espera. No te escribiremos sobre esta clase.',
    backToClasses: 'Volver a las clases',
    offerExpired:
      'Esta oferta ha terminado y la plaza ha pasado a la siguiente persona de la lista de espera.',
  },
};
