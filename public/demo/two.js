// Two widgets in one page (docs/EMBEDDING.md, "Several widgets on one page"): each mounted in its
// own element, each with its own events; the console keeps a form of its own beside them.
import { Pandu } from '../pandu-embed.js';

window.panduEvents = { kiri: [], kanan: [] };
window.hostSubmits = 0;
window.panduHandles = {};

const callers = {
  kiri: { name: 'Budi Santoso', honorific: 'bapak' },
  kanan: { name: 'Sari Dewi', honorific: 'ibu' },
};

for (const id of ['kiri', 'kanan']) {
  window.panduHandles[id] = Pandu.mount(document.getElementById(id), {
    origins: [location.origin],
    onEvent: (e) => window.panduEvents[id].push(e),
    context: { caller: callers[id], cso: `CSO-${id}` },
  });
}

document.getElementById('host-form').addEventListener('submit', (e) => {
  e.preventDefault();
  window.hostSubmits += 1;
});
