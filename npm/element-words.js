// The words of <isnad-analyzer>'s panel, in Arabic (the default) and English (lang="en").

export const WORDS = {
  ar: {
    dir: 'rtl',
    title: 'إسناد',
    speakers: 'المتحدثون',
    claims: 'التأكيدات',
    denials: 'النفي',
    empty: 'اكتب أو الصق نص خبر عربي، وسيظهر هنا من قال ماذا.',
    none: 'لم يُعثر على تصريحات منسوبة في هذا النص.',
    noDenials: 'لا نفي في هذا النص.',
    working: 'جارٍ التحليل…',
    summary: (n, d, s) => `${n} تصريح (منها ${d} نفي)، ${s} متحدث`,
    tally: (c, d) => `${c} تأكيد، ${d} نفي`,
    noTarget: (id) => `لم يُعثر على عنصر بالمعرّف «${id}» لتحليله.`,
    failed: 'تعذّر التحليل:',
    kind: { person: 'شخص', organization: 'جهة', media: 'وسيلة إعلام', anonymous: 'مصدر مجهول' },
    show: 'أظهر في النص',
    chain: 'السند',
    citing: 'نقلًا عن',
    answers: 'يردّ على',
    deniedBy: 'نفاه',
  },
  en: {
    dir: 'ltr',
    title: 'isnad',
    speakers: 'Speakers',
    claims: 'Claims',
    denials: 'Denials',
    empty: 'Type or paste an Arabic news text; who said what appears here.',
    none: 'No attributed statements in this text.',
    noDenials: 'No denials in this text.',
    working: 'Analyzing…',
    summary: (n, d, s) => `${n} statements (${d} denials), ${s} speakers`,
    tally: (c, d) => `${c} claims, ${d} denials`,
    noTarget: (id) => `No element with id “${id}” to analyze.`,
    failed: 'The analysis failed:',
    kind: { person: 'person', organization: 'organization', media: 'media', anonymous: 'anonymous source' },
    show: 'Show in the text',
    chain: 'Chain',
    citing: 'citing',
    answers: 'Answers',
    deniedBy: 'Denied by',
  },
};

/** The panel's language: the element's own `lang`, else its document's; English or Arabic. */
export function wordsFor(el) {
  const lang = el.getAttribute('lang') || el.ownerDocument.documentElement.lang || 'ar';
  return lang.toLowerCase().startsWith('en') ? ['en', WORDS.en] : ['ar', WORDS.ar];
}
