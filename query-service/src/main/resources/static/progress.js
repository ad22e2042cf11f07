// A statement's progress towards its goal and closing time, drawn into an element from the live stream's counts.
// Used by the dashboard and by the embeddable counter, each with the catalogue of its language (i18n.js): every
// text is a progress.* message, every number in the language's format. Texts are inserted as text, never as HTML.
(function () {
  'use strict';

  function timeLeft(closesAt, now, i18n) {
    const seconds = Math.max(0, Math.floor((Date.parse(closesAt) - now) / 1000));
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const t = i18n.t;
    if (days > 0) {
      return t('progress.days', { count: days }) + (hours > 0 ? ', ' + t('progress.hours', { count: hours }) : '');
    }
    if (hours > 0) {
      return t('progress.hours', { count: hours })
        + (minutes > 0 ? ', ' + t('progress.minutes', { count: minutes }) : '');
    }
    if (minutes > 0) return t('progress.minutes', { count: minutes });
    return t('progress.lessThanAMinute');
  }

  function line(parent, className, text) {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  // Renders counts ({endorsementCount, invalidated, status, progress}) into element; returns whether it has a
  // goal or a closing time to show.
  function render(element, counts, now, i18n) {
    const t = i18n.t;
    const progress = counts.progress || {};
    element.replaceChildren();
    const goal = progress.signatureGoal;
    if (goal) {
      line(element, 'progress-goal', t('progress.goal', { count: counts.endorsementCount, goal }));
      const bar = document.createElement('progress');
      bar.max = goal;
      bar.value = Math.min(goal, counts.endorsementCount);
      bar.setAttribute('aria-label', t('progress.percent', { percent: progress.percent }));
      element.appendChild(bar);
      line(element, 'progress-percent',
        progress.goalReached ? t('progress.reached') : t('progress.percent', { percent: progress.percent }));
    }
    if (counts.status === 'closed') {
      line(element, 'progress-time', t('progress.closed'));
    } else if (progress.closesAt) {
      line(element, 'progress-time',
        t('progress.closesIn', { left: timeLeft(progress.closesAt, now || Date.now(), i18n) }));
    }
    if (counts.invalidated > 0) {
      line(element, 'progress-invalidated', t('progress.invalidated', { count: counts.invalidated }));
    }
    return Boolean(goal || progress.closesAt);
  }

  window.endorsementProgress = { render, timeLeft };
})();
