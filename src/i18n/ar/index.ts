/**
 * Arabic (Modern Standard), right to left. Counts use all six plural categories (zero, one,
 * two, few 3–10, many 11–99, other 100+), each with its own noun form. Interpolated values
 * (labels, emails, dates, zone names) are wrapped in first-strong isolates (U+2068 … U+2069) so a
 * Latin-script value does not reorder the sentence around it.
 */
import type { Messages } from '../messages.ts';
import {
  formatNumber,
  plural,
  stateName,
  type BookingStateNames,
  type PluralForms,
} from '../format.ts';

const count = (n: number, forms: PluralForms, locale = 'ar') => plural(n, 'ar', forms, locale);

/** A value isolated from the surrounding right-to-left text. */
const v = (text: string) => `\u2068${text}\u2069`;

const states: BookingStateNames = {
  awaiting_verification: 'بانتظار التحقق',
  verification_expired: 'انتهت مهلة التحقق',
  tentative: 'مبدئي',
  confirmed: 'مؤكَّد',
  declined: 'مرفوض',
  paid: 'مدفوع',
  unpaid: 'غير مدفوع',
  cancelled: 'ملغى',
  cancelled_by_customer: 'ألغيتَه أنت',
  cancelled_by_owner: 'ألغاه المسؤول',
  rescheduled_by_customer: 'تغيَّر موعده',
  completed: 'مكتمل',
};

export const ar: Messages = {
  common: {
    retry: 'إعادة المحاولة',
    loading: 'جارٍ التحميل…',
    close: 'إغلاق',
    back: 'رجوع',
    cancel: 'إلغاء',
    unknownError: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
    networkError: 'تعذّر الوصول إلى خدمة الحجز. تحقّق من اتصالك وحاول مرة أخرى.',
    timeoutError: 'تستغرق خدمة الحجز وقتًا طويلًا للرد. يُرجى المحاولة مرة أخرى.',
  },

  slotPicker: {
    calendar: 'التقويم',
    previousMonth: 'الشهر السابق',
    nextMonth: 'الشهر التالي',
    day: (date, status) =>
      status === 'available'
        ? `${v(date)}، متاح`
        : status === 'unavailable'
          ? `${v(date)}، لا توجد أوقات`
          : date,
    loadingDates: 'جارٍ تحميل الأيام المتاحة…',
    loadingTimes: 'جارٍ تحميل الأوقات…',
    times: 'الأوقات',
    chooseDay: 'اختر يومًا لعرض أوقاته.',
    timesOn: (date) => `الأوقات يوم ${v(date)}`,
    noTimesOnDay: (date) => `لم تتبقَّ أوقات يوم ${v(date)}. يُرجى اختيار يوم آخر.`,
    noTimesInMonth: (month) => `لا توجد أوقات في ${v(month)}`,
    nextAvailable: (date) => `أقرب يوم متاح: ${v(date)}`,
    timesAvailable: (n, date, locale) =>
      count(
        n,
        {
          zero: () => `لا توجد أوقات متاحة يوم ${v(date)}.`,
          one: () => `يتوفر وقت واحد يوم ${v(date)}.`,
          two: () => `يتوفر وقتان يوم ${v(date)}.`,
          few: (x) => `تتوفر ${x} أوقات يوم ${v(date)}.`,
          many: (x) => `يتوفر ${x} وقتًا يوم ${v(date)}.`,
          other: (x) => `يتوفر ${x} وقت يوم ${v(date)}.`,
        },
        locale,
      ),
    selected: 'محدَّد',
    timeZone: 'المنطقة الزمنية',
    chooseTimeZone: 'اختيار المنطقة الزمنية',
    searchTimeZones: 'البحث عن منطقة زمنية',
    timeZonePlaceholder: 'اسم مدينة أو منطقة زمنية',
    timeZones: 'المناطق الزمنية',
    currentTimeZone: 'الحالية',
    timeZoneHint: 'اكتب اسم مدينة أو منطقة زمنية، ثم اختر بمفاتيح الأسهم واضغط Enter.',
    noTimeZoneMatch: (query) => `لا توجد منطقة زمنية تطابق «${v(query)}».`,
    moreTimeZones: (shown, total, locale) =>
      `يُعرض ${formatNumber(shown, locale)} من ${formatNumber(total, locale)}. تابع الكتابة لتضييق القائمة.`,
    timeZoneChanged: (zone) => `تم تغيير المنطقة الزمنية إلى ${v(zone)}.`,
    invalidTimeZone: (value, fallback) =>
      `«${v(value)}» ليست منطقة زمنية معروفة، لذا تُعرض الأوقات حسب المنطقة ${v(fallback)}.`,
    invalidSetting: 'لم يُضبط هذا التقويم بشكل صحيح، لذا قد تنقص بعض الأيام أو الأوقات.',
  },

  classList: {
    loading: 'جارٍ تحميل الحصص…',
    empty: 'لا توجد حصص قادمة',
    noMatches: 'لا توجد حصص تطابق عوامل التصفية.',
    clearFilters: 'مسح عوامل التصفية',
    filtersLabel: 'تصفية الحصص',
    resourceFilter: 'المدرّب',
    allResources: 'الكل',
    titleFilter: 'البحث في الحصص',
    searchPlaceholder: 'يوغا، بيلاتس…',
    placeFilter: 'المكان',
    allPlaces: 'الكل',
    daysLabel: 'الأيام',
    allDays: 'كل الأيام',
    free: 'مجاني',
    seatsLeft: (n, locale) =>
      count(
        n,
        {
          zero: () => 'لم يتبقَّ أي مقعد',
          one: () => 'بقي مقعد واحد',
          two: () => 'بقي مقعدان',
          few: (x) => `بقيت ${x} مقاعد`,
          many: (x) => `بقي ${x} مقعدًا`,
          other: (x) => `بقي ${x} مقعد`,
        },
        locale,
      ),
    soldOut: 'اكتمل العدد',
    fullJoinAnother: (next) => `اكتمل العدد: اختر موعدًا آخر (الموعد التالي: ${v(next)})`,
    seats: 'المقاعد',
    seatsFor: (label) => `عدد المقاعد في ${v(label)}`,
    book: 'احجز',
    bookLabel: (label) => `احجز ${v(label)}`,
    dateAndTime: (date, time) => `${v(date)}، ${v(time)}`,
    range: (from, to) => `${v(from)} – ${v(to)}`,
    classLabel: (title, when) => `${v(title)}، ${v(when)}`,
    bookingOpens: (when) => `يُفتح الحجز في ${v(when)}`,
    bookingClosed: 'أُغلق الحجز',
    classCount: (n, locale) =>
      count(
        n,
        {
          zero: () => 'لا توجد حصص',
          one: () => 'حصة واحدة',
          two: () => 'حصتان',
          few: (x) => `${x} حصص`,
          many: (x) => `${x} حصة`,
          other: (x) => `${x} حصة`,
        },
        locale,
      ),
    invalidTimeZone: (value, zone) =>
      `«${v(value)}» ليست منطقة زمنية معروفة، لذا تُعرض الأوقات حسب المنطقة ${v(zone)}.`,
  },

  customerForm: {
    labels: {
      name: 'الاسم',
      first_name: 'الاسم الأول',
      last_name: 'اسم العائلة',
      email: 'البريد الإلكتروني',
      phone: 'الهاتف',
      voip: 'عنوان Skype أو VoIP',
      location: 'الموقع',
      comment: 'تعليق',
    },
    optional: '(اختياري)',
    choose: 'اختر…',
    submit: 'احجز',
    submitting: 'جارٍ الحجز…',
    sending: 'جارٍ إرسال بياناتك…',
    errors: {
      required: (label) => `${v(label)}: هذا الحقل مطلوب.`,
      requiredChoice: (label) => `${v(label)}: يُرجى اختيار أحد الخيارات.`,
      requiredCheckbox: (label) => `يُرجى تحديد «${v(label)}» للمتابعة.`,
      email: (label) => `${v(label)}: يجب إدخال عنوان بريد إلكتروني، مثل ${v('name@example.com')}.`,
      tel: (label) => `${v(label)}: يجب إدخال رقم هاتف، مثل ${v('+20 10 1234 5678')}.`,
      tooLong: (label, max, locale) =>
        `${v(label)}: الحد الأقصى ${count(
          max,
          {
            one: () => 'حرف واحد',
            two: () => 'حرفان',
            few: (x) => `${x} أحرف`,
            many: (x) => `${x} حرفًا`,
            other: (x) => `${x} حرف`,
          },
          locale,
        )}.`,
      choice: (label) => `${v(label)}: يُرجى اختيار أحد الخيارات المتاحة.`,
      invalid: (label) => `${v(label)}: القيمة غير صالحة.`,
      server: (label, message) => `${v(label)}: ${v(message)}`,
    },
    needAttention: (n, locale) =>
      count(
        n,
        {
          zero: () => 'لا توجد حقول تحتاج إلى مراجعة.',
          one: () => 'يحتاج حقل واحد إلى مراجعة.',
          two: () => 'يحتاج حقلان إلى مراجعة.',
          few: (x) => `تحتاج ${x} حقول إلى مراجعة.`,
          many: (x) => `يحتاج ${x} حقلًا إلى مراجعة.`,
          other: (x) => `يحتاج ${x} حقل إلى مراجعة.`,
        },
        locale,
      ),
    configError: (detail) => `نموذج الحجز هذا غير مضبوط بشكل صحيح. ${v(detail)}`,
  },

  countdown: {
    label: 'مقعدك محجوز لمدة',
    timerName: (label, timeLeft) => `${v(label)} ${v(timeLeft)}`,
    timeLeft: (timeLeft) => `يتبقى ${v(timeLeft)} على انتهاء الحجز المؤقت.`,
    expired: 'انتهى الحجز المؤقت، وأصبح الموعد متاحًا للآخرين مجددًا.',
    extend: 'تمديد',
    extending: 'جارٍ التمديد…',
    invalidExpiresAt: 'تعذّرت قراءة موعد انتهاء الحجز المؤقت.',
  },

  widget: {
    configProblem: 'أداة الحجز هذه غير مضبوطة بشكل صحيح:',
    configLoading: 'جارٍ تحميل تقويم الحجز…',
    configFailed: 'تعذّر تحميل تقويم الحجز.',
    chooseTimeHeading: 'اختر موعدًا',
    chooseClassHeading: 'اختر حصة',
    rescheduleHeading: 'اختر موعدًا جديدًا',
    detailsHeading: 'بياناتك',
    verifyHeading: 'تحقّق من بريدك الإلكتروني',
    paymentHeading: 'الدفع',
    resultHeading: 'الحجز',
    manageHeading: 'حجزك',
    back: 'رجوع',
    holding: 'جارٍ حجز هذا الموعد لك…',
    heldSlot: (when) => `محجوز لك مؤقتًا: ${v(when)}`,
    heldSeats: (what, when, seats, locale) =>
      `محجوز لك مؤقتًا: ${count(
        seats,
        {
          one: () => 'مقعد واحد',
          two: () => 'مقعدان',
          few: (x) => `${x} مقاعد`,
          many: (x) => `${x} مقعدًا`,
          other: (x) => `${x} مقعد`,
        },
        locale,
      )} في ${v(what)}، ${v(when)}`,
    holdCreatedAnnouncement: (minutes, locale) =>
      `الموعد محجوز لك مؤقتًا لمدة ${count(
        minutes,
        {
          one: () => 'دقيقة واحدة',
          two: () => 'دقيقتين',
          few: (x) => `${x} دقائق`,
          other: (x) => `${x} دقيقة`,
        },
        locale,
      )}. أدخل بياناتك لإتمام الحجز.`,
    holdExpired:
      'انتهى الحجز المؤقت وأصبح الموعد متاحًا للآخرين. اختر موعدًا مرة أخرى؛ ما كتبته محفوظ.',
    slotTaken: 'حجز شخص آخر هذا الموعد للتو. يُرجى اختيار موعد آخر.',
    classFull: 'لم تعد في هذه الحصة مقاعد كافية. يُرجى اختيار حصة أخرى أو عدد أقل من المقاعد.',
    submit: 'احجز',
    submitPayment: 'المتابعة إلى الدفع',
    submitRequest: 'طلب الحجز',
    verifyIntro: (email) => `أرسلنا رمزًا من 6 أرقام إلى ${v(email)}. أدخله لتأكيد حجزك.`,
    verifyCode: 'الرمز',
    verifySubmit: 'تأكيد',
    payIntro: 'حجزك محفوظ حتى انتهاء مهلة الدفع.',
    payTest: 'ادفع الآن (دفعة تجريبية، لن يُخصم أي مبلغ)',
    paying: 'جارٍ معالجة الدفع…',
    paymentExpired: 'انتهت مهلة الدفع وأُلغي الحجز. يمكنك الحجز مرة أخرى.',
    resultConfirmed: 'تم تأكيد حجزك.',
    resultRequested: 'أُرسل طلبك. سيؤكده المسؤول وستصلك رسالة بالبريد الإلكتروني.',
    resultPaid: 'تم استلام الدفعة. تم تأكيد حجزك.',
    resultOther: (state) => `حالة حجزك: ${stateName(state, states)}.`,
    confirmationSentTo: (email) => `سيُرسل التأكيد إلى ${v(email)}.`,
    manageLink: 'إدارة هذا الحجز',
    bookAnother: 'حجز موعد آخر',
    state: (state) => stateName(state, states),
    stateLabel: 'الحالة',
    whenLabel: 'الموعد',
    whatAndWhen: (what, when) => `${v(what)}، ${v(when)}`,
    whereLabel: 'المكان',
    seatsLabel: 'المقاعد',
    cancelBooking: 'إلغاء الحجز',
    cancelMessage: 'رسالة إلى المسؤول (اختياري)',
    cancelConfirm: 'نعم، ألغِ الحجز',
    cancelled: 'تم إلغاء حجزك.',
    reschedule: 'تغيير الموعد',
    rescheduleConfirm: (when) => `هل تريد نقل حجزك إلى ${v(when)}؟`,
    rescheduleDone: (when) => `تم نقل حجزك إلى ${v(when)}.`,
    noActions: 'لم يعد بالإمكان تغيير أي شيء في هذا الحجز.',
    loadingBooking: 'جارٍ تحميل حجزك…',
  },
};
