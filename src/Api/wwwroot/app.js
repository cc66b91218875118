// Progressive enhancement only: every page works without this script.
// Symbol suggestions: an input with data-suggest="/baselines/{id}/symbols" and list="..." gets the
// baseline's Kconfig catalog names matching what is typed, fetched from that page endpoint (same origin,
// the session cookie goes along; the API key never reaches the browser).
'use strict';

document.querySelectorAll('input[data-suggest]').forEach((input) => {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer = 0;
  let asked = '';
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2 || text === asked) return;
      asked = text;
      try {
        const response = await fetch(input.dataset.suggest + '?q=' + encodeURIComponent(text), {
          headers: { Accept: 'application/json' }, credentials: 'same-origin',
        });
        if (!response.ok) return;
        const symbols = await response.json();
        list.replaceChildren(...symbols.map((symbol) => {
          const option = document.createElement('option');
          option.value = 'CONFIG_' + symbol.name;
          option.textContent = symbol.prompt || symbol.type || '';
          return option;
        }));
      } catch {
        // Suggestions are a convenience; typing the name still works.
      }
    }, 150);
  });
});
