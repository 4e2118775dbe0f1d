// The virtual phone page: plain HTML and a little JS, no build step, no external assets. Message
// text is only ever set through textContent, so a body cannot inject markup.
const SCRIPT = `
const form = document.getElementById('send');
const phone = document.getElementById('phone');
const number = document.getElementById('number');
const body = document.getElementById('body');
const list = document.getElementById('conversation');
const status = document.getElementById('status');

async function loadNumbers() {
  const res = await fetch('/sandbox/phone/numbers');
  const { numbers } = await res.json();
  const current = number.value;
  number.replaceChildren(...numbers.map((n) => {
    const option = document.createElement('option');
    option.value = n.phoneNumber;
    option.textContent = n.friendlyName === n.phoneNumber ? n.phoneNumber : n.phoneNumber + ' (' + n.friendlyName + ')';
    return option;
  }));
  if (current) number.value = current;
  if (numbers.length === 0) status.textContent = 'No sandbox number yet: buy one through the REST API.';
}

let lastShown = '';
async function refresh() {
  if (!phone.value || !number.value) return;
  const query = new URLSearchParams({ phone: phone.value, number: number.value });
  const res = await fetch('/sandbox/phone/messages?' + query);
  if (!res.ok) return;
  const { messages } = await res.json();
  const key = JSON.stringify(messages);
  if (key === lastShown) return;
  lastShown = key;
  list.replaceChildren(...messages.map((m) => {
    const item = document.createElement('li');
    item.className = m.direction === 'inbound' ? 'me' : 'them';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = (m.direction === 'inbound' ? 'You' : m.from) + ' · ' + new Date(m.date).toLocaleTimeString();
    const text = document.createElement('p');
    text.textContent = m.body;
    item.append(who, text);
    if (m.webhook && m.webhook.status !== 'delivered') {
      const note = document.createElement('span');
      note.className = 'who';
      note.textContent = 'webhook: ' + m.webhook.status + (m.webhook.httpStatus ? ' (HTTP ' + m.webhook.httpStatus + ')' : '');
      item.append(note);
    }
    return item;
  }));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'Sending…';
  const res = await fetch('/sandbox/inbound', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: phone.value.trim(), to: number.value, body: body.value }),
  });
  if (res.ok) {
    body.value = '';
    status.textContent = 'Sent.';
  } else {
    const err = await res.json().catch(() => ({}));
    status.textContent = 'Not sent: ' + Object.entries(err.fields || {}).map(([k, v]) => k + ' ' + v).join('; ');
  }
  body.focus();
  void refresh();
});
body.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
});
phone.addEventListener('change', () => { lastShown = ''; void refresh(); });
number.addEventListener('change', () => { lastShown = ''; void refresh(); });

void loadNumbers().then(refresh);
setInterval(() => { void refresh(); }, 1000);
setInterval(() => { void loadNumbers(); }, 10000);
`;

const STYLE = `
body { font: 16px/1.4 system-ui, sans-serif; max-width: 36rem; margin: 1rem auto; padding: 0 1rem; color: #111; }
label { display: block; font-weight: 600; margin-top: .75rem; }
input, select, textarea, button { font: inherit; padding: .4rem; width: 100%; box-sizing: border-box; }
button { margin-top: .75rem; background: #0b5394; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
:focus-visible { outline: 3px solid #f4a100; outline-offset: 2px; }
ol { list-style: none; padding: 0; }
li { margin: .5rem 0; padding: .5rem .75rem; border-radius: .6rem; max-width: 80%; }
li.me { background: #0b5394; color: #fff; margin-left: auto; }
li.them { background: #e6e6e6; }
li p { margin: .2rem 0 0; white-space: pre-wrap; }
.who { font-size: .8rem; opacity: .85; display: block; }
`;

/** The HTML of GET /sandbox/phone. */
export function virtualPhonePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Twilio sandbox – virtual phone</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Virtual phone</h1>
<p>Text a sandbox number from any phone number; the product's webhook answers here.</p>
<form id="send">
<label for="phone">Your phone number</label>
<input id="phone" name="phone" type="tel" value="+33612345678" autocomplete="off" required>
<label for="number">Sandbox number</label>
<select id="number" name="number" required></select>
<label for="body">Message</label>
<textarea id="body" name="body" rows="3" maxlength="1600" required></textarea>
<button type="submit">Send</button>
<p id="status" role="status" aria-live="polite"></p>
</form>
<h2 id="conversation-title">Conversation</h2>
<ol id="conversation" aria-labelledby="conversation-title" aria-live="polite"></ol>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
