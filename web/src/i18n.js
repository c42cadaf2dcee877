// The dashboard's words in Arabic (the default, right to left) and English.
const words = {
  ar: {
    title: 'مرصد', type: 'النوع', country: 'البلد', actor: 'الفاعل', from: 'من', to: 'إلى', text: 'نص',
    happenings: 'حدث واحد لكل واقعة', apply: 'تطبيق', reset: 'مسح', any: 'الكل', map: 'الخريطة',
    hint: 'اختر حدثاً على الخريطة أو في الجدول لقراءة المقال.', timeline: 'الخط الزمني', clearRange: 'إلغاء النطاق',
    brushHint: 'اسحب على الخط الزمني لاختيار فترة.', events: 'الأحداث', date: 'التاريخ', source: 'المصدر',
    target: 'الهدف', place: 'المكان', trigger: 'الفعل', article: 'المقال', more: 'المزيد', network: 'شبكة الفاعلين',
    reader: 'قارئ المقال', fields: 'الحدث', modality: 'الصيغة', confidence: 'الثقة', fatalities: 'القتلى',
    claimedBy: 'بحسب', sentence: 'الجملة', mentions: 'ذكر الواقعة', openSource: 'المصدر الأصلي', close: 'إغلاق',
    partners: 'شركاء', opponents: 'خصوم', asSource: 'فاعلاً', asTarget: 'مفعولاً به', recent: 'أحدث الأحداث',
    cooperation: 'تعاون', conflict: 'صراع', noEvents: 'لا أحداث لهذه المرشحات.', loading: 'جارٍ التحميل…',
    error: 'خطأ', quad1: 'تعاون لفظي', quad2: 'تعاون مادي', quad3: 'صراع لفظي', quad4: 'صراع مادي',
    eventCount: (n) => `${n.toLocaleString('ar')} حدث`, lang: 'English', mode: 'الأسلوب', cameo: 'CAMEO',
  },
  en: {
    title: 'Marsad', type: 'Type', country: 'Country', actor: 'Actor', from: 'From', to: 'To', text: 'Text',
    happenings: 'one event per happening', apply: 'Apply', reset: 'Reset', any: 'any', map: 'Map',
    hint: 'Pick an event on the map or in the table to read its article.', timeline: 'Timeline', clearRange: 'clear range',
    brushHint: 'Drag across the timeline to pick a period.', events: 'Events', date: 'Date', source: 'Source',
    target: 'Target', place: 'Place', trigger: 'Trigger', article: 'Article', more: 'More', network: 'Actor network',
    reader: 'Article reader', fields: 'Event', modality: 'Modality', confidence: 'Confidence', fatalities: 'Fatalities',
    claimedBy: 'Claimed by', sentence: 'Sentence', mentions: 'Mentions of this happening', openSource: 'original article', close: 'Close',
    partners: 'Partners', opponents: 'Opponents', asSource: 'as source', asTarget: 'as target', recent: 'Latest events',
    cooperation: 'cooperation', conflict: 'conflict', noEvents: 'No events for these filters.', loading: 'Loading…',
    error: 'Error', quad1: 'verbal cooperation', quad2: 'material cooperation', quad3: 'verbal conflict', quad4: 'material conflict',
    eventCount: (n) => `${n.toLocaleString('en')} events`, lang: 'العربية', mode: 'Mode', cameo: 'CAMEO',
  },
};

let lang = 'ar';

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  const root = document.documentElement;
  root.lang = lang;
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const b = document.getElementById('lang');
  b.textContent = t('lang');
  b.lang = lang === 'ar' ? 'en' : 'ar';
}

export const getLang = () => lang;

export function t(key, ...args) {
  const w = words[lang][key] ?? words.en[key] ?? key;
  return typeof w === 'function' ? w(...args) : w;
}
