// The rich-text editor example: Quill (its ready browser build, window.Quill) with the element
// watching Quill's editing area. The element reads the same text as quill.getText() and marks
// statements with the CSS Custom Highlight API, outside Quill's document model: nothing is added
// to the article Quill saves, and Quill's undo history never sees a mark.
import '../../npm/element.js';

const quill = new window.Quill('#editor', {
  theme: 'snow',
  placeholder: 'اكتب الخبر هنا…',
  modules: {
    toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'link'], ['blockquote', { list: 'ordered' }, { list: 'bullet' }], ['clean']],
  },
});
quill.root.id = 'story'; // <isnad-analyzer for="story">
quill.root.setAttribute('aria-label', 'نص الخبر');
// Quill's heading picker has no accessible name of its own.
quill.getModule('toolbar').container.querySelector('.ql-header .ql-picker-label')?.setAttribute('aria-label', 'نوع الفقرة');

const analyzer = document.querySelector('isnad-analyzer');
document.getElementById('denials-only').addEventListener('change', (e) => {
  analyzer.denialsOnly = e.target.checked;
});
