/**
 * Portuguese as CLDR's "pt" is: Brazilian, served for pt-PT too. Addresses the visitor as
 * "você"; a seat is a "vaga", a class an "aula", a hold a "reserva temporária".
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

const count = (n: number, forms: PluralForms, locale = 'pt') => plural(n, 'pt', forms, locale);

const states: BookingStateNames = {
  awaiting_verification: 'aguardando verificação',
  verification_expired: 'verificação expirada',
  tentative: 'provisória',
  confirmed: 'confirmada',
  declined: 'recusada',
  paid: 'paga',
  unpaid: 'não paga',
  cancelled: 'cancelada',
  cancelled_by_customer: 'cancelada por você',
  cancelled_by_owner: 'cancelada pelo responsável',
  rescheduled_by_customer: 'remarcada',
  completed: 'concluída',
};

export const pt: Messages = {
  common: {
    retry: 'Tentar novamente',
    loading: 'Carregando…',
    close: 'Fechar',
    back: 'Voltar',
    cancel: 'Cancelar',
    unknownError: 'Algo deu errado. Tente novamente.',
    networkError:
      'Não foi possível acessar o serviço de reservas. Verifique sua conexão e tente novamente.',
    timeoutError: 'O serviço de reservas está demorando demais para responder. Tente novamente.',
    slotGone: 'Esse horário não está mais disponível. Escolha outro.',
    notFound: 'Não encontramos esta reserva. O link pode estar desatualizado.',
    notAllowed: 'Esta ação não é mais possível para esta reserva.',
    tooManyRequests: 'Muitas tentativas em pouco tempo. Aguarde um minuto e tente novamente.',
    checkDetails: 'Alguns dados precisam ser revistos. Confira o formulário.',
    wrongCode: 'Esse código não está certo. Confira o e-mail e tente novamente.',
  },

  slotPicker: {
    calendar: 'Calendário',
    previousMonth: 'Mês anterior',
    nextMonth: 'Próximo mês',
    day: (date, status) =>
      status === 'available'
        ? `${date}, disponível`
        : status === 'unavailable'
          ? `${date}, sem horários`
          : date,
    loadingDates: 'Carregando dias disponíveis…',
    loadingTimes: 'Carregando horários…',
    times: 'Horários',
    chooseDay: 'Escolha um dia para ver os horários.',
    timesOn: (date) => `Horários de ${date}`,
    noTimesOnDay: (date) => `Não restam horários para ${date}. Escolha outro dia.`,
    noTimesInMonth: (month) => `Nenhum horário em ${month}`,
    nextAvailable: (date) => `Próxima data disponível: ${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `Nenhum horário disponível para ${date}.`
        : count(
            n,
            {
              one: (x) => `${x} horário disponível para ${date}.`,
              many: (x) => `${x} de horários disponíveis para ${date}.`,
              other: (x) => `${x} horários disponíveis para ${date}.`,
            },
            locale,
          ),
    selected: 'selecionado',
    timeZone: 'Fuso horário',
    chooseTimeZone: 'Escolher fuso horário',
    searchTimeZones: 'Pesquisar fusos horários',
    timeZonePlaceholder: 'Cidade ou fuso horário',
    timeZones: 'Fusos horários',
    currentTimeZone: 'atual',
    timeZoneHint: 'Digite uma cidade ou fuso horário e escolha com as setas e Enter.',
    noTimeZoneMatch: (query) => `Nenhum fuso horário corresponde a “${query}”.`,
    moreTimeZones: (shown, total, locale) =>
      `Mostrando ${formatNumber(shown, locale)} de ${formatNumber(total, locale)}. Continue digitando para filtrar a lista.`,
    timeZoneChanged: (zone) => `Fuso horário alterado: ${zone}.`,
    invalidTimeZone: (value, fallback) =>
      `“${value}” não é um fuso horário conhecido, então é usado este: ${fallback}.`,
    invalidSetting:
      'Este calendário não está configurado corretamente, então alguns dias ou horários podem estar faltando.',
  },

  classList: {
    loading: 'Carregando aulas…',
    empty: 'Nenhuma aula programada',
    noMatches: 'Nenhuma aula corresponde aos seus filtros.',
    clearFilters: 'Limpar filtros',
    showMore: 'Mostrar mais aulas',
    filtersLabel: 'Filtrar aulas',
    resourceFilter: 'Responsável',
    allResources: 'Todos',
    titleFilter: 'Pesquisar aulas',
    searchPlaceholder: 'Ioga, pilates…',
    placeFilter: 'Local',
    allPlaces: 'Todos',
    daysLabel: 'Dias',
    allDays: 'Todos os dias',
    previousWeek: 'Semana anterior',
    nextWeek: 'Próxima semana',
    weekShown: (range: string) => `Dias ${range}`,
    free: 'Grátis',
    seatsLeft: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} vaga restante`,
          many: (x) => `${x} de vagas restantes`,
          other: (x) => `${x} vagas restantes`,
        },
        locale,
      ),
    soldOut: 'Esgotado',
    fullJoinAnother: (next) => `Lotada: escolha outro horário (próximo: ${next})`,
    seats: 'Vagas',
    seatsFor: (label) => `Vagas para ${label}`,
    book: 'Reservar',
    bookLabel: (label) => `Reservar ${label}`,
    dateAndTime: (date, time) => `${date}, ${time}`,
    range: (from, to) => `${from} – ${to}`,
    classLabel: (title, when) => `${title}, ${when}`,
    bookingOpens: (when) => `Reservas abrem em ${when}`,
    bookingClosed: 'Reservas encerradas',
    classCount: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} aula`,
          many: (x) => `${x} de aulas`,
          other: (x) => `${x} aulas`,
        },
        locale,
      ),
    invalidTimeZone: (value, zone) =>
      `“${value}” não é um fuso horário conhecido, então é usado este: ${zone}.`,
  },

  customerForm: {
    labels: {
      name: 'Nome completo',
      first_name: 'Nome',
      last_name: 'Sobrenome',
      email: 'E-mail',
      phone: 'Telefone',
      voip: 'Endereço de Skype ou VoIP',
      location: 'Local',
      comment: 'Comentário',
    },
    optional: '(opcional)',
    choose: 'Escolha…',
    submit: 'Reservar',
    submitting: 'Reservando…',
    sending: 'Enviando seus dados…',
    errors: {
      required: (label) => `${label}: campo obrigatório.`,
      requiredChoice: (label) => `${label}: escolha uma opção.`,
      requiredCheckbox: (label) => `Marque “${label}” para continuar.`,
      email: (label) => `${label}: informe um endereço de e-mail, como nome@example.com.`,
      tel: (label) => `${label}: informe um número de telefone, como +55 11 91234-5678.`,
      tooLong: (label, max, locale) =>
        `${label}: ${count(
          max,
          {
            one: (x) => `no máximo ${x} caractere`,
            many: (x) => `no máximo ${x} de caracteres`,
            other: (x) => `no máximo ${x} caracteres`,
          },
          locale,
        )}.`,
      choice: (label) => `${label}: escolha uma das opções.`,
      invalid: (label) => `${label}: valor inválido.`,
      server: (label, message) => `${label}: ${message}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          one: (x) => `${x} campo precisa de atenção.`,
          many: (x) => `${x} de campos precisam de atenção.`,
          other: (x) => `${x} campos precisam de atenção.`,
        },
        locale,
      ),
    configError: (detail) =>
      `Este formulário de reserva não está configurado corretamente. ${detail}`,
  },

  countdown: {
    label: 'Reservado para você por',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `Sua reserva temporária expira em ${timeLeft}.`,
    expired: 'Sua reserva temporária expirou; o horário está livre para outras pessoas novamente.',
    extend: 'Estender',
    extending: 'Estendendo…',
    invalidExpiresAt: 'Não conseguimos ler quando sua reserva temporária termina.',
  },

  widget: {
    configProblem: 'Este widget de reservas não está configurado corretamente:',
    configLoading: 'Carregando o calendário de reservas…',
    configFailed: 'Não foi possível carregar o calendário de reservas.',
    chooseTimeHeading: 'Escolha um horário',
    chooseClassHeading: 'Escolha uma aula',
    rescheduleHeading: 'Escolha um novo horário',
    detailsHeading: 'Seus dados',
    verifyHeading: 'Confira seu e-mail',
    paymentHeading: 'Pagamento',
    resultHeading: 'Reserva',
    manageHeading: 'Sua reserva',
    back: 'Voltar',
    holding: 'Reservando este horário para você…',
    heldSlot: (when) => `Reservado para você: ${when}`,
    heldSeats: (what, when, seats, locale) =>
      `Reservado para você: ${count(
        seats,
        {
          one: () => 'uma vaga',
          many: (x) => `${x} de vagas`,
          other: (x) => `${x} vagas`,
        },
        locale,
      )} em ${what}, ${when}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `O horário fica reservado para você por ${formatUnit(minutes, 'minute', locale)}. Preencha seus dados para concluir a reserva.`,
    holdExpired:
      'Sua reserva temporária expirou e o horário foi liberado. Escolha um horário novamente; o que você digitou foi mantido.',
    slotTaken: 'Outra pessoa acabou de reservar esse horário. Escolha outro.',
    classFull: 'Essa aula não tem mais vagas suficientes. Escolha outra aula ou menos vagas.',
    manageLinkInvalid:
      'O link para a sua reserva não funciona (pode estar expirado ou incompleto). Você pode reservar um novo horário abaixo.',
    submit: 'Reservar',
    submitPayment: 'Continuar para o pagamento',
    submitRequest: 'Solicitar reserva',
    verifyIntro: (email) =>
      `Enviamos um código de 6 dígitos para ${email}. Digite-o para confirmar sua reserva.`,
    verifyCode: 'Código',
    verifySubmit: 'Confirmar',
    payIntro: 'Sua reserva fica garantida até o fim do prazo de pagamento.',
    payTest: 'Pagar agora (pagamento de teste, nenhum valor é cobrado)',
    paying: 'Processando o pagamento…',
    paymentExpired:
      'O prazo de pagamento terminou e a reserva foi liberada. Você pode reservar novamente.',
    resultConfirmed: 'Sua reserva está confirmada.',
    resultRequested:
      'Sua solicitação foi enviada. O responsável vai confirmá-la e você receberá um e-mail.',
    resultPaid: 'Pagamento recebido. Sua reserva está confirmada.',
    resultOther: (state) => `Status da sua reserva: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `Uma confirmação será enviada para ${email}.`,
    manageLink: 'Gerenciar esta reserva',
    bookAnother: 'Reservar outro horário',
    state: (state) => stateName(state, states),
    stateLabel: 'Status',
    whenLabel: 'Quando',
    whatAndWhen: (what, when) => `${what}, ${when}`,
    whereLabel: 'Onde',
    seatsLabel: 'Vagas',
    cancelBooking: 'Cancelar reserva',
    cancelMessage: 'Mensagem para o responsável (opcional)',
    cancelConfirm: 'Sim, cancelar',
    cancelled: 'Sua reserva foi cancelada.',
    reschedule: 'Remarcar',
    rescheduleConfirm: (when) => `Remarcar sua reserva para ${when}?`,
    rescheduleDone: (when) => `Sua reserva foi remarcada para ${when}.`,
    noActions: 'Não há mais nada a alterar nesta reserva.',
    loadingBooking: 'Carregando sua reserva…',
    outcome: {
      booked: 'Sua reserva está feita',
      requested: 'Pedido enviado — o anfitrião vai confirmar',
      'awaiting-payment': 'Reservado até você pagar',
      paid: 'Pago e reservado',
      'awaiting-verification': 'Aguardando seu código',
      declined: 'O anfitrião recusou este pedido',
      cancelled: 'Esta reserva foi cancelada',
      'cancelled-by-host': 'O anfitrião cancelou esta reserva',
      moved: 'Esta reserva foi movida para outro horário',
      expired: 'Esta reserva foi liberada',
      past: 'Este compromisso já aconteceu',
      processing: 'Estamos finalizando sua reserva',
    },
    online: 'On-line',
    free: 'Grátis',
    referenceLabel: 'Código da reserva',
    priceLabel: 'Preço',
    emailOnItsWay: (email: string) => `Um e-mail com os detalhes está a caminho de ${email}.`,
    requestNext: (email: string) =>
      `O anfitrião vai aceitar ou recusar seu pedido; escreveremos para ${email} de qualquer forma.`,
    cancelUntil: (when: string) => `Você pode cancelar até ${when}.`,
    cancelClosed: (when: string) =>
      `O cancelamento on-line encerrou em ${when}, pois o anfitrião precisa de aviso prévio para a vaga. Fale com o anfitrião.`,
    addToCalendar: 'Adicionar à agenda',
    calendarFile: 'Arquivo de agenda (.ics)',
    cancelWhatHappens:
      'Cancelar libera seu horário para outra pessoa e avisa o anfitrião. Não é possível desfazer.',
    keepBooking: 'Manter minha reserva',
    movedBanner: (from: string, to: string) => `Sua reserva foi movida: ${from} → ${to}`,
    hostMessage: 'Mensagem do anfitrião',
    amountDue: (amount: string) => `Valor a pagar: ${amount}`,
    paymentWindowEnds: 'Se o tempo acabar antes do pagamento, a reserva é liberada.',
    paymentFailed: 'O pagamento não foi concluído e nada foi cobrado. Você pode tentar novamente.',
    releaseAndBack: 'Voltar: liberar este horário',
    redirecting: 'Redirecionando…',
  },
  waitlist: {
    join: 'Entrar na lista de espera',
    intro: 'Esta aula está esgotada. Deixe seus dados e enviaremos um e-mail se abrir uma vaga.',
    joinedHeading: 'Você está na lista de espera',
    joined: 'Você está na lista de espera — enviaremos um e-mail se abrir uma vaga.',
    forSeats: (seats, locale) =>
      `Lista de espera para ${count(seats, { one: () => 'uma vaga', many: (x) => `${x} de vagas`, other: (x) => `${x} vagas` }, locale)}`,
    joinedSeats: (seats, locale) =>
      `Você está na lista de espera para ${count(seats, { one: () => 'uma vaga', many: (x) => `${x} de vagas`, other: (x) => `${x} vagas` }, locale)} — enviaremos um e-mail se elas abrirem.`,
    seatsAvailable: 'Há vagas livres de novo: reserve uma agora.',
    leave: 'Sair da lista de espera',
    leftHeading: 'Você saiu da lista de espera',
    left: 'Você saiu da lista de espera. Não enviaremos e-mails sobre esta aula.',
    backToClasses: 'Voltar às aulas',
    offerExpired: 'Esta oferta terminou e a vaga passou para a próxima pessoa da lista de espera.',
  },
};
