const K = __TOP_K__, MAX_MB = __MAX_MB__, MAX_MIN = __MAX_MIN__;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const SVG = 'http://www.w3.org/2000/svg';
const $ = s => document.querySelector(s);
const colours = {};
let current = null, searchSeq = 0, timer = null;
let currentSong = null, playlistSongs = [], pathEnds = {from: null, to: null}, wave = null;

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
function resultRow(r, i) {
  const audio = player(r.url);
  const playFrom = () => { audio.preload = 'auto'; audio.currentTime = r.moment[0]; audio.play().catch(() => {}); };   // a pause may interrupt it
  return el('li', {data: {id: r.id}},
    el('span', {class: 'rank'}, `${i + 1}.`),
    el('button', {class: 'name', title: r.path, onclick: () => select(r.id)}, r.name), chip(r.label),
    el('span', {class: 'sim', title: 'cosine similarity'},
       el('span', {class: 'bar', style: `width:${Math.max(0, Math.min(1, r.similarity)) * 100}%`}), el('b', {}, r.similarity.toFixed(3))),
    audio,
    el('span', {}, el('button', {class: 'add', title: 'add to the playlist', onclick: () => addToPlaylist(r)}, '+'),
       r.moment ? el('button', {class: 'moment', title: 'play its best-matching moment', onclick: playFrom}, `\u25b6 ${r.moment[0].toFixed(1)} s`) : null));
}
function showList(heading, results) {
  $('#selected h3.results').textContent = heading;
  $('#recs').replaceChildren(...results.map(resultRow));
}
function showResults(title, sub, queryPlayer, results, tools = null) {
  $('#selected').replaceChildren(el('h2', {}, title), el('div', {class: 'sub'}, ...sub), queryPlayer, tools,
                                 el('h3', {class: 'results'}), el('ol', {id: 'recs'}));
  showList(`${results.length} most similar songs`, results);
}
function songTools(s) {
  const canvas = el('canvas', {id: 'wave', width: 600, height: 56, title: 'drag to pick a passage'});
  const start = el('input', {id: 'p-start', type: 'number', min: 0, step: 0.1, value: 0});
  const end = el('input', {id: 'p-end', type: 'number', min: 0, step: 0.1, value: s.duration ? Math.min(s.duration, 30).toFixed(1) : 10});
  [start, end].forEach(x => x.addEventListener('input', drawWave));
  let from = null;
  const seconds = ev => { const b = canvas.getBoundingClientRect(); return Math.max(0, Math.min(1, (ev.clientX - b.left) / b.width)) * (wave ? wave.duration : 0); };
  canvas.addEventListener('pointerdown', ev => { from = seconds(ev); canvas.setPointerCapture(ev.pointerId); });
  canvas.addEventListener('pointermove', ev => { if (from === null) return; const t = seconds(ev);
    start.value = Math.min(from, t).toFixed(1); end.value = Math.max(from, t).toFixed(1); drawWave(); });
  canvas.addEventListener('pointerup', () => { from = null; });
  return el('div', {class: 'tools-box'},
    el('div', {class: 'tools'},
      el('button', {id: 'add-current', onclick: () => addToPlaylist(s)}, '+ playlist'),
      el('button', {id: 'path-from', onclick: () => setEnd('from', s)}, 'path from here'),
      el('button', {id: 'path-to', onclick: () => setEnd('to', s)}, 'path to here')),
    el('div', {class: 'passage'}, canvas,
      el('div', {class: 'tools'}, el('span', {class: 'muted'}, 'passage'), start, el('span', {class: 'muted'}, 'to'), end, el('span', {class: 'muted'}, 's'),
         el('button', {id: 'passage-go', onclick: () => passage(s)}, 'Songs like this passage'))));
}
function drawWave() {
  const c = $('#wave'); if (!c || !wave) return;
  const g = c.getContext('2d'), W = c.width, H = c.height, n = wave.peaks.length;
  g.clearRect(0, 0, W, H);
  const a = +$('#p-start').value / wave.duration * W, b = +$('#p-end').value / wave.duration * W;
  g.fillStyle = '#dfe3fa'; g.fillRect(a, 0, Math.max(1, b - a), H);
  g.fillStyle = '#4756c9';
  wave.peaks.forEach(([lo, hi], i) => g.fillRect(i * W / n, H / 2 - hi * H / 2, Math.max(1, W / n), Math.max(1, (hi - lo) * H / 2)));
}
async function loadWave(id) {
  try { wave = null; const w = await api(`/api/waveform?song=${id}&points=600`);
        if (current === id && $('#wave')) { wave = w; $('#wave').dataset.duration = w.duration; drawWave(); } }
  catch (e) { say(e.message, true); }
}
async function passage(s) {
  const a = +$('#p-start').value, b = +$('#p-end').value;
  say(`Embedding the passage ${a}-${b} s...`);
  try {
    const j = await api(`/api/passage?song=${s.id}&start=${a}&end=${b}&k=${K}`);
    showList(`${j.results.length} songs like ${a}-${b} s, each with its best moment`, j.results); say('');
  } catch (e) { say(e.message, true); }
}
async function select(id) {
  try {
    const j = await api(`/api/recommend?song=${id}&k=${K}`);
    current = j.query.id; currentSong = j.query;
    showResults(j.query.name, [chip(j.query.label), el('span', {class: 'muted'}, j.query.path)], j.query.gone ? gone() : player(j.query.url), j.results, songTools(j.query));
    $('#pl-like').disabled = false;
    highlight(); say('');
    loadWave(j.query.id);
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
    current = null; currentSong = null; $('#pl-like').disabled = true;
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
function renderPlaylist(info = null) {
  $('#pl-list').replaceChildren(...playlistSongs.map((s, i) => el('li', {data: {id: s.id}},
    el('span', {class: 'rank'}, `${i + 1}.`),
    el('button', {class: 'name', title: s.path, onclick: () => select(s.id)}, s.name), chip(s.label),
    el('span', {class: 'dur'}, fmt(s.duration)),
    el('span', {class: 'ops'},
      el('button', {class: 'up', title: 'move up', onclick: () => move(i, -1)}, '\u2191'),
      el('button', {class: 'down', title: 'move down', onclick: () => move(i, 1)}, '\u2193'),
      el('button', {class: 'remove', title: 'remove', onclick: () => { playlistSongs.splice(i, 1); renderPlaylist(); }}, '\u2715')))));
  const ids = playlistSongs.map(s => s.id), total = playlistSongs.reduce((t, s) => t + (s.duration || 0), 0);
  const a = $('#pl-download');
  a.href = ids.length ? `/api/m3u8?ids=${ids.join(',')}` : '#'; a.classList.toggle('disabled', !ids.length);
  $('#playlist h3').textContent = `Playlist \u00b7 ${ids.length} song${ids.length === 1 ? '' : 's'}` + (ids.length ? ` \u00b7 ${fmt(total)}` : '');
  $('#pl-more').disabled = !ids.length;
  if (info !== null) $('#pl-info').textContent = info;
}
function move(i, d) {
  const j = i + d; if (j < 0 || j >= playlistSongs.length) return;
  [playlistSongs[i], playlistSongs[j]] = [playlistSongs[j], playlistSongs[i]]; renderPlaylist();
}
function addToPlaylist(s) {
  if (playlistSongs.some(x => x.id === s.id)) return say(`${s.name} is already in the playlist`);
  playlistSongs.push(s); renderPlaylist(''); say('');
}
function setEnd(which, s) {
  pathEnds[which] = s;
  const f = pathEnds.from, t = pathEnds.to;
  $('#pl-ends').textContent = `from ${f ? f.name : '?'} to ${t ? t.name : '?'}`;
  $('#pl-path').disabled = !(f && t && f.id !== t.id);
}
function rules() {
  const p = new URLSearchParams({n: $('#pl-n').value || 20, no_duplicates: $('#pl-nodup').checked});
  if (+$('#pl-album').value > 0) p.set('max_per_album', $('#pl-album').value);
  if (+$('#pl-artist').value > 0) p.set('max_per_artist', $('#pl-artist').value);
  return p;
}
const refusedText = r => Object.entries(r).filter(([k]) => k !== 'seed or chosen').map(([k, v]) => `${v} ${k}`).join(', ');
async function fillPlaylist(url, keep, what) {
  say(`Making ${what}...`);
  try {
    const j = await api(url);
    playlistSongs = keep.concat(j.results.filter(r => !keep.some(k => k.id === r.id)));
    const refused = refusedText(j.refused);
    renderPlaylist(`${what}: ${j.results.length} songs` + (refused ? ` (left out: ${refused})` : '')); say('');
  } catch (e) { say(e.message, true); }
}
$('#pl-like').addEventListener('click', () => { const p = rules(); p.set('seeds', current); p.set('mode', $('#pl-mode').value);
  fillPlaylist('/api/playlist?' + p, [], `songs like ${currentSong.name}`); });
$('#pl-more').addEventListener('click', () => { const p = rules(); p.set('seeds', playlistSongs.map(s => s.id).join(',')); p.set('mode', $('#pl-mode').value);
  fillPlaylist('/api/playlist?' + p, playlistSongs, 'more like the playlist'); });
$('#pl-path').addEventListener('click', () => { const p = rules(); p.set('from_song', pathEnds.from.id); p.set('to_song', pathEnds.to.id);
  fillPlaylist('/api/path?' + p, [], `a path from ${pathEnds.from.name} to ${pathEnds.to.name}`); });
$('#pl-clear').addEventListener('click', () => { playlistSongs = []; renderPlaylist(''); });
$('#dupes-find').addEventListener('click', async () => {
  say('Comparing the audio of the most similar songs...');
  try {
    const j = await api('/api/duplicates');
    const name = s => el('button', {class: 'name', title: s.path, onclick: () => select(s.id)}, s.name);
    $('#dupes-list').replaceChildren(...(j.pairs.length ? j.pairs.map(d => el('li', {},
      name(d.a), el('span', {class: 'muted'}, '='), name(d.b),
      el('span', {class: 'dur', title: 'cosine similarity, fingerprint bits that differ, where b starts in a'},
         `${d.similarity.toFixed(3)} \u00b7 ${(100 * d.ber).toFixed(1)}% \u00b7 ${d.offset_s.toFixed(1)} s`))) : [el('li', {class: 'muted'}, 'no duplicates found')]));
    say('');
  } catch (e) { say(e.message, true); }
});
async function init() {
  const j = await api('/api/songs?limit=1');
  j.labels.forEach((l, i) => colours[l] = i < PALETTE.length ? PALETTE[i] : `hsl(${(i * 137.5) % 360} 55% 50%)`);
  $('#label').append(...j.labels.map(l => el('option', {value: l}, l)));
  $('#stats').textContent = `${j.count} songs` + (j.labels.length ? ` \u00b7 ${j.labels.length} labels` : '');
  renderPlaylist('');
  await loadSongs();
  await drawMap();
}
$('#q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(loadSongs, 150); });
$('#label').addEventListener('change', loadSongs);
document.addEventListener('play', e => document.querySelectorAll('audio').forEach(a => { if (a !== e.target) a.pause(); }), true);
init().catch(e => say(e.message, true));
