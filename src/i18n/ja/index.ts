/**
 * Japanese, polite (です・ます). One plural category, so counts need no forms; a hold is
 * "確保", a booking "予約". Full-width punctuation: 「」、：（）。
 */
import type { Messages } from '../messages.ts';
import { formatNumber, stateName, type BookingStateNames } from '../format.ts';

const num = (n: number, locale = 'ja') => formatNumber(n, locale);

const states: BookingStateNames = {
  awaiting_verification: '確認待ち',
  verification_expired: '確認期限切れ',
  tentative: '仮予約',
  confirmed: '確定',
  declined: 'お断り',
  paid: '支払い済み',
  unpaid: '未払い',
  cancelled: 'キャンセル済み',
  cancelled_by_customer: 'お客様によるキャンセル',
  cancelled_by_owner: '主催者によるキャンセル',
  rescheduled_by_customer: '日時変更済み',
  completed: '完了',
};

export const ja: Messages = {
  common: {
    retry: '再試行',
    loading: '読み込み中…',
    close: '閉じる',
    back: '戻る',
    cancel: 'キャンセル',
    unknownError: '問題が発生しました。もう一度お試しください。',
    networkError: '予約サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
    timeoutError: '予約サービスの応答に時間がかかっています。もう一度お試しください。',
  },

  slotPicker: {
    calendar: 'カレンダー',
    previousMonth: '前の月',
    nextMonth: '次の月',
    day: (date, status) =>
      status === 'available'
        ? `${date}、空きあり`
        : status === 'unavailable'
          ? `${date}、空きなし`
          : date,
    loadingDates: '空いている日を読み込み中…',
    loadingTimes: '時間を読み込み中…',
    times: '時間',
    chooseDay: '日付を選ぶと、その日の時間が表示されます。',
    timesOn: (date) => `${date}の時間`,
    noTimesOnDay: (date) => `${date}は空いている時間がありません。別の日を選んでください。`,
    noTimesInMonth: (month) => `${month}は空きがありません`,
    nextAvailable: (date) => `次に空いている日：${date}`,
    timesAvailable: (n, date, locale) =>
      n === 0
        ? `${date}は予約できる時間がありません。`
        : `${date}は${num(n, locale)}件の時間を予約できます。`,
    selected: '選択済み',
    timeZone: 'タイムゾーン',
    chooseTimeZone: 'タイムゾーンを選択',
    searchTimeZones: 'タイムゾーンを検索',
    timeZonePlaceholder: '都市名またはタイムゾーン名',
    timeZones: 'タイムゾーン一覧',
    currentTimeZone: '現在',
    timeZoneHint: '都市名またはタイムゾーン名を入力し、矢印キーとEnterキーで選択してください。',
    noTimeZoneMatch: (query) => `「${query}」に一致するタイムゾーンはありません。`,
    moreTimeZones: (shown, total, locale) =>
      `${num(total, locale)}件中${num(shown, locale)}件を表示しています。さらに入力して絞り込んでください。`,
    timeZoneChanged: (zone) => `${zone}で時間を表示しています。`,
    invalidTimeZone: (value, fallback) =>
      `「${value}」は不明なタイムゾーンのため、${fallback}で時間を表示しています。`,
    invalidSetting:
      'このカレンダーは正しく設定されていないため、一部の日付や時間が表示されない場合があります。',
  },

  classList: {
    loading: 'クラスを読み込み中…',
    empty: '今後のクラスはありません',
    noMatches: '条件に一致するクラスはありません。',
    clearFilters: '絞り込みを解除',
    filtersLabel: 'クラスの絞り込み',
    resourceFilter: '担当',
    allResources: 'すべて',
    titleFilter: 'クラスを検索',
    searchPlaceholder: 'ヨガ、ピラティス…',
    placeFilter: '場所',
    allPlaces: 'すべて',
    daysLabel: '日付',
    allDays: 'すべての日',
    free: '無料',
    seatsLeft: (n, locale) => `残り${num(n, locale)}席`,
    soldOut: '満席',
    fullJoinAnother: (next) => `満席：別の日時をお選びください（次回：${next}）`,
    seats: '席数',
    seatsFor: (label) => `${label}の席数`,
    book: '予約',
    bookLabel: (label) => `${label}を予約`,
    dateAndTime: (date, time) => `${date} ${time}`,
    range: (from, to) => `${from}～${to}`,
    classLabel: (title, when) => `${title}（${when}）`,
    bookingOpens: (when) => `予約受付開始：${when}`,
    bookingClosed: '予約受付終了',
    classCount: (n, locale) => `${num(n, locale)}件のクラス`,
    invalidTimeZone: (value, zone) =>
      `「${value}」は不明なタイムゾーンのため、時間は${zone}で表示しています。`,
  },

  customerForm: {
    labels: {
      name: '氏名',
      first_name: '名',
      last_name: '姓',
      email: 'メールアドレス',
      phone: '電話番号',
      voip: 'SkypeまたはVoIPのアドレス',
      location: '場所',
      comment: 'コメント',
    },
    optional: '（任意）',
    choose: '選択してください',
    submit: '予約する',
    submitting: '予約中…',
    sending: '入力内容を送信しています…',
    errors: {
      required: (label) => `${label}は必須です。`,
      requiredChoice: (label) => `${label}：いずれかを選択してください。`,
      requiredCheckbox: (label) => `続けるには「${label}」にチェックを入れてください。`,
      email: (label) => `${label}にはメールアドレスを入力してください（例：name@example.com）。`,
      tel: (label) => `${label}には電話番号を入力してください（例：+81 90 1234 5678）。`,
      tooLong: (label, max, locale) => `${label}は${num(max, locale)}文字以内で入力してください。`,
      choice: (label) => `${label}：選択肢の中から選んでください。`,
      invalid: (label) => `${label}の入力内容が正しくありません。`,
      server: (label, message) => `${label}：${message}`,
    },
    needAttention: (n, locale) => `${num(n, locale)}件の項目を確認してください。`,
    configError: (detail) => `この予約フォームは正しく設定されていません。${detail}`,
  },

  countdown: {
    label: '確保の残り時間',
    timerName: (label, timeLeft) => `${label} ${timeLeft}`,
    timeLeft: (timeLeft) => `確保の残り時間は${timeLeft}です。`,
    expired: '確保期限が切れました。この時間はほかの方も予約できるようになりました。',
    extend: '延長',
    extending: '延長中…',
    invalidExpiresAt: '確保の期限を読み取れませんでした。',
  },

  widget: {
    configProblem: 'この予約ウィジェットは正しく設定されていません：',
    configLoading: '予約カレンダーを読み込み中…',
    configFailed: '予約カレンダーを読み込めませんでした。',
    chooseTimeHeading: '時間を選択',
    chooseClassHeading: 'クラスを選択',
    rescheduleHeading: '新しい時間を選択',
    detailsHeading: 'お客様情報',
    verifyHeading: 'メールをご確認ください',
    paymentHeading: 'お支払い',
    resultHeading: '予約',
    manageHeading: 'ご予約内容',
    back: '戻る',
    holding: 'この時間を確保しています…',
    heldSlot: (when) => `確保済み：${when}`,
    heldSeats: (what, when, seats, locale) =>
      `確保済み：${what}、${when}（${num(seats, locale)}席）`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `この時間を${num(minutes, locale)}分間確保しました。お客様情報を入力して予約してください。`,
    holdExpired:
      '確保期限が切れたため、時間は解放されました。もう一度時間を選んでください。入力内容は保持されています。',
    slotTaken: 'その時間はたった今ほかの方が予約しました。別の時間を選んでください。',
    classFull: 'このクラスは空席が足りなくなりました。別のクラスを選ぶか、席数を減らしてください。',
    submit: '予約する',
    submitPayment: 'お支払いへ進む',
    submitRequest: '予約をリクエスト',
    verifyIntro: (email) =>
      `${email}に6桁のコードを送信しました。予約を確定するには、コードを入力してください。`,
    verifyCode: 'コード',
    verifySubmit: '確認',
    payIntro: 'お支払い期限まで予約は確保されています。',
    payTest: '今すぐ支払う（テスト決済のため請求はありません）',
    paying: 'お支払いを処理中…',
    paymentExpired: 'お支払い期限が過ぎたため、予約は解放されました。もう一度予約できます。',
    resultConfirmed: '予約が確定しました。',
    resultRequested: 'リクエストを送信しました。主催者が確認すると、メールでお知らせします。',
    resultPaid: 'お支払いを受け付けました。予約が確定しました。',
    resultOther: (state) => `予約の状態：${stateName(state, states)}`,
    confirmationSentTo: (email) => `確認メールを${email}にお送りします。`,
    manageLink: 'この予約を管理',
    bookAnother: '別の時間を予約',
    state: (state) => stateName(state, states),
    stateLabel: '状態',
    whenLabel: '日時',
    whatAndWhen: (what, when) => `${what}、${when}`,
    whereLabel: '場所',
    seatsLabel: '席数',
    cancelBooking: '予約をキャンセル',
    cancelMessage: '主催者へのメッセージ（任意）',
    cancelConfirm: 'はい、キャンセルします',
    cancelled: '予約をキャンセルしました。',
    reschedule: '時間を変更',
    rescheduleConfirm: (when) => `予約を${when}に変更しますか？`,
    rescheduleDone: (when) => `予約を${when}に変更しました。`,
    noActions: 'この予約はこれ以上変更できません。',
    loadingBooking: '予約を読み込み中…',
  },
};
