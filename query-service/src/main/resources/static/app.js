// Endorsements dashboard. Every text that comes from the API is set with textContent, never as HTML. Every text
// of the page itself comes from the message catalogue of the visitor's language (t below).
(function () {
  'use strict';

  const PAGE_SIZE = 25;
  const LANGUAGE_KEY = 'endorsements.language';
  const state = { statementId: null, interval: 'hour', page: 0, search: '', charts: [], growth: null };
  const $ = (id) => document.getElementById(id);

  // ---- language -------------------------------------------------------------------------------------------
  // The visitor's catalogue (i18n.js): language, messages, t, and the number and date formats of the language.
  let i18n = null;

  function rememberedLanguage() {
    try {
      return window.localStorage.getItem(LANGUAGE_KEY);
    } catch (e) {
      return null; // storage disabled: the browser's Accept-Language decides
    }
  }

  function remember(language) {
    try {
      window.localStorage.setItem(LANGUAGE_KEY, language);
    } catch (e) {
      // storage disabled: the choice lasts for this page only
    }
  }

  // The query service picks the catalogue: the remembered choice, else the browser's Accept-Language.
  async function loadMessages() {
    i18n = await window.endorsementsI18n.load(rememberedLanguage());
  }

  const t = (key, params) => i18n.t(key, params);

  function translatePage() {
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria-label]').forEach((node) => {
      node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
    });
    const names = i18n.messages['language.names'] || {};
    $('languages').replaceChildren(...Object.keys(names).map((language) => {
      const button = el('button', names[language], {
        type: 'button', lang: language, 'aria-pressed': String(language === i18n.language), 'data-language': language,
      });
      button.addEventListener('click', () => {
        if (language === i18n.language) return;
        remember(language);
        window.location.reload();
      });
      return button;
    }));
  }

  const number = (n) => i18n.number.format(n);
  const dateTime = (iso) => (iso ? i18n.dateTime.format(new Date(iso)) : '—');

  // ---- helpers ----------------------------------------------------------------------------------------------
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

  function show(view) {
    ['index-view', 'statement-view', 'error-view'].forEach((id) => { $(id).hidden = id !== view; });
  }

  function fail(message) {
    $('error-text').textContent = message;
    show('error-view');
  }

  // ---- index ----------------------------------------------------------------------------------------------
  async function renderIndex() {
    document.title = t('page.title', { title: t('index.title') });
    show('index-view');
    const list = $('campaigns');
    list.replaceChildren();
    const statements = await getJson('/api/statements');
    $('index-empty').hidden = statements.length > 0;
    statements.forEach((s) => {
      const item = el('li');
      item.append(el('span', number(s.endorsementCount), { class: 'count', 'aria-hidden': 'true' }));
      const link = el('a', s.title, { href: '/statements/' + encodeURIComponent(s.statementId) });
      if (s.language) link.setAttribute('lang', s.language);
      item.append(link);
      item.append(el('div', t('index.count', { count: s.endorsementCount }) + ' · '
        + (s.status === 'closed' ? t('index.closed') + ' · ' : '')
        + t('index.published', { date: dateTime(s.publishedAt) }), { class: 'meta' }));
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
      fail(e.status === 404 ? t('error.noStatement') : t('error.loadStatement'));
      return;
    }
    show('statement-view');
    document.title = t('page.title', { title: statement.title });
    $('statement-title').textContent = statement.title;
    $('demo-banner').hidden = !/synthetic demo/i.test(statement.title);
    $('statement-status').textContent = statement.status === 'closed' ? t('statement.closed') : t('statement.open');
    $('statement-published').textContent = dateTime(statement.publishedAt);
    $('statement-published').setAttribute('datetime', statement.publishedAt);
    $('statement-hash').textContent = statement.contentHash;
    // The statement speaks its own language, whatever the page's.
    ['statement-title', 'statement-body'].forEach((node) => {
      if (statement.language) $(node).setAttribute('lang', statement.language);
    });
    updateCounts(statement);
    const base = '/api/statements/' + encodeURIComponent(id);
    $('link-document-pdf').href = base + '/document.pdf';
    $('link-document-pdf').setAttribute('type', 'application/pdf');
    $('link-document-md').href = base + '/document.md';
    $('link-document-md').setAttribute('type', 'text/markdown');
    $('link-document-txt').href = base + '/document.txt';
    $('link-csv').href = base + '/endorsements.csv';
    $('link-json').href = base + '/endorsements.json';
    showProvenance(statement);
    showVersions(statement);
    const body = $('statement-body');
    body.replaceChildren(...statement.body.split(/\n\s*\n/).map((p) => el('p', p)));
    connectLive(id);
    await Promise.all([loadGrowth(), loadSignatories(), loadBreakdown(), loadAssurance()]);
  }

  function showProvenance(statement) {
    const versions = statement.versions || [];
    const parts = [];
    if (versions.length > 1) {
      parts.push(t('statement.version', { version: statement.version, total: versions.length }));
      parts.push(versions.map((v) => {
        const signed = t('statement.signedVersion', { count: v.signatories, version: v.version });
        return v.inForce ? signed : t('statement.notReconfirmed', { text: signed });
      }).join(' · '));
    }
    if (statement.translator) {
      parts.push(t('statement.translatedBy',
        { translator: statement.translator, language: statement.originalLanguage }));
    }
    const languages = (statement.texts || []).filter((x) => x.versionContentHash === statement.contentHash)
      .map((x) => x.language);
    if (languages.length > 0) parts.push(t('statement.translations', { languages: languages.join(', ') }));
    $('statement-provenance').textContent = parts.join(' · ');
    $('statement-provenance').hidden = parts.length === 0;
    $('statement-body').setAttribute('lang', statement.language);
  }


  // ---- versions and translations ----------------------------------------------------------------------------
  // Every version with its hash, whether it is in force and its current signatories, and the texts of each: the
  // text of record and the texts linked to it (translations, an original). A text whose body the API gives (the
  // text of record in force, every linked text) can be opened; an earlier version's text of record is not in the
  // statement's answer, so it is listed without a reader.
  function languageName(tag) {
    try {
      const name = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag);
      return name && name !== tag ? name + ' (' + tag + ')' : tag;
    } catch (e) {
      return tag; // an unknown tag: the tag itself says it
    }
  }

  function showVersions(statement) {
    const list = $('versions');
    list.replaceChildren();
    $('version-text').hidden = true;
    (statement.versions || []).forEach((v) => {
      const item = el('li', null, { class: 'version' });
      const heading = el('p', null, { class: 'version-heading' });
      heading.append(el('strong', t('versions.version', { version: v.version })));
      heading.append(' · ' + (v.inForce ? t('versions.inForce') : t('versions.notInForce')));
      heading.append(' · ' + t('versions.signatories', { count: v.signatories }));
      heading.append(' · ' + t('statement.hash') + ' ');
      heading.append(el('code', v.contentHash));
      item.append(heading);
      const texts = el('ul', null, { class: 'texts' });
      const ofRecord = {
        title: v.title, language: v.language, contentHash: v.contentHash,
        body: v.inForce ? statement.body : null,
        translator: v.version === 1 ? statement.translator : null,
        kind: t('versions.textOfRecord'),
      };
      texts.append(textItem(ofRecord));
      (statement.texts || []).filter((x) => x.versionContentHash === v.contentHash).forEach((x) => {
        texts.append(textItem({
          title: x.title, language: x.language, contentHash: x.contentHash, body: x.body,
          translator: x.translator, kind: x.original ? t('versions.original') : t('versions.translation'),
        }));
      });
      item.append(texts);
      list.append(item);
    });
  }

  function textItem(text) {
    const item = el('li', null, { class: 'text', 'data-content-hash': text.contentHash });
    item.append(el('span', text.kind + ' · ' + languageName(text.language)));
    if (text.translator) {
      item.append(' · ');
      item.append(el('span', t('versions.translatedBy', { translator: text.translator }), { class: 'translator' }));
    }
    if (text.body) {
      item.append(' ');
      const open = el('button', t('versions.read'), { type: 'button', 'aria-controls': 'version-text' });
      open.setAttribute('aria-label', t('versions.readLabel', { title: text.title, language: languageName(text.language) }));
      open.addEventListener('click', () => openText(text));
      item.append(open);
    }
    return item;
  }

  // The text is marked with its own language, so a screen reader reads it in that language whatever the page's.
  function openText(text) {
    $('version-text-title').textContent = text.title;
    $('version-text-title').setAttribute('lang', text.language);
    $('version-text-meta').textContent = text.kind + ' · ' + languageName(text.language)
      + (text.translator ? ' · ' + t('versions.translatedBy', { translator: text.translator }) : '');
    const body = $('version-text-body');
    body.setAttribute('lang', text.language);
    body.replaceChildren(...text.body.split(/\n\s*\n/).map((p) => el('p', p)));
    $('version-text').hidden = false;
    $('version-text').focus();
  }

  function updateCounts(c) {
    $('live-count').textContent = number(c.endorsementCount);
    $('total-added').textContent = number(c.totalEndorsementsAdded);
    $('withdrawals').textContent = number(c.withdrawals);
    $('counted-hidden').textContent = number(c.countedButHidden || 0);
  }

  let refreshTimer = null;
  function connectLive(id) {
    $('live-state').textContent = t('live.connecting');
    const source = new EventSource('/api/statements/' + encodeURIComponent(id) + '/live');
    source.addEventListener('open', () => { $('live-state').textContent = t('live.live'); });
    source.addEventListener('error', () => { $('live-state').textContent = t('live.reconnecting'); });
    source.addEventListener('counts', (event) => {
      const counts = JSON.parse(event.data);
      updateCounts(counts);
      $('progress').hidden = !window.endorsementProgress.render($('progress'), counts, Date.now(), i18n);
      $('live-state').textContent = t('live.updated', { time: i18n.time.format(new Date()) });
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => { loadGrowth(); loadSignatories(); loadBreakdown(); loadAssurance(); }, 500);
    });
  }

  // ---- growth -----------------------------------------------------------------------------------------------
  let growthRequest = 0;
  async function loadGrowth() {
    const request = ++growthRequest;
    const growth = await getJson('/api/statements/' + encodeURIComponent(state.statementId)
      + '/growth?interval=' + state.interval);
    if (request !== growthRequest) return;
    state.growth = growth;
    window.endorsementsGrowthPoints = growth.points.length;
    $('chart-empty').hidden = growth.points.length > 0;
    drawCharts(growth);
    fillGrowthTable(growth);
  }

  function timeAxis(u, splits) {
    const span = (u.scales.x.max - u.scales.x.min) * 1000;
    let parts = { month: 'short', day: 'numeric' };
    if (span <= 15 * 60 * 1000) parts = { hour: 'numeric', minute: '2-digit', second: '2-digit' };
    else if (span <= 36 * 3600 * 1000) parts = { hour: 'numeric', minute: '2-digit' };
    const format = new Intl.DateTimeFormat(i18n.language, parts);
    return splits.map((s) => format.format(new Date(s * 1000)));
  }

  const countAxis = (u, splits) => splits.map((s) => (Number.isInteger(s) ? number(s) : ''));

  // The count as steps at the instants it changed (each interval's first and last change, as the API gives
  // them), flat in between and up to now; nothing is interpolated across an hour in which it did not change.
  function stepData(growth) {
    if (growth.steps.length === 0) return null;
    const xs = growth.steps.map((s) => Date.parse(s.at) / 1000);
    const ys = growth.steps.map((s) => s.cumulative);
    const first = xs[0];
    const last = xs[xs.length - 1];
    const now = Date.now() / 1000;
    const end = Math.max(last, now);
    const pad = Math.max(60, (end - first) * 0.03);
    xs.unshift(first - pad);
    ys.unshift(growth.before);
    if (end > last) {
      xs.push(end);
      ys.push(ys[ys.length - 1]);
    }
    return [xs, ys];
  }

  // Bars per interval, framed by an empty interval on each side so that a single bar has an extent. What the
  // signers did (added up, withdrawn down) and what moderation did (reinstated up, invalidated down) are series of
  // their own: a clean-up of forged signatures is not signers leaving.
  function barData(growth) {
    if (growth.points.length === 0) return null;
    const step = state.interval === 'day' ? 86400 : 3600;
    const starts = growth.points.map((p) => Date.parse(p.start) / 1000);
    const xs = [starts[0] - step].concat(starts, [starts[starts.length - 1] + step]);
    const series = (value) => [null].concat(growth.points.map(value), [null]);
    return [xs, series((p) => p.added), series((p) => -p.withdrawn), series((p) => p.reinstated),
      series((p) => -p.invalidated)];
  }

  function chartOptions(width, label, series, axisLabel, paths) {
    return {
      width, height: 240,
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      // Room for a label with seconds ("6:21:30 PM") between two ticks.
      axes: [{ values: timeAxis, space: 100 }, { label: axisLabel, values: countAxis }],
      series: [{ label: t('growth.time'), value: (u, v) => (v == null ? '—' : dateTime(v * 1000)) }].concat(
        series.map((s) => Object.assign({ value: (u, v) => (v == null ? '—' : number(Math.abs(v))) }, s, paths))),
      hooks: { ready: [(u) => {
        const canvas = u.root.querySelector('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', label);
      }] },
    };
  }

  function drawCharts(growth) {
    state.charts.forEach((chart) => chart.destroy());
    state.charts = [];
    const steps = stepData(growth);
    const bars = barData(growth);
    if (!steps || !bars) return;
    const width = Math.max(280, $('chart').clientWidth || 600);
    const stepped = uPlot.paths && uPlot.paths.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined;
    const barPaths = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
    state.charts.push(new uPlot(chartOptions(width, t('growth.steps.label'), [
      { label: t('growth.series.cumulative'), stroke: '#0b5cad', width: 2, fill: 'rgba(11,92,173,0.08)',
        points: { show: false } },
    ], t('growth.axis.signatories'), { paths: stepped }), steps, $('chart')));
    state.charts.push(new uPlot(chartOptions(width, t('growth.bars.label.' + state.interval), [
      { label: t('growth.series.added'), stroke: '#2e8540', fill: 'rgba(46,133,64,0.35)' },
      { label: t('growth.series.withdrawn'), stroke: '#b3261e', fill: 'rgba(179,38,30,0.35)' },
      { label: t('growth.series.reinstated'), stroke: '#5b3a8c', fill: 'rgba(91,58,140,0.35)' },
      { label: t('growth.series.invalidated'), stroke: '#8a5a00', fill: 'rgba(138,90,0,0.35)' },
    ], t('growth.axis.signatures'), { paths: barPaths, points: { show: false } }), bars, $('chart-bars')));
  }

  // The chart's table alternative: the same intervals, in words and numbers.
  function fillGrowthTable(growth) {
    $('growth-caption').textContent = t('growth.table.caption.' + state.interval);
    const period = state.interval === 'day'
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }) : i18n.dateTime;
    $('growth-rows').replaceChildren(...growth.points.map((p) => {
      const row = el('tr');
      const cell = el('td');
      cell.append(el('time', period.format(new Date(p.start)), { datetime: p.start }));
      row.append(cell, el('td', number(p.added)), el('td', number(p.withdrawn)),
        el('td', number(p.invalidated)), el('td', number(p.reinstated)), el('td', number(p.cumulative)));
      return row;
    }));
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
      row.append(el('td', state.search ? '' : number(page.page * page.size + i + 1)));
      row.append(el('td', s.name));
      const time = el('time', dateTime(s.endorsedAt), { datetime: s.endorsedAt });
      const cell = el('td');
      cell.append(time);
      row.append(cell);
      // No letter's entry number: the public list leaves out signatories, whose numbers would be gaps.
      row.append(el('td', s.source === 'imported' ? t('signatories.letter') : t('signatories.online')));
      row.append(el('td', s.assurance || ''));
      return row;
    });
    $('signatories').replaceChildren(...rows);
    const pages = Math.max(1, page.totalPages);
    $('page-info').textContent = t(state.search ? 'pager.matching' : 'pager.info',
      { page: page.page + 1, pages, count: page.totalItems });
    $('page-prev').disabled = page.page === 0;
    $('page-next').disabled = page.page + 1 >= pages;
  }

  async function loadBreakdown() {
    const places = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/breakdown');
    $('breakdown').replaceChildren(...places.map((p) => {
      const row = el('tr');
      row.append(el('td', p.country || t('breakdown.notGiven')), el('td', p.region || '—'),
        el('td', number(p.signatories)));
      return row;
    }));
    const kinds = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/breakdown?by=kind');
    $('breakdown-kind').replaceChildren(...kinds.map((k) => {
      const row = el('tr');
      row.append(el('td', k.kind || t('breakdown.notGiven')), el('td', number(k.signatories)));
      return row;
    }));
  }

  async function loadAssurance() {
    const levels = await getJson('/api/statements/' + encodeURIComponent(state.statementId) + '/assurance');
    $('assurance').replaceChildren(...levels.map((l) => {
      const row = el('tr');
      row.append(el('td', l.assurance), el('td', number(l.signatories)));
      return row;
    }));
  }

  // ---- wiring -----------------------------------------------------------------------------------------------
  function wire() {
    $('interval-hour').addEventListener('click', () => setInterval_('hour'));
    $('interval-day').addEventListener('click', () => setInterval_('day'));
    $('zoom-reset').addEventListener('click', () => { if (state.growth) drawCharts(state.growth); });
    $('version-text-close').addEventListener('click', () => { $('version-text').hidden = true; });
    $('page-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadSignatories(); });
    $('page-next').addEventListener('click', () => { state.page += 1; loadSignatories(); });
    let searchTimer = null;
    $('search').addEventListener('input', (event) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => { state.search = event.target.value.trim(); state.page = 0; loadSignatories(); }, 250);
    });
    $('search-form').addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('resize', () => { if (state.growth) drawCharts(state.growth); });
  }

  async function start() {
    try {
      await loadMessages();
    } catch (e) {
      // Without a catalogue the page cannot speak; say so in both languages it knows.
      fail('The platform could not be reached. · No se pudo conectar con la plataforma.');
      return;
    }
    translatePage();
    wire();
    const match = window.location.pathname.match(/^\/statements\/([^/]+)\/?$/);
    await (match ? renderStatement(decodeURIComponent(match[1])) : renderIndex());
    window.endorsementsReady = true;
  }

  start().catch(() => fail(t('error.unreachable')));
})();
