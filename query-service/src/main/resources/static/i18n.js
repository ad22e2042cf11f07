// The message catalogue of one language, shared by the dashboard and the embeddable counter. The query service
// picks the language (GET /i18n/messages.json): the one asked for, else the best of the browser's
// Accept-Language, else its first configured one; Content-Language names it.
(function () {
  'use strict';

  // chosen: a language the page asks for (the dashboard's remembered switch, the counter's ?lang=), or null.
  async function load(chosen) {
    const response = await fetch('/i18n/messages.json' + (chosen ? '?lang=' + encodeURIComponent(chosen) : ''),
      { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const messages = await response.json();
    const language = response.headers.get('Content-Language') || 'en';
    const catalogue = {
      language,
      messages,
      plural: new Intl.PluralRules(language),
      number: new Intl.NumberFormat(language),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(language, { timeStyle: 'medium' }),
    };
    // A message by key, with {name} parameters; a message with plural forms is chosen by params.count.
    catalogue.t = function t(key, params) {
      let message = messages[key];
      if (message === undefined) return key;
      if (typeof message === 'object') {
        const form = catalogue.plural.select(params && typeof params.count === 'number' ? params.count : 0);
        message = message[form] !== undefined ? message[form] : message.other;
      }
      return String(message).replace(/\{(\w+)\}/g, (whole, name) => {
        if (!params || params[name] === undefined) return whole;
        return typeof params[name] === 'number' ? catalogue.number.format(params[name]) : String(params[name]);
      });
    };
    document.documentElement.lang = language;
    return catalogue;
  }

  window.endorsementsI18n = { load };
})();
