// The script-mount side of docs/EMBEDDING.md: Pandu in this page's own DOM.
import { Pandu } from '../pandu-embed.js';

const panel = document.getElementById('panel');
const events = document.getElementById('events');
const toggle = document.getElementById('toggle');
window.panduEvents = [];

function onEvent(e) {
  window.panduEvents.push(e);
  const li = document.createElement('li');
  li.dataset.type = e.type;
  li.textContent = e.type === 'step-changed' ? `${e.type}: ${e.sop} / ${e.step}` : e.type;
  events.prepend(li);
}

function mount() {
  return Pandu.mount(panel, {
    origins: [location.origin],
    onEvent,
    context: { caller: { name: 'Budi Santoso', honorific: 'bapak', unit: 'DISTRIBUSI JAWA BARAT' }, cso: 'CSO-0042' },
    // ?mode=latihan&tanggal=YYYY-MM-DD: a training portal mounts Pandu as a trainer.
    mode: new URLSearchParams(location.search).get('mode') || undefined,
    tanggal: new URLSearchParams(location.search).get('tanggal') || undefined,
  });
}

let handle = mount();
window.panduHandle = () => handle;
document.getElementById('start').addEventListener('click', () => {
  handle?.send({ pandu: 1, type: 'start', sop: 'transfer-elektrinet' });
});
toggle.addEventListener('click', () => {
  if (handle) {
    handle.unmount();
    handle = null;
    toggle.textContent = 'Pasang Pandu';
  } else {
    handle = mount();
    toggle.textContent = 'Lepas Pandu';
  }
});
