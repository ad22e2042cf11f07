// The embeddable counter: one statement's live count and goal, for an iframe on a coalition's own site.
(function () {
  'use strict';

  // Every English text of the counter, in one place.
  const TEXT = {
    signatories: 'signatories',
    connecting: 'connecting…',
    live: 'live',
    reconnecting: 'reconnecting…',
    notFound: 'This statement does not exist.',
  };

  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat('en');
  const id = decodeURIComponent(location.pathname.split('/')[3] || '');
  let last = null;

  function show(counts) {
    last = counts;
    $('embed-count').textContent = number.format(counts.endorsementCount);
    window.endorsementProgress.render($('embed-progress'), counts);
  }

  async function start() {
    $('embed-count-label').textContent = TEXT.signatories;
    $('embed-state').textContent = TEXT.connecting;
    const response = await fetch('/api/statements/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      $('embed-state').textContent = TEXT.notFound;
      return;
    }
    const statement = await response.json();
    const link = $('embed-link');
    link.textContent = statement.title;
    link.href = '/statements/' + encodeURIComponent(id);
    document.title = statement.title;
    show(statement);
    const source = new EventSource('/api/statements/' + encodeURIComponent(id) + '/live');
    source.addEventListener('open', () => { $('embed-state').textContent = TEXT.live; });
    source.addEventListener('error', () => { $('embed-state').textContent = TEXT.reconnecting; });
    source.addEventListener('counts', (event) => show(JSON.parse(event.data)));
    // The time left counts down between two counts.
    setInterval(() => { if (last) window.endorsementProgress.render($('embed-progress'), last); }, 30000);
  }

  start();
})();
