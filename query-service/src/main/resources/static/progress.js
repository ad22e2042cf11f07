// A statement's progress towards its goal and closing time, drawn into an element from the live stream's counts.
// Used by the dashboard and by the embeddable counter. Texts are inserted as text, never as HTML.
(function () {
  'use strict';

  // Every English text of the progress block, in one place: the embeddable counter's. The dashboard passes its
  // own, from the message catalogue of the visitor's language, with its number format.
  const DEFAULT_TEXT = {
    goal: (count, goal) => count + ' of ' + goal + ' signatories',
    percent: (p) => p + ' % of the goal',
    reached: 'Goal reached',
    closesIn: (left) => 'Closes in ' + left,
    closed: 'Closed',
    invalidated: (n) => number.format(n) + ' invalidated by moderation, not counted',
    days: (n) => n + (n === 1 ? ' day' : ' days'),
    hours: (n) => n + (n === 1 ? ' hour' : ' hours'),
    minutes: (n) => n + (n === 1 ? ' minute' : ' minutes'),
    lessThanAMinute: 'less than a minute',
  };

  const number = new Intl.NumberFormat('en');

  function timeLeft(closesAt, now, texts) {
    const TEXT = texts || DEFAULT_TEXT;
    const seconds = Math.max(0, Math.floor((Date.parse(closesAt) - now) / 1000));
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) return TEXT.days(days) + (hours > 0 ? ', ' + TEXT.hours(hours) : '');
    if (hours > 0) return TEXT.hours(hours) + (minutes > 0 ? ', ' + TEXT.minutes(minutes) : '');
    if (minutes > 0) return TEXT.minutes(minutes);
    return TEXT.lessThanAMinute;
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
  function render(element, counts, now, texts) {
    const TEXT = texts || DEFAULT_TEXT;
    const format = TEXT.number || ((n) => number.format(n));
    const progress = counts.progress || {};
    element.replaceChildren();
    const goal = progress.signatureGoal;
    if (goal) {
      line(element, 'progress-goal', TEXT.goal(format(counts.endorsementCount), format(goal)));
      const bar = document.createElement('progress');
      bar.max = goal;
      bar.value = Math.min(goal, counts.endorsementCount);
      bar.setAttribute('aria-label', TEXT.percent(progress.percent));
      element.appendChild(bar);
      line(element, 'progress-percent', progress.goalReached ? TEXT.reached : TEXT.percent(progress.percent));
    }
    if (counts.status === 'closed') {
      line(element, 'progress-time', TEXT.closed);
    } else if (progress.closesAt) {
      line(element, 'progress-time', TEXT.closesIn(timeLeft(progress.closesAt, now || Date.now(), TEXT)));
    }
    if (counts.invalidated > 0) {
      line(element, 'progress-invalidated', TEXT.invalidated(counts.invalidated));
    }
    return Boolean(goal || progress.closesAt);
  }

  window.endorsementProgress = { render, timeLeft, TEXT: DEFAULT_TEXT };
})();
