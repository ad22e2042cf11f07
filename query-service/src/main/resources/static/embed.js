// The embeddable counter: one statement's live count and goal, for an iframe on a coalition's own site. It speaks
// the dashboard's languages from the same catalogue: the one the embedder names (?lang=es), else the visitor's
// Accept-Language. Texts from the API are set with textContent, never as HTML.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.split('/')[3] || '');
  let i18n = null;
  let last = null;

  function show(counts) {
    last = counts;
    $('embed-count').textContent = i18n.number.format(counts.endorsementCount);
    $('embed-count-label').textContent = i18n.t('embed.signatories', { count: counts.endorsementCount });
    window.endorsementProgress.render($('embed-progress'), counts, Date.now(), i18n);
  }

  async function start() {
    try {
      i18n = await window.endorsementsI18n.load(new URLSearchParams(location.search).get('lang'));
    } catch (e) {
      // Without a catalogue the counter cannot speak; say so in both languages it knows.
      $('embed-state').textContent = 'The platform could not be reached. · No se pudo conectar con la plataforma.';
      return;
    }
    const t = i18n.t;
    $('embed-state').textContent = t('live.connecting');
    const response = await fetch('/api/statements/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      $('embed-state').textContent = t('error.noStatement');
      window.endorsementsReady = true;
      return;
    }
    const statement = await response.json();
    const link = $('embed-link');
    link.textContent = statement.title;
    // The title speaks the statement's own language, whatever the counter's.
    if (statement.language) link.setAttribute('lang', statement.language);
    link.href = '/statements/' + encodeURIComponent(id);
    document.title = t('page.title', { title: statement.title });
    show(statement);
    const source = new EventSource('/api/statements/' + encodeURIComponent(id) + '/live');
    source.addEventListener('open', () => { $('embed-state').textContent = t('live.live'); });
    source.addEventListener('error', () => { $('embed-state').textContent = t('live.reconnecting'); });
    source.addEventListener('counts', (event) => show(JSON.parse(event.data)));
    // The time left counts down between two counts.
    setInterval(() => { if (last) show(last); }, 30000);
    window.endorsementsReady = true;
  }

  start();
})();
