'use strict';
// The ops dashboard: REST views for the current state, the live stream (SSE) for changes, no reloads.

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KINDS = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution',
  pickup: 'Pickup', callback: 'Callback' };
const ZONES = ['UTC', 'Europe/Riga', 'Europe/Athens', 'Europe/Sarajevo', 'Asia/Yerevan', 'Asia/Baku',
  'Europe/London', 'Europe/Berlin', 'America/New_York'];
const LIVE_TYPES = ['started', 'paused', 'resumed', 'warning', 'breached', 'met'];
const FULL_REFRESH_MS = 30000;

const $ = (id) => document.getElementById(id);
let serverOffset = 0; // the server's clock minus the browser's, so countdowns follow the server
let shown = { breaches: new Set(), 'at-risk': new Set() };
const timers = {};

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options,
    headers: { Accept: 'application/json', 'X-Requested-With': 'dashboard', ...(options.headers || {}) } });
  if (response.status === 401) {
    location.href = 'login.html';
    throw new Error('signed out');
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

function periodQuery(extra = {}) {
  const days = Number($('period').value);
  const from = new Date(Date.now() + serverOffset - days * 86400000).toISOString();
  return new URLSearchParams({ from, ...extra }).toString();
}

function debounce(name, ms, fn) {
  clearTimeout(timers[name]);
  timers[name] = setTimeout(() => fn().catch(console.error), ms);
}

// ---- live lists and tiles -------------------------------------------------------------------------

async function refreshLive() {
  const [summary, breaches, atRisk] = await Promise.all([api(`/api/sla/summary?${periodQuery()}`),
    api('/api/sla/breaches'), api('/api/sla/at-risk')]);
  renderTiles(summary);
  renderAlerts('breaches', breaches);
  renderAlerts('at-risk', atRisk);
}

function setTile(id, value, raw, hint) {
  const tile = $(id);
  const el = tile.querySelector('.value');
  el.textContent = value;
  el.dataset.value = raw == null ? '' : String(raw);
  if (hint != null) tile.querySelector('.hint').textContent = hint;
}

const fmt = (n, unit = '') => (n == null ? '–' : `${Number(n).toLocaleString('en', { maximumFractionDigits: 1 })}${unit}`);

function renderTiles(s) {
  setTile('tile-breaches', fmt(s.openBreaches), s.openBreaches);
  setTile('tile-at-risk', fmt(s.atRisk), s.atRisk);
  setTile('tile-compliance', fmt(s.compliancePercent, ' %'), s.compliancePercent, `${s.met} met · ${s.breached} breached`);
  setTile('tile-running', fmt(s.running), s.running, `${s.paused} paused (waiting on the customer)`);
  setTile('tile-pickup', s.pickupP50Seconds == null ? '–' : `${fmt(s.pickupP50Seconds)} / ${fmt(s.pickupP90Seconds)}`,
    s.pickupP50Seconds);
  setTile('tile-abandonment', fmt(s.abandonmentPercent, ' %'), s.abandonmentPercent, `of ${s.offered} live contacts`);
}

function cell(text, className, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  if (title) td.title = title;
  return td;
}

function renderAlerts(list, alerts) {
  const body = $(list);
  const before = shown[list];
  body.replaceChildren(...alerts.map((a) => {
    const tr = document.createElement('tr');
    tr.id = `${list}-${a.clockId}`;
    tr.dataset.ticketId = a.ticketId;
    tr.dataset.clockId = a.clockId;
    tr.className = a.lastStage >= 100 ? 'breached' : `stage-${a.lastStage}`;
    if (before.size && !before.has(a.clockId)) tr.classList.add('fresh');
    const kind = document.createElement('td');
    const pill = document.createElement('span');
    pill.className = 'pill';
    pill.textContent = KINDS[a.kind] || a.kind;
    kind.append(pill);
    const countdown = cell('', 'num countdown');
    countdown.dataset.deadline = a.deadline;
    tr.append(cell(a.ticketId.slice(0, 8), 'ticket', a.ticketId), kind, cell(a.channel || '—'),
      cell(a.agentName || a.agentId || 'unassigned', a.agentId ? '' : 'muted'), countdown);
    return tr;
  }));
  shown[list] = new Set(alerts.map((a) => a.clockId));
  $(`${list}-count`).textContent = alerts.length;
  $(`${list}-empty`).hidden = alerts.length > 0;
  tick();
}

function duration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

function tick() {
  const now = Date.now() + serverOffset;
  document.querySelectorAll('.countdown[data-deadline]').forEach((el) => {
    const left = Date.parse(el.dataset.deadline) - now;
    el.textContent = el.closest('tr').classList.contains('breached') ? duration(left) : left > 0 ? duration(left) : 'due';
  });
}

// ---- reports ----------------------------------------------------------------------------------------

async function refreshReports() {
  const zone = $('zone').value;
  const [compliance, pickup, volume] = await Promise.all([
    api(`/api/sla/compliance?${periodQuery({ by: $('compliance-by').value })}`),
    api(`/api/sla/pickup?${periodQuery()}`), api(`/api/sla/volume?${periodQuery({ zone })}`)]);
  renderCompliance(compliance);
  renderPickup(pickup);
  renderHeatmap(volume);
}

function renderCompliance(rows) {
  $('compliance').replaceChildren(...rows.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.group = c.group;
    const td = document.createElement('td');
    td.className = 'compliance';
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.style.width = `${c.compliancePercent || 0}%`;
    bar.append(fill);
    const pct = document.createElement('span');
    pct.className = 'pct';
    pct.textContent = fmt(c.compliancePercent, ' %');
    td.append(bar, pct);
    tr.append(cell(c.name ? `${c.name}` : c.group, '', c.group), cell(c.met, 'num'), cell(c.breached, 'num'), td);
    return tr;
  }));
  $('compliance-empty').hidden = rows.length > 0;
}

function renderPickup(rows) {
  $('pickup').replaceChildren(...rows.map((p) => {
    const tr = document.createElement('tr');
    tr.dataset.channel = p.channel;
    tr.append(cell(p.channel), cell(p.offered, 'num'), cell(fmt(p.p50Seconds), 'num'), cell(fmt(p.p90Seconds), 'num'),
      cell(fmt(p.abandonmentPercent, ' %'), 'num'));
    return tr;
  }));
  $('pickup-empty').hidden = rows.length > 0;
}

function renderHeatmap(volume) {
  const grid = $('heatmap');
  const items = [document.createElement('div')];
  for (let hour = 0; hour < 24; hour++) {
    const label = document.createElement('div');
    label.className = 'hour';
    label.textContent = String(hour).padStart(2, '0');
    items.push(label);
  }
  volume.cells.forEach((c) => {
    if (c.hour === 0) {
      const day = document.createElement('div');
      day.className = 'day';
      day.textContent = DAYS[c.day - 1];
      items.push(day);
    }
    const el = document.createElement('div');
    el.id = `hm-${c.day}-${c.hour}`;
    el.className = 'cell';
    el.dataset.total = c.total;
    const level = volume.peak ? 0.08 + 0.87 * (c.total / volume.peak) : 0;
    el.style.setProperty('--level', level.toFixed(3));
    if (c.total === 0) el.classList.add('zero');
    if (level > 0.55) el.classList.add('dark');
    el.textContent = c.total;
    const perWeek = volume.weeks ? (c.total / volume.weeks).toFixed(1) : c.total;
    el.title = `${DAYS[c.day - 1]} ${String(c.hour).padStart(2, '0')}:00 · ${c.tickets} tickets, ${c.contacts} live contacts`
      + ` (${perWeek} a week)`;
    items.push(el);
  });
  grid.replaceChildren(...items);
  $('heatmap-total').textContent = `· ${volume.tickets} tickets, ${volume.contacts} live contacts in ${volume.zone}`;
}

// ---- the live stream --------------------------------------------------------------------------------

function setLive(on, text) {
  const status = $('live-status');
  status.className = `live ${on ? 'on' : 'off'}`;
  status.textContent = text || (on ? 'Live' : 'Reconnecting…');
}

function addToFeed(type, e) {
  const li = document.createElement('li');
  li.dataset.type = type;
  li.dataset.ticketId = e.ticketId;
  const time = document.createElement('time');
  time.textContent = new Date(e.at || Date.now()).toLocaleTimeString('en-GB');
  const tag = document.createElement('span');
  tag.className = `tag ${type}`;
  tag.textContent = type === 'warning' ? `${e.stagePercent} %` : type;
  const text = document.createElement('span');
  text.textContent = `${KINDS[e.kind] || e.kind} · ticket ${e.ticketId.slice(0, 8)} · ${e.channel || 'no channel'} · policy ${e.policy}`;
  li.append(time, tag, text);
  const feed = $('feed');
  feed.prepend(li);
  $('feed-empty').hidden = true;
  while (feed.children.length > 50) feed.lastChild.remove();
}

function toast(text) {
  const el = document.createElement('div');
  el.className = 'toast';
  el.textContent = text;
  $('toasts').append(el);
  setTimeout(() => el.remove(), 6000);
}

function connect() {
  const stream = new EventSource('/api/sla/stream');
  stream.addEventListener('ready', (m) => {
    serverOffset = Date.parse(JSON.parse(m.data).serverTime) - Date.now();
    setLive(true);
    debounce('live', 0, refreshLive); // whatever happened while disconnected
    debounce('reports', 0, refreshReports);
  });
  LIVE_TYPES.forEach((type) => stream.addEventListener(type, (m) => {
    const e = JSON.parse(m.data);
    addToFeed(type, e);
    if (type === 'breached') toast(`Breach: ${KINDS[e.kind] || e.kind} on ticket ${e.ticketId.slice(0, 8)}`);
    debounce('live', 250, refreshLive);
    debounce('reports', 3000, refreshReports);
  }));
  stream.onerror = () => {
    setLive(false);
    if (stream.readyState === EventSource.CLOSED) {
      // Refused (signed out, or the server restarted): check the session, then open a new stream.
      api('/api/sla/session').then(() => setTimeout(connect, 3000)).catch(() => {});
    }
  };
}

async function start() {
  const session = await api('/api/sla/session');
  $('user').textContent = session.user;
  const zones = $('zone');
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  [...new Set([localStorage.getItem('sla.zone') || local, local, ...ZONES])].forEach((z) => zones.add(new Option(z, z)));
  zones.addEventListener('change', () => { localStorage.setItem('sla.zone', zones.value); refreshReports(); });
  $('period').addEventListener('change', () => {
    document.querySelectorAll('.period-label').forEach((l) => { l.textContent = `· ${$('period').selectedOptions[0].text.toLowerCase()}`; });
    refreshLive();
    refreshReports();
  });
  $('compliance-by').addEventListener('change', () => refreshReports());
  $('refresh').addEventListener('click', () => { refreshLive(); refreshReports(); });
  $('sign-out').addEventListener('click', async () => {
    await api('/api/sla/session/logout', { method: 'POST' }).catch(() => {});
    location.href = 'login.html';
  });
  await Promise.all([refreshLive(), refreshReports()]);
  connect();
  setInterval(tick, 1000);
  // Clocks can stop without an event (a reply after the breach, a solved ticket): reload the views now and then.
  setInterval(() => { refreshLive().catch(console.error); refreshReports().catch(console.error); }, FULL_REFRESH_MS);
}

start().catch((e) => { console.error(e); setLive(false, 'Offline'); });
