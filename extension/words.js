// The side panel's words, in Arabic and English, chosen by the browser's language (the panel of
// <isnad-analyzer> has its own, npm/element-words.js, and is given the same language).

export const WORDS = {
  ar: {
    dir: 'rtl',
    starting: 'جارٍ قراءة الصفحة…',
    noTab: 'اضغط زر «إسناد» في شريط الأدوات (أو Alt+Shift+D) وأنت على صفحة الخبر لتقرأه.',
    cannot: 'لا يستطيع إسناد قراءة هذه الصفحة: صفحات المتصفح ومتجر الإضافات مغلقة أمام الإضافات، أو انتهى إذن القراءة. اضغط زر «إسناد» على الصفحة مرة أخرى.',
    gone: 'تغيّرت الصفحة أو أُغلقت. اضغط زر «إسناد» لقراءتها من جديد.',
    none: 'لم يُعثر على مقال في هذه الصفحة. إن كان النص يُحمَّل بعد قليل فسيُقرأ حين يظهر.',
    notArabic: 'لم يُعثر على مقال عربي في هذه الصفحة. يقرأ إسناد الأخبار المكتوبة بالعربية؛ ولا يقرأ النص داخل الصور.',
    analyzing: 'جارٍ التحليل…',
    read: 'المقال المقروء:',
    several: (n) => `في هذه الصفحة ${n} مقالات؛ اختر ما يُقرأ:`,
    marked: (n) => `${n} تصريح معلَّم في الصفحة.`,
    reread: 'اقرأ الصفحة من جديد',
    private: 'يُحلَّل النص في هذا المتصفح ولا يُرسَل إلى أي مكان. Esc يغلق اللوحة.',
    failed: 'تعذّر التحليل:',
  },
  en: {
    dir: 'ltr',
    starting: 'Reading the page…',
    noTab: 'Press the isnad button in the toolbar (or Alt+Shift+D) on a news page to read it.',
    cannot: 'isnad cannot read this page: browser pages and the extension store are closed to extensions, or the permission to read it has expired. Press the isnad button on the page again.',
    gone: 'The page changed or was closed. Press the isnad button to read it again.',
    none: 'No article found on this page. If its text loads later, it is read when it appears.',
    notArabic: 'No Arabic article found on this page. isnad reads news written in Arabic; it cannot read text inside images.',
    analyzing: 'Analyzing…',
    read: 'Article read:',
    several: (n) => `This page has ${n} articles; choose the one to read:`,
    marked: (n) => `${n} statements marked on the page.`,
    reread: 'Read the page again',
    private: 'The text is analyzed in this browser and never sent anywhere. Esc closes the panel.',
    failed: 'The analysis failed:',
  },
};

/**
 * 'ar' when the browser speaks Arabic: its interface is in Arabic, or Arabic comes first among
 * the languages its user prefers (chrome://settings/languages); else 'en'.
 */
export function uiLanguage() {
  const ui = globalThis.chrome?.i18n?.getUILanguage?.() ?? '';
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return [ui, preferred].some((l) => l.toLowerCase().startsWith('ar')) ? 'ar' : 'en';
}
