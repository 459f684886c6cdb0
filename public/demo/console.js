// The mock console: the host side of docs/EMBEDDING.md, in plain JS.
// ?widget=<address of Pandu's index.html> puts the widget on another origin;
// ?sops=<address> is handed to the widget as its SOP pack.
const params = new URLSearchParams(location.search);
const widget = new URL(params.get('widget') || '../index.html', location.href);
const widgetOrigin = widget.origin;
widget.searchParams.set('embed', '1');
// ?origins= overrides what the widget is told to allow (the foreign-origin test uses it).
widget.searchParams.set('origins', params.get('origins') || location.origin);
if (params.get('sops')) widget.searchParams.set('sops', params.get('sops'));
// ?mode=latihan: the training portal's view of the same widget.
if (params.get('mode')) widget.searchParams.set('mode', params.get('mode'));

const frame = document.getElementById('pandu');
const events = document.getElementById('events');
const sopSelect = document.getElementById('sop');
const paste = document.getElementById('paste');
let lastTicket = null;

// Every event, for people (the list) and for tests (window.panduEvents).
window.panduEvents = [];

function send(message) {
  frame.contentWindow.postMessage({ pandu: 1, ...message }, widgetOrigin);
}

function describe(e) {
  switch (e.type) {
    case 'ready': return `siap: ${e.sops.length} SOP`;
    case 'step-changed': return `langkah: ${e.sop} / ${e.step}${e.clause ? ` (${e.clause})` : ''}`;
    case 'transfer-requested': return `transfer: ${e.destination} ${e.number}`;
    case 'escalation': return `eskalasi: ${e.channel}${e.level ? ` ${e.level}` : ''}: ${e.reason}`;
    case 'ticket-ready': return `tiket siap: ${e.tickets.map((t) => t.system.toUpperCase()).join(', ')}`;
    case 'call-ended': return `panggilan selesai: ${e.sop}`;
    case 'error': return `galat: ${e.message}`;
    case 'training-result': return `hasil latihan: ${e.score.percent}% (${e.score.drill})`;
    default: return e.type;
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) return;
  const e = event.data;
  if (!e || e.pandu !== 1) return;
  window.panduEvents.push(e);
  const li = document.createElement('li');
  li.dataset.type = e.type;
  li.textContent = describe(e);
  events.prepend(li);
  if (e.type === 'ready') {
    sopSelect.replaceChildren(...e.sops.map((id) => new Option(id, id)));
  }
  if (e.type === 'ticket-ready') {
    lastTicket = e;
    paste.disabled = false;
  }
});

document.getElementById('context').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(event.target));
  const { cso, ...caller } = data;
  send({ type: 'context', caller, cso });
});
document.getElementById('start').addEventListener('click', () => {
  send({ type: 'start', sop: sopSelect.value });
});
document.getElementById('reset').addEventListener('click', () => send({ type: 'reset' }));

// "Paste": the APKT ticket's fields into the form, the whole text below.
paste.addEventListener('click', () => {
  const form = document.getElementById('apkt');
  form.replaceChildren();
  const apkt = lastTicket.tickets.find((t) => t.system === 'apkt') || lastTicket.tickets[0];
  for (const [name, value] of apkt ? apkt.fields : []) {
    const label = document.createElement('label');
    label.textContent = name;
    const input = document.createElement(value.length > 80 ? 'textarea' : 'input');
    input.value = value;
    input.dataset.field = name;
    label.append(input);
    form.append(label);
  }
  document.getElementById('apkt-text').value = lastTicket.text;
  document.getElementById('paste-status').textContent = apkt
    ? `Tiket ${apkt.system.toUpperCase()} ditempel.`
    : 'Panggilan ini tidak menghasilkan tiket.';
});

frame.src = widget.href;
