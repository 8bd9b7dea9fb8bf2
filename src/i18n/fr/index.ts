/**
 * French. Addresses the visitor as "vous"; a hold is a "place bloquée", a booking a
 * "réservation". A no-break space (\u00a0) goes before « : ; ? » and inside « ».
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

const count = (n: number, forms: PluralForms, locale = 'fr') => plural(n, 'fr', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'en attente de vérification',
  verification_expired: 'vérification expirée',
  tentative: 'provisoire',
  confirmed: 'confirmée',
  declined: 'refusée',
  paid: 'payée',
  unpaid: 'non payée',
  cancelled: 'annulée',
  cancelled_by_customer: 'annulée par vous',
  cancelled_by_owner: 'annulée par l’organisateur',
  rescheduled_by_customer: 'déplacée',
  completed: 'terminée',
};

export const fr: Messages = {
  common: {
    retry: 'Réessayer',
    loading: 'Chargement…',
    close: 'Fermer',
    back: 'Retour',
    cancel: 'Annuler',
    unknownError: 'Une erreur s’est produite. Veuillez réessayer.',
    networkError:
      'Impossible de joindre le service de réservation. Vérifiez votre connexion et réessayez.',
    timeoutError: 'Le service de réservation met trop de temps à répondre. Veuillez réessayer.',
    slotGone: 'Ce créneau n’est plus disponible. Veuillez en choisir un autre.',
    notFound: 'Nous ne trouvons pas cette réservation. Le lien est peut-être périmé.',
    notAllowed: 'Cette action n’est plus possible pour cette réservation.',
    tooManyRequests: 'Trop de tentatives en peu de temps. Patientez une minute puis réessayez.',
    checkDetails: 'Certaines informations sont à revoir. Vérifiez le formulaire.',
    wrongCode: 'Ce code n’est pas le bon. Vérifiez l’e-mail et réessayez.',
  },

  slotPicker: {
    calendar: 'Calendrier',
    previousMonth: 'Mois précédent',
    nextMonth: 'Mois suivant',
    day: (date, status) =>
      status === 'available'
        ? `${date}, disponible`
        : status === 'unavailable'
          ? `${date}, aucun créneau`
          : date,
    loadingDates: 'Chargement des jours disponibles…',
    loadingTimes: 'Chargement des horaires…',
    times: 'Horaires',
    chooseDay: 'Choisissez un jour pour voir ses horaires.',
    timesOn: (date) => `Horaires du ${date}`,
    noTimesOnDay: (date) =>
      `Plus aucun créneau disponible le ${date}. Veuillez choisir un autre jour.`,
    noTimesInMonth: (month) => `Aucun créneau en ${month}`,
    nextAvailable: (date) => `Prochaine disponibilité\u00a0: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Aucun créneau disponible le ${date}.`
        : count(
            n,
            {
              one: (x) => `${x}\u00a0créneau disponible le ${date}.`,
              many: (x) => `${x}\u00a0de créneaux disponibles le ${date}.`,
              other: (x) => `${x}\u00a0créneaux disponibles le ${date}.`,
            },
            locale,
          ),
    selected: 'sélectionné',
    timeZone: 'Fuseau horaire',
    chooseTimeZone: 'Choisir un fuseau horaire',
    searchTimeZones: 'Rechercher un fuseau horaire',
    timeZonePlaceholder: 'Ville ou fuseau',
    timeZones: 'Fuseaux horaires',
    currentTimeZone: 'actuel',
    timeZoneHint: 'Saisissez une ville ou un fuseau, puis choisissez avec les flèches et Entrée.',
    noTimeZoneMatch: (query) => `Aucun fuseau horaire ne correspond à «\u00a0${query}\u00a0».`,
    moreTimeZones: (shown, total, locale) =>
      `${formatNumber(shown, locale)} sur ${formatNumber(total, locale)} affichés. Continuez à taper pour affiner la liste.`,
    timeZoneChanged: (zone) => `Fuseau horaire modifié\u00a0: ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `«\u00a0${value}\u00a0» n’est pas un fuseau horaire connu. Fuseau utilisé\u00a0: ${fallback}.`,
    invalidSetting:
      'Ce calendrier n’est pas configuré correctement\u00a0: certains jours ou horaires peuvent manquer.',
  },

  classList: {
    loading: 'Chargement des cours…',
    empty: 'Aucun cours à venir',
    noMatches: 'Aucun cours ne correspond à vos filtres.',
    clearFilters: 'Effacer les filtres',
    showMore: 'Afficher plus de cours',
    filtersLabel: 'Filtrer les cours',
    resourceFilter: 'Intervenant',
    allResources: 'Tous',
    titleFilter: 'Rechercher un cours',
    searchPlaceholder: 'Yoga, Pilates…',
    placeFilter: 'Lieu',
    allPlaces: 'Tous',
    daysLabel: 'Jours',
    allDays: 'Tous les jours',
    previousWeek: 'Semaine précédente',
    nextWeek: 'Semaine suivante',
    weekShown: (range: string) => `Jours ${range}`,
    free: 'Gratuit',
    seatsLeft: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x}\u00a0place restante`,
          many: (x) => `${x}\u00a0de places restantes`,
          other: (x) => `${x}\u00a0places restantes`,
        },
        locale,
      ),
    soldOut: 'Complet',
    fullJoinAnother: (next) =>
      `Complet\u00a0: choisissez une autre séance (prochaine\u00a0: ${next})`,
    seats: 'Places',
    seatsFor: (label) => `Places pour ${label}`,
    book: 'Réserver',
    bookLabel: (label) => `Réserver ${label}`,
    dateAndTime: (date, time) => `${date} à ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Ouverture des réservations\u00a0: ${when}`,
    bookingClosed: 'Réservations closes',
    classCount: (n, locale) =>
      count(
        n,
        {
          many: (x) => `${x}\u00a0de cours`,
          other: (x) => `${x}\u00a0cours`,
        },
        locale,
      ),
    invalidTimeZone: (value, zone) =>
      `«\u00a0${value}\u00a0» n’est pas un fuseau horaire connu\u00a0; les horaires sont affichés en ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Nom complet',
      first_name: 'Prénom',
      last_name: 'Nom',
      email: 'E-mail',
      phone: 'Téléphone',
      voip: 'Adresse Skype ou VoIP',
      location: 'Lieu',
      comment: 'Commentaire',
    },
    optional: '(facultatif)',
    choose: 'Choisir…',
    submit: 'Réserver',
    submitting: 'Réservation en cours…',
    sending: 'Envoi de vos informations…',
    errors: {
      required: (label) => `${label}\u00a0: champ obligatoire.`,
      requiredChoice: (label) => `${label}\u00a0: choisissez une option.`,
      requiredCheckbox: (label) => `Cochez «\u00a0${label}\u00a0» pour continuer.`,
      email: (label) =>
        `${label}\u00a0: saisissez une adresse e-mail, par exemple nom@example.com.`,
      tel: (label) =>
        `${label}\u00a0: saisissez un numéro de téléphone, par exemple +33 1 23 45 67 89.`,
      tooLong: (label, max, locale) =>
        `${label}\u00a0: ${count(
          max,
          {
            one: (x) => `${x}\u00a0caractère`,
            other: (x) => `${x}\u00a0caractères`,
          },
          locale,
        )} maximum.`,
      choice: (label) => `${label}\u00a0: choisissez l’une des options.`,
      invalid: (label) => `${label}\u00a0: valeur non valide.`,
      server: (label, message) => `${label}\u00a0: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x}\u00a0champ à vérifier.`,
          other: (x) => `${x}\u00a0champs à vérifier.`,
        },
        locale,
      ),
    configError: (detail) =>
      `Ce formulaire de réservation n’est pas configuré correctement. ${detail}`,
  },

  countdown: {
    label: 'Réservé pour vous pendant',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Votre place reste bloquée encore ${timeLeft}.`,
    expired: 'Le délai est écoulé\u00a0; le créneau est de nouveau libre pour d’autres.',
    extend: 'Prolonger',
    extending: 'Prolongation…',
    invalidExpiresAt: 'Impossible de savoir jusqu’à quand votre place est bloquée.',
  },

  widget: {
    configProblem: 'Ce widget de réservation n’est pas configuré correctement\u00a0:',
    configLoading: 'Chargement du calendrier de réservation…',
    configFailed: 'Le calendrier de réservation n’a pas pu être chargé.',
    chooseTimeHeading: 'Choisissez un horaire',
    chooseClassHeading: 'Choisissez un cours',
    rescheduleHeading: 'Choisissez un nouvel horaire',
    detailsHeading: 'Vos coordonnées',
    verifyHeading: 'Consultez vos e-mails',
    paymentHeading: 'Paiement',
    resultHeading: 'Réservation',
    manageHeading: 'Votre réservation',
    back: 'Retour',
    holding: 'Nous bloquons ce créneau pour vous…',
    heldSlot: (when) => `Créneau bloqué pour vous\u00a0: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Bloqué pour vous\u00a0: ${count(seats, { one: () => 'une place', other: (x) => `${x}\u00a0places` }, locale)} pour ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `Le créneau est bloqué pour vous pendant ${formatUnit(minutes, 'minute', locale)}. Remplissez vos coordonnées pour réserver.`,
    holdExpired:
      'Le délai est écoulé et le créneau a été libéré. Choisissez de nouveau un horaire\u00a0; vos saisies sont conservées.',
    slotTaken: 'Quelqu’un vient de prendre ce créneau. Veuillez en choisir un autre.',
    classFull: 'Ce cours n’a plus assez de places. Choisissez un autre cours ou moins de places.',
    manageLinkInvalid:
      'Le lien vers votre réservation ne fonctionne pas (il est peut-être périmé ou incomplet). Vous pouvez réserver un nouveau créneau ci-dessous.',
    submit: 'Réserver',
    submitPayment: 'Continuer vers le paiement',
    submitRequest: 'Demander la réservation',
    verifyIntro: (email) =>
      `Nous avons envoyé un code à 6\u00a0chiffres à ${email}. Saisissez-le pour confirmer votre réservation.`,
    verifyCode: 'Code',
    verifySubmit: 'Confirmer',
    payIntro: 'Votre réservation est retenue jusqu’à la fin du délai de paiement.',
    payTest: 'Payer maintenant (paiement test, aucun débit)',
    paying: 'Paiement en cours…',
    paymentExpired:
      'Le délai de paiement est écoulé et la réservation a été libérée. Vous pouvez réserver à nouveau.',
    resultConfirmed: 'Votre réservation est confirmée.',
    resultRequested:
      'Votre demande est envoyée. L’organisateur la confirmera et vous recevrez un e-mail.',
    resultPaid: 'Paiement reçu. Votre réservation est confirmée.',
    resultOther: (state) => `Statut de votre réservation\u00a0: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Une confirmation sera envoyée à ${email}.`,
    manageLink: 'Gérer cette réservation',
    bookAnother: 'Réserver un autre horaire',
    state: (state) => stateName(state, states),
    stateLabel: 'Statut',
    whenLabel: 'Quand',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Où',
    seatsLabel: 'Places',
    cancelBooking: 'Annuler la réservation',
    cancelMessage: 'Message à l’organisateur (facultatif)',
    cancelConfirm: 'Oui, annuler',
    cancelled: 'Votre réservation est annulée.',
    reschedule: 'Changer d’horaire',
    rescheduleConfirm: (when) => `Déplacer votre réservation au ${when}\u00a0?`,
    rescheduleDone: (when) => `Votre réservation est déplacée au ${when}.`,
    noActions: 'Cette réservation ne peut plus être modifiée.',
    loadingBooking: 'Chargement de votre réservation…',
    outcome: {
      booked: 'Votre réservation est confirmée',
      requested: 'Demande envoyée – l’hôte va confirmer',
      'awaiting-payment': 'Réservé jusqu’au paiement',
      paid: 'Payé et réservé',
      'awaiting-verification': 'En attente de votre code',
      declined: 'L’hôte a refusé cette demande',
      cancelled: 'Cette réservation est annulée',
      'cancelled-by-host': 'L’hôte a annulé cette réservation',
      moved: 'Cette réservation a été déplacée à un autre horaire',
      expired: 'Cette réservation a été libérée',
      past: 'Ce rendez-vous a eu lieu',
      processing: 'Nous finalisons votre réservation',
    },
    online: 'En ligne',
    free: 'Gratuit',
    referenceLabel: 'Référence de réservation',
    priceLabel: 'Prix',
    emailOnItsWay: (email: string) => `Un e-mail avec les détails est en route vers ${email}.`,
    requestNext: (email: string) =>
      `L’hôte acceptera ou refusera votre demande ; nous écrirons à ${email} dans les deux cas.`,
    cancelUntil: (when: string) => `Vous pouvez annuler jusqu’au ${when}.`,
    cancelClosed: (when: string) =>
      `L’annulation en ligne a fermé le ${when}, car l’hôte a besoin d’un préavis pour la place. Contactez l’hôte.`,
    addToCalendar: 'Ajouter au calendrier',
    calendarFile: 'Fichier calendrier (.ics)',
    cancelWhatHappens:
      'Annuler libère votre créneau pour quelqu’un d’autre et prévient l’hôte. C’est définitif.',
    keepBooking: 'Garder ma réservation',
    movedBanner: (from: string, to: string) => `Votre réservation est déplacée : ${from} → ${to}`,
    hostMessage: 'Message de l’hôte',
    amountDue: (amount: string) => `Montant à payer : ${amount}`,
    paymentWindowEnds: 'Si le temps s’écoule avant le paiement, la réservation est libérée.',
    paymentFailed: 'Le paiement n’a pas abouti et rien n’a été débité. Vous pouvez réessayer.',
    releaseAndBack: 'Retour : libérer ce créneau',
    redirecting: 'Redirection en cours…',
  },
  waitlist: {
    join: 'Rejoindre la liste d’attente',
    intro:
      'Ce cours est complet. Laissez vos coordonnées et nous vous écrirons si une place se libère.',
    joinedHeading: 'Vous êtes sur la liste d’attente',
    joined: 'Vous êtes sur la liste d’attente — nous vous écrirons si une place se libère.',
    forSeats: (seats, locale) =>
      `Liste d’attente pour ${count(seats, { one: () => 'une place', other: (x) => `${x}\u00a0places` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Vous êtes sur la liste d’attente pour ${count(seats, { one: () => 'une place', other: (x) => `${x}\u00a0places` }, locale)} — nous vous écrirons si elles se libèrent.`,
    seatsAvailable: 'Des places sont de nouveau libres : réservez-en une maintenant.',
    leave: 'Quitter la liste d’attente',
    leftHeading: 'Vous avez quitté la liste d’attente',
    left: 'Vous avez quitté la liste d’attente. Nous ne vous écrirons pas au sujet de ce cours.',
    backToClasses: 'Retour aux cours',
    offerExpired:
      'Cette offre a pris fin et la place est passée à la personne suivante sur la liste d’attente.',
  },
};
