// The page's words in Arabic and English, the language chosen, and putting the words into the
// static page (the elements marked data-t, data-t-label, data-t-placeholder in index.html).
// Every other module asks t(key) for its words, at the moment it draws.

const WORDS = {
  ar: {
    title: 'إسناد',
    tagline: 'من قال ماذا في الخبر: المتحدثون، وما أكّدوه، وما نفوه.',
    input: 'نص الخبر',
    examples: 'أمثلة',
    example: (n) => `مثال ${n.toLocaleString('ar-EG')}`,
    clear: 'مسح النص',
    placeholder: 'الصق هنا نص خبر باللغة العربية، أو اختر أحد الأمثلة…',
    kept: 'يبقى النص في هذا المتصفح وحده (ولو أُعيد تحميل الصفحة) حتى تضغط «مسح النص»؛ لا يُرسَل إلى أي مكان.',
    notKept: 'تعذّر حفظ النص في هذا المتصفح (التخزين غير متاح هنا)؛ سيضيع عند إعادة التحميل.',
    progress: 'تقدّم التحليل',
    export: 'تصدير التحليل',
    copyJson: 'نسخ JSON',
    saveJson: 'تنزيل JSON',
    saveCsv: 'تنزيل CSV للتصريحات',
    copied: 'نُسخ التحليل (JSON) إلى الحافظة.',
    copyFailed: 'تعذّر النسخ إلى الحافظة؛ استعمل «تنزيل JSON».',
    reading: 'قراءة النص',
    claim: 'تأكيد',
    denial: 'نفي',
    cue: 'فعل القول',
    readingHelp: 'مرّر المؤشر على مقطع مظلَّل أو انتقل إليه بلوحة المفاتيح (Tab ثم الأسهم) لترى المتحدث ونوع التصريح ودرجة الثقة.',
    speakers: 'المتحدثون',
    statements: 'التصريحات',
    show: 'اعرض',
    all: 'الكل',
    claims: 'التأكيدات',
    denials: 'النفي',
    speaker: 'المتحدث',
    allSpeakers: 'كل المتحدثين',
    statementsHelp: 'الأسهم للتنقل بين التصريحات، وEnter لإظهار التصريح في النص.',
    footer: 'يجري التحليل كاملًا داخل متصفحك؛ لا يُرسَل النص إلى أي خادم، وتعمل الصفحة دون اتصال بعد زيارتها مرة.',
    loading: 'جارٍ تحميل محرك التحليل…',
    empty: 'الصق نص خبر عربي في المربع أعلاه أو اختر أحد الأمثلة، وسيظهر التحليل أثناء الكتابة.',
    notArabic: 'لم يُعثر على حروف عربية في هذا النص. إسناد يقرأ الأخبار المكتوبة بالعربية: الصق نصًا عربيًا.',
    none: 'لم يُعثر على تصريحات منسوبة في هذا النص. جرّب خبرًا ينقل أقوال متحدثين (قال، أكد، نفى…).',
    noneNotes: 'لم يُعثر على تصريحات منسوبة في هذا النص؛ انظر الملاحظات أدناه.',
    working: 'جارٍ التحليل…',
    summary: (n, d, s) => `التصريحات: ${n} (منها ${d} نفي) — المتحدثون: ${s}`,
    took: (ms) => ` — حُلِّل في ${ms} مللي ثانية`,
    shown: (n, all) => (n === all ? `(${all})` : `(${n} من ${all})`),
    tallyClaim: (n) => `${n} تأكيد`,
    tallyDenial: (n) => `${n} نفي`,
    mentions: (n) => `${n} ذِكر`,
    confidence: (p) => `ثقة ${p}٪`,
    why: 'لماذا؟',
    tipSpeaker: 'المتحدث',
    tipRole: 'الصفة',
    tipKind: 'النوع',
    tipForm: 'الصيغة',
    tipConfidence: 'الثقة',
    form: { direct: 'اقتباس مباشر', indirect: 'نقل غير مباشر', mixed: 'نقل مختلط' },
    speakerKind: { person: 'شخص', organization: 'جهة', media: 'وسيلة إعلام', anonymous: 'مصدر مجهول' },
    badSpan: (id, part) => `التصريح ${id}: مقطع «${part}» لا يطابق النص فلم يُظلَّل`,
    engineFailed: 'تعذّر تحميل محرك التحليل (WebAssembly). أعد تحميل الصفحة؛ وإن تكرر الخطأ فاستعمل متصفحًا حديثًا.',
    analysisFailed: 'تعذّر تحليل هذا النص: توقف المحلل بخطأ. أُعيد تشغيل المحلل؛ عدّل النص أو جرّب نصًا آخر.',
    seedsFailed: 'تعذّر تحميل قائمة الأمثلة.',
    seedFailed: (f) => `تعذّر تحميل المثال ${f}.`,
    unexpected: 'حدث خطأ غير متوقع في الصفحة.',
    chainLabel: 'السند',
    chainLink: 'نقلًا عن',
    answers: 'يردّ على',
    answersOf: (name) => `يردّ على ${name}`,
    answersText: 'يردّ على ما ورد في النص',
    deniedBy: 'نفاه',
    denies: 'ينفي ما ورد عن',
    denialsView: 'من ينفي من',
    denialsHelp: 'كل سهم نفيٌ يردّ على تصريح متحدث آخر. اختر بندًا من القائمة لترى النفي أو التصريح المنفي في النص.',
    denialsNone: 'لا نفي في هذا النص يردّ على تصريح متحدث آخر.',
    denialsGraph: 'رسم من ينفي من: يطابق القائمة',
    theDenial: 'النفي',
    theClaim: 'التصريح المنفي',
    sources: 'المصادر',
    sourceCounts: { person: (n) => `${n} شخص`, organization: (n) => `${n} جهة`, media: (n) => `${n} وسيلة إعلام`, anonymous: (n) => `${n} مجهول` },
    gender: { female: 'مؤنث', male: 'مذكر' },
    other: 'English',
  },
  en: {
    title: 'isnad',
    tagline: 'Who said what in Arabic news: the speakers, what they claimed and what they denied.',
    input: 'Article text',
    examples: 'Examples',
    example: (n) => `Example ${n}`,
    clear: 'Clear text',
    placeholder: 'Paste an Arabic news article here, or pick an example…',
    kept: 'The text stays in this browser only (even across reloads) until you press “Clear text”; it is never sent anywhere.',
    notKept: 'This browser cannot keep the text (storage unavailable); it will be lost on reload.',
    progress: 'Analysis progress',
    export: 'Export the analysis',
    copyJson: 'Copy JSON',
    saveJson: 'Download JSON',
    saveCsv: 'Download statements CSV',
    copied: 'The analysis (JSON) is on the clipboard.',
    copyFailed: 'Could not copy to the clipboard; use “Download JSON”.',
    reading: 'Reading view',
    claim: 'claim',
    denial: 'denial',
    cue: 'speech verb',
    readingHelp: 'Hover over a highlight, or reach it with the keyboard (Tab, then the arrow keys), to see its speaker, kind and confidence.',
    speakers: 'Speakers',
    statements: 'Statements',
    show: 'Show',
    all: 'All',
    claims: 'Claims',
    denials: 'Denials',
    speaker: 'Speaker',
    allSpeakers: 'All speakers',
    statementsHelp: 'Arrow keys move between statements; Enter shows one in the text.',
    footer: 'The whole analysis runs in your browser; the text is never sent to a server, and the page works offline after one visit.',
    loading: 'Loading the analysis engine…',
    empty: 'Paste an Arabic news article above or pick an example; the analysis updates as you type.',
    notArabic: 'This text has no Arabic letters. isnad reads news written in Arabic: paste an Arabic text.',
    none: 'No attributed statements found. Try an article that reports what people said (قال، أكد، نفى…).',
    noneNotes: 'No attributed statements found; see the notes below.',
    working: 'Analyzing…',
    summary: (n, d, s) => `Statements: ${n} (${d} denials) — speakers: ${s}`,
    took: (ms) => ` — analyzed in ${ms} ms`,
    shown: (n, all) => (n === all ? `(${all})` : `(${n} of ${all})`),
    tallyClaim: (n) => `${n} claims`,
    tallyDenial: (n) => `${n} denials`,
    mentions: (n) => `${n} mentions`,
    confidence: (p) => `confidence ${p}%`,
    why: 'Why?',
    tipSpeaker: 'Speaker',
    tipRole: 'Role',
    tipKind: 'Kind',
    tipForm: 'Form',
    tipConfidence: 'Confidence',
    form: { direct: 'direct quotation', indirect: 'reported speech', mixed: 'mixed' },
    speakerKind: { person: 'person', organization: 'organization', media: 'media', anonymous: 'anonymous source' },
    badSpan: (id, part) => `statement ${id}: its ${part} does not match the text and is not highlighted`,
    engineFailed: 'Could not load the analysis engine (WebAssembly). Reload the page; if it happens again, use a recent browser.',
    analysisFailed: 'The analyzer stopped with an error on this text. It has been restarted; edit the text or try another one.',
    seedsFailed: 'Could not load the list of examples.',
    seedFailed: (f) => `Could not load the example ${f}.`,
    unexpected: 'Something unexpected went wrong in the page.',
    chainLabel: 'Chain',
    chainLink: 'citing',
    answers: 'Answers',
    answersOf: (name) => `Answers ${name}`,
    answersText: 'Answers what the text reports',
    deniedBy: 'Denied by',
    denies: 'denies what was said by',
    denialsView: 'Who denies whom',
    denialsHelp: 'Each arrow is a denial answering another speaker’s statement. Pick an item in the list to see the denial or the denied statement in the text.',
    denialsNone: 'No denial in this text answers another speaker’s statement.',
    denialsGraph: 'Graph of who denies whom: the same as the list',
    theDenial: 'the denial',
    theClaim: 'the denied statement',
    sources: 'Sources',
    sourceCounts: { person: (n) => `${n} persons`, organization: (n) => `${n} bodies`, media: (n) => `${n} media`, anonymous: (n) => `${n} anonymous` },
    gender: { female: 'female', male: 'male' },
    other: 'العربية',
  },
};

let lang = 'ar';

/** The word for `key` in the current language (a string, or a function of the numbers it shows). */
export const t = (key) => WORDS[lang][key];

/** The language kept from an earlier visit, if it is English; Arabic otherwise. */
export function loadLang() {
  try {
    if (localStorage.getItem('isnad-lang') === 'en') lang = 'en';
  } catch {
    // Storage may be off; Arabic it is.
  }
}

/** Switches Arabic ⇄ English and keeps the choice. */
export function switchLang() {
  lang = lang === 'ar' ? 'en' : 'ar';
  try {
    localStorage.setItem('isnad-lang', lang);
  } catch {
    // The language choice is a convenience.
  }
}

/** Puts the UI text of the current language into the static page. */
export function applyWords(view) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const n of document.querySelectorAll('[data-t]')) n.textContent = t(n.dataset.t);
  for (const n of document.querySelectorAll('[data-t-label]')) n.setAttribute('aria-label', t(n.dataset.tLabel));
  for (const n of document.querySelectorAll('[data-t-placeholder]')) n.placeholder = t(n.dataset.tPlaceholder);
  view.lang.textContent = t('other');
  view.lang.lang = lang === 'ar' ? 'en' : 'ar';
  view.lang.dir = lang === 'ar' ? 'ltr' : 'rtl';
  for (const [i, b] of [...view.seeds.querySelectorAll('button[data-seed]')].entries()) b.textContent = t('example')(i + 1);
}
