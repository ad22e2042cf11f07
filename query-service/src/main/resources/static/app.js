// Endorsements dashboard. Every text that comes from the API is set with textContent, never as HTML.
(function () {
  'use strict';

  const PAGE_SIZE = 25;
  const state = { statementId: null, interval: 'hour', page: 0, search: '', chart: null, growth: null };
  const $ = (id) => document.getElementById(id);

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // Texts of the versions-and-translations lines, kept together (docs/texts-and-versions.md).
  const VERSION_TEXTS = {
    version: (n, total) => 'Version ' + n + ' of ' + total,
    translatedBy: (translator, language) => 'translated by ' + translator + ' from the original (' + language + ')',
    translations: (languages) => 'also in: ' + languages.join(', '),
    signedEarlier: (counts) => counts.map((v) => number.format(v.signatories) + ' signed version ' + v.version
      + (v.inForce ? '' : ' (not re-confirmed)')).join(' · '),
    kindNotGiven: 'not given',
  };

  const number = new Intl.NumberFormat();
  const dateTime = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

  function show(view) {
    ['index-view', 'statement-view', 'error-view'].forEach((id) => { $(id).hidden = id !== view; });
  }

  function fail(message) {
    $('error-text').textContent = message;
    show('error-view');
  }

  // ---- index ----------------------------------------------------------------------------------------------
  async function renderIndex() {
    document.title = 'Campaigns · Endorsements';
    show('index-view');
    const list = $('campaigns');
    list.replaceChildren();
    const statements = await getJson('/api/statements');
    $('index-empty').hidden = statements.length > 0;
    statements.forEach((s) => {
      const item = el('li');
      item.append(el('span', number.format(s.endorsementCount), { class: 'count' }));
      const link = el('a', s.title, { href: '/statements/' + encodeURIComponent(s.statementId) });
      item.append(link);
      item.append(el('div', (s.status === 'closed' ? 'closed · ' : '') + 'published ' + dateTime(s.publishedAt),
        { class: 'meta' }));
      list.append(item);
    });
  }

  // ---- statement --------------------------------------------------------------------------------------------
  async function renderStatement(id) {
    state.statementId = id;
    let statement;
    try {
      statement = await getJson('/api/statements/' + encodeURIComponent(id));
    } catch (e) {
      fail(e.status === 404 ? 'There is no statement with this address.' : 'The statement could not be loaded.');
      return;
    }
    show('statement-view');
    document.title = statement.title + ' · Endorsements';
    $('statement-title').textContent = statement.title;
    $('demo-banner').hidden = !/synthetic demo/i.test(statement.title);
    $('statement-status').textContent = statement.status === 'closed' ? 'Closed' : 'Open for signatures';
    $('statement-published').textContent = dateTime(statement.publishedAt);
    $('statement-published').setAttribute('datetime', statement.publishedAt);
    $('statement-hash').textContent = statement.contentHash;
    updateCounts(statement);
    const base = '/api/statements/' + encodeURIComponent(id);
    $('link-document-md').href = base + '/document.md';
    $('link-document-md').setAttribute('type', 'text/markdown');
    $('link-document-txt').href = base + '/document.txt';
    $('link-csv').href = base + '/endorsements.csv';
    $('link-json').href = base + '/endorsements.json';
    showProvenance(statement);
    const body = $('statement-body');
    body.replaceChildren(...statement.body.split(/\n\s*\n/).map((p) => el('p', p)));
    connectLive(id);
    await Promise.all([loadGrowth(), loadSignatories(), loadBreakdown(), loadAssurance()]);
  }

  function showProvenance(statement) {
    const versions = statement.versions || [];
    const parts = [];
    if (versions.length > 1) {
      parts.push(VERSION_TEXTS.version(statement.version, versions.length));
      parts.push(VERSION_TEXTS.signedEarlier(versions));
    }
    if (statement.translator) {
      parts.push(VERSION_TEXTS.translatedBy(statement.translator, statement.originalLanguage));
    }
    const languages = (statement.texts || []).filter((t) => t.versionContentHash === statement.contentHash)
      .map((t) => t.language);
    if (languages.length > 0) parts.push(VERSION_TEXTS.translations(languages));
    $('statement-provenance').textContent = parts.join(' · ');
    $('statement-provenance').hidden = parts.length === 0;
    $('statement-body').setAttribute('lang', statement.language);
  }

  function updateCounts(c) {
    $('live-count').textContent = number.format(c.endorsementCount);
    $('total-added').textContent = number.format(c.totalEndorsementsAdded);
    $('withdrawals').textContent = number.format(c.withdrawals);
    $('counted-hidden').textContent = number.format(c.countedButHidden || 0);
  }

  let refreshTimer = null;
  function connectLive(id) {
    const source = new EventSource('/api/statements/' + encodeURIComponent(id) + '/live');
    source.addEventListener('open', () => { $('live-state').textContent = 'live'; });
    source.addEventListener('error', () => { $('live-state').textContent = 'reconnecting…'; });
    source.addEventListener('counts', (event) => {
      const counts = JSON.parse(event.data);
      updateCounts(counts);
      $('progress').hidden = !window.endorsementProgress.render($('progress'), counts);
      $('live-state').textContent = 'live · updated ' + new Date().toLocaleTimeString();
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => { loadGrowth(); loadSignatories(); loadBreakdown(); loadAssurance(); }, 500);
    });
  }

  // ---- growth chart -----------------------------------------------------------------------------------------
  let growthRequest = 0;
  async function loadGrowth() {
    const request = ++growthRequest;
    const growth = await getJson('/api/statements/' + encodeURIComponent(state.statementId)
      + '/growth?interval=' + state.interval);
    if (request !== growthRequest) return;
    state.growth = growth;
    window.endorsementsGrowthPoints = growth.points.length;
    $('chart-empty').hidden = growth.points.length > 0;
    drawChart(growth.points);
  }

  function drawChart(growthPoints) {
    // The chart starts from zero one interval before the first signature (one point alone has no extent).
    const step = state.interval === 'day' ? 86400 : 3600;
    const points = growthPoints.length === 0 ? [] : [{
      start: new Date(Date.parse(growthPoints[0].start) - step * 1000).toISOString(),
      cumulative: 0, added: 0, withdrawn: 0,
    }].concat(growthPoints);
    const xs = points.map((p) => Date.parse(p.start) / 1000);
    const data = [xs, points.map((p) => p.cumulative), points.map((p) => p.added), points.map((p) => -p.withdrawn)];
    const container = $('chart');
    const width = Math.max(280, container.clientWidth || 600);
    if (state.chart) {
      state.chart.destroy();
      state.chart = null;
    }
    if (points.length === 0) return;
    const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
    state.chart = new uPlot({
      width, height: 300,
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      axes: [{}, { label: 'signatories' }],
      series: [
        {},
        { label: 'Signatories (cumulative)', stroke: '#0b5cad', width: 2, points: { show: points.length < 60 } },
        { label: 'Added', stroke: '#2e8540', fill: 'rgba(46,133,64,0.35)', paths: bars, points: { show: false } },
        { label: 'Withdrawn', stroke: '#b3261e', fill: 'rgba(179,38,30,0.35)', paths: bars, points: { show: false } },
      ],
    }, data, container);
  }

  function setInterval_(interval) {
    state.interval = interval;
    $('interval-hour').setAttribute('aria-pressed', String(interval === 'hour'));
    $('interval-day').setAttribute('aria-pressed', String(interval === 'day'));
    loadGrowth();
  }

  // ---- signatories ------------------------------------------------------------------------------------------
  let signatoriesRequest = 0;
  async function loadSignatories() {
    const request = ++signatoriesRequest;
    const params = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
    if (state.search) params.set('q', state.search);
    const page = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/endorsements?' + params);
    if (request !== signatoriesRequest) return; // a newer request (search, paging, live refresh) has superseded it
    const rows = page.items.map((s, i) => {
      const row = el('tr');
      row.append(el('td', state.search ? '' : page.page * page.size + i + 1));
      row.append(el('td', s.name));
      const time = el('time', dateTime(s.endorsedAt), { datetime: s.endorsedAt });
      const cell = el('td');
      cell.append(time);
      row.append(cell);
      // No letter's entry number: the public list leaves out signatories, whose numbers would be gaps.
      row.append(el('td', s.source === 'imported' ? 'letter' : 'online'));
      row.append(el('td', s.assurance || ''));
      return row;
    });
    $('signatories').replaceChildren(...rows);
    const pages = Math.max(1, page.totalPages);
    $('page-info').textContent = 'Page ' + (page.page + 1) + ' of ' + pages + ' · '
      + number.format(page.totalItems) + (state.search ? ' matching' : ' signatories');
    $('page-prev').disabled = page.page === 0;
    $('page-next').disabled = page.page + 1 >= pages;
  }

  async function loadBreakdown() {
    const places = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/breakdown');
    $('breakdown').replaceChildren(...places.map((p) => {
      const row = el('tr');
      row.append(el('td', p.country || 'not given'), el('td', p.region || '—'), el('td', number.format(p.signatories)));
      return row;
    }));
    const kinds = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/breakdown?by=kind');
    $('breakdown-kind').replaceChildren(...kinds.map((k) => {
      const row = el('tr');
      row.append(el('td', k.kind || VERSION_TEXTS.kindNotGiven), el('td', number.format(k.signatories)));
      return row;
    }));
  }

  async function loadAssurance() {
    const levels = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/assurance');
    $('assurance').replaceChildren(...levels.map((l) => {
      const row = el('tr');
      row.append(el('td', l.assurance), el('td', number.format(l.signatories)));
      return row;
    }));
  }

  // ---- wiring -----------------------------------------------------------------------------------------------
  function wire() {
    $('interval-hour').addEventListener('click', () => setInterval_('hour'));
    $('interval-day').addEventListener('click', () => setInterval_('day'));
    $('zoom-reset').addEventListener('click', () => { if (state.growth) drawChart(state.growth.points); });
    $('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadSignatories(); });
    $('page-next').addEventListener('click', () => { state.page += 1; loadSignatories(); });
    let searchTimer = null;
    $('search').addEventListener('input', (event) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => { state.search = event.target.value.trim(); state.page = 0; loadSignatories(); }, 250);
    });
    $('search-form').addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('resize', () => { if (state.growth) drawChart(state.growth.points); });
  }

  wire();
  const match = window.location.pathname.match(/^\/statements\/([^/]+)\/?$/);
  (match ? renderStatement(decodeURIComponent(match[1])) : renderIndex())
    .catch(() => fail('The platform could not be reached.'));
})();
