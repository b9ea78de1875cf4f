// The one script a storefront page runs. It is the same text on every page, so the page's
// Content-Security-Policy allows it by its sha256 hash: no nonce, and the static site stays
// byte-for-byte reproducible. It does three things:
// - in the in-app preview, turns clicks on storefront links into a message to the app
//   (the sandboxed preview frame cannot navigate by itself);
// - keeps in-page (#) links scrolling inside the page, also inside the preview frame;
// - filters the catalog cards as the visitor types, from text embedded in each card.
import { createHash } from 'node:crypto';

export const PAGE_SCRIPT = `(function () {
  var doc = document;
  doc.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    if (!target) return;
    var link = target.closest('[data-marquee-page]');
    if (link) {
      event.preventDefault();
      var page;
      try { page = JSON.parse(link.getAttribute('data-marquee-page')); } catch (e) { return; }
      window.parent.postMessage({ type: 'marquee-storefront-navigate', page: page }, '*');
      return;
    }
    var anchor = target.closest('a[href^="#"]');
    if (anchor) {
      var goal = doc.getElementById(anchor.getAttribute('href').slice(1));
      if (goal) { event.preventDefault(); goal.scrollIntoView(); }
      return;
    }
    var chip = target.closest('[data-sf-filter]');
    if (chip && search) {
      var on = chip.getAttribute('aria-pressed') !== 'true';
      search.value = on ? chip.getAttribute('data-sf-filter') : '';
      filter();
    }
  });

  var search = doc.getElementById('sf-search');
  if (!search) return;
  var cards = Array.prototype.slice.call(doc.querySelectorAll('[data-sf-search]'));
  var chips = Array.prototype.slice.call(doc.querySelectorAll('[data-sf-filter]'));
  var count = doc.getElementById('sf-count');
  var empty = doc.getElementById('sf-empty');

  function filter() {
    var query = search.value.toLowerCase().trim();
    var words = query.split(/\\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute('data-sf-search');
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      card.hidden = !match;
      if (match) shown++;
    });
    chips.forEach(function (c) {
      c.setAttribute('aria-pressed', String(c.getAttribute('data-sf-filter') === query));
    });
    if (count) count.textContent = shown + (shown === 1 ? ' API' : ' APIs');
    if (empty) empty.hidden = shown !== 0;
  }

  search.addEventListener('input', filter);
  filter();
})();`;

export const PAGE_SCRIPT_HASH =
  "'sha256-" + createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64') + "'";
