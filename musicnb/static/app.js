const K = __TOP_K__, MAX_MB = __MAX_MB__, MAX_MIN = __MAX_MIN__;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const SVG = 'http://www.w3.org/2000/svg';
const $ = s => document.querySelector(s);
const colours = {};
let current = null, searchSeq = 0, timer = null;

function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'data') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const c of kids) if (c != null) e.append(c);
  return e;
}
async function api(url, opts) {
  const r = await fetch(url, opts);
  let j = null; try { j = await r.json(); } catch (e) {}
  if (!r.ok) {
    let d = j && j.detail;
    if (Array.isArray(d)) d = d.map(x => x.msg).join('; ');
    throw new Error(d || `${r.status} ${r.statusText}`);
  }
  return j;
}
function say(msg, error = false) { const m = $('#message'); m.textContent = msg || ''; m.className = error ? 'error' : ''; }
const colour = label => colours[label] || '#8a8fa3';
const chip = label => label ? el('span', {class: 'chip', style: `--c:${colour(label)}`}, label) : el('span');
const player = url => el('audio', {controls: '', preload: 'none', src: url});
const gone = () => el('span', {class: 'muted gone'}, 'file deleted since it was embedded');
function fmt(d) { if (d == null) return ''; const s = Math.round(d); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; }

function songRow(s) {
  return el('li', {data: {id: s.id}, class: s.id === current ? 'current' : ''},
    el('button', {class: 'name', title: s.path, onclick: () => select(s.id)}, s.name),
    chip(s.label), el('span', {class: 'dur'}, fmt(s.duration)), s.gone ? gone() : player(s.url));
}
async function loadSongs() {
  const my = ++searchSeq;
  const p = new URLSearchParams({q: $('#q').value, label: $('#label').value, limit: 200});
  try {
    const j = await api('/api/songs?' + p);
    if (my !== searchSeq) return;                       // a newer search already answered
    $('#songs').replaceChildren(...j.songs.map(songRow));
    $('#count').textContent = j.total > j.songs.length ? `showing ${j.songs.length} of ${j.total} songs: refine the search`
                                                        : `${j.total} song${j.total === 1 ? '' : 's'}`;
  } catch (e) { say(e.message, true); }
}
function highlight() {
  document.querySelectorAll('#songs li').forEach(li => li.classList.toggle('current', +li.dataset.id === current));
  document.querySelectorAll('#map circle').forEach(c => c.classList.toggle('current', +c.dataset.id === current));
}
function showResults(title, sub, queryPlayer, results) {
  const recs = el('ol', {id: 'recs'}, ...results.map((r, i) => el('li', {data: {id: r.id}},
    el('span', {class: 'rank'}, `${i + 1}.`),
    el('button', {class: 'name', title: r.path, onclick: () => select(r.id)}, r.name), chip(r.label),
    el('span', {class: 'sim', title: 'cosine similarity'},
       el('span', {class: 'bar', style: `width:${Math.max(0, Math.min(1, r.similarity)) * 100}%`}), el('b', {}, r.similarity.toFixed(3))),
    player(r.url))));
  $('#selected').replaceChildren(el('h2', {}, title), el('div', {class: 'sub'}, ...sub), queryPlayer,
                                 el('h3', {}, `${results.length} most similar songs`), recs);
}
async function select(id) {
  try {
    const j = await api(`/api/recommend?song=${id}&k=${K}`);
    current = j.query.id;
    showResults(j.query.name, [chip(j.query.label), el('span', {class: 'muted'}, j.query.path)], j.query.gone ? gone() : player(j.query.url), j.results);
    highlight(); say('');
  } catch (e) { say(e.message, true); }
}
$('#upload').addEventListener('submit', async ev => {
  ev.preventDefault();
  const f = $('#upload input[type=file]').files[0];
  if (!f) return say('Choose an audio file first', true);
  if (f.size > MAX_MB * 1e6) return say(`${f.name} is larger than the limit of ${MAX_MB} MB`, true);
  const fd = new FormData(); fd.append('file', f); fd.append('k', K);
  say(`Embedding ${f.name}...`);
  try {
    const j = await api('/api/upload', {method: 'POST', body: fd});
    current = null;
    const heard = j.query.cut ? `your upload: its first ${MAX_MIN} minutes` : 'your upload';
    showResults(f.name, [el('span', {class: 'muted'}, heard)], el('audio', {controls: '', src: URL.createObjectURL(f)}), j.results);
    highlight(); say('');
  } catch (e) { say(e.message, true); }
});
async function drawMap() {
  const svg = $('#map'), W = 640, H = 250, pad = 10;
  svg.replaceChildren(el('text'));
  try {
    const j = await api('/api/map');
    const r = j.points.length > 2000 ? 2.5 : j.points.length > 300 ? 4 : 7;
    svg.replaceChildren(...j.points.map(p => {
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', (pad + p.x * (W - 2 * pad)).toFixed(1)); c.setAttribute('cy', (pad + (1 - p.y) * (H - 2 * pad)).toFixed(1));
      c.setAttribute('r', r); c.setAttribute('fill', colour(p.label)); c.dataset.id = p.id;
      const t = document.createElementNS(SVG, 'title'); t.textContent = p.label ? `${p.name} [${p.label}]` : p.name; c.append(t);
      c.addEventListener('click', () => select(p.id));
      return c;
    }));
    const used = [...new Set(j.points.map(p => p.label))].filter(l => l).sort();
    $('#legend').replaceChildren(...used.map(chip));
    if (j.points.length < j.total) $('#legend').append(el('span', {class: 'muted'}, `a sample of ${j.points.length} of ${j.total} songs`));
    highlight();
  } catch (e) { $('#legend').replaceChildren(el('span', {class: 'muted'}, `no map: ${e.message}`)); }
}
async function init() {
  const j = await api('/api/songs?limit=1');
  j.labels.forEach((l, i) => colours[l] = i < PALETTE.length ? PALETTE[i] : `hsl(${(i * 137.5) % 360} 55% 50%)`);
  $('#label').append(...j.labels.map(l => el('option', {value: l}, l)));
  $('#stats').textContent = `${j.count} songs` + (j.labels.length ? ` \u00b7 ${j.labels.length} labels` : '');
  await loadSongs();
  await drawMap();
}
$('#q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(loadSongs, 150); });
$('#label').addEventListener('change', loadSongs);
document.addEventListener('play', e => document.querySelectorAll('audio').forEach(a => { if (a !== e.target) a.pause(); }), true);
init().catch(e => say(e.message, true));
