/*
 * notesearch note page: highlights the section named by #anchor (the heading and what follows it,
 * up to the next section), and sends "back" to the search the reader came from.
 */
(function () {
  'use strict';

  // The sticky header covers the top of the window: an #anchor scrolls its heading to just below
  // the header, however many lines the header wraps to on a narrow window.
  var head = document.querySelector('.note-head');
  function clearHeader() {
    if (head) {
      document.documentElement.style.scrollPaddingTop = (head.offsetHeight + 8) + 'px';
    }
  }

  function highlight() {
    document.querySelectorAll('.section-hit').forEach(function (n) { n.classList.remove('section-hit'); });
    var id = location.hash ? decodeURIComponent(location.hash.substring(1)) : '';
    var start = id ? document.getElementById(id) : null;
    if (!start || !start.hasAttribute('data-section')) {
      return;
    }
    start.classList.add('section-hit');
    start.scrollIntoView({ block: 'start' });
    for (var n = start.nextElementSibling; n && !n.hasAttribute('data-section'); n = n.nextElementSibling) {
      if (/^H[1-6]$/.test(n.tagName)) {
        break; // a heading that starts no section of its own still ends this one
      }
      n.classList.add('section-hit');
    }
  }

  var back = document.getElementById('notesearch-back');
  if (back && document.referrer && document.referrer.indexOf(location.origin + '/?') === 0) {
    back.href = document.referrer;
  }
  window.addEventListener('hashchange', highlight);
  window.addEventListener('resize', clearHeader);
  clearHeader();
  highlight();
})();
