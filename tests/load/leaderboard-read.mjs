// The leaderboard read on a big contest: the demo worker takes one attempt (so "me" has a rank to count), then reads
// the people's leaderboard (top 100 plus my rank) and the unions' (top 100 plus my union's) N times each, one at a time.
// Prints one JSON line: median, p90 and p99 in ms, the lines returned and the load average before and after.
// Usage: node leaderboard-read.mjs http://127.0.0.1:5099 <contestId> [reads=200]
import http from 'node:http';
import os from 'node:os';
import { client } from './http-client.mjs';

const [base = 'http://127.0.0.1:5099', contest, readsArg = '200'] = process.argv.slice(2);
if (!contest) throw new Error('usage: node leaderboard-read.mjs <base> <contestId> [reads]');
const reads = Number(readsArg);
const send = client(base, new http.Agent({ keepAlive: true, maxSockets: 1 }));
const load = () => os.loadavg().map(x => Math.round(x * 100) / 100);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10 : null; };

const login = await send('POST', '/api/auth/login', { userName: 'worker', password: process.env.FORMFLOW_DEMO_PASSWORD || 'demo' });
if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
const cookie = login.headers['set-cookie'].map(c => c.split(';')[0]).join('; ');
const started = await send('POST', `/api/contests/${contest}/attempts`, undefined, { cookie });
if (started.status === 201) await send('POST', `/api/attempts/${JSON.parse(started.text).id}/finish`, undefined, { cookie });

async function measure(path) {
  for (let i = 0; i < 5; i++) await send('GET', path, undefined, { cookie });      // warm-up
  const times = [];
  let body;
  for (let r = 0; r < reads; r++) {
    const t = performance.now();
    const res = await send('GET', path, undefined, { cookie });
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
    body = JSON.parse(res.text);
  }
  return { medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), p99Ms: quantile(times, 0.99), lines: body.lines.length, myRank: body.me?.rank ?? null };
}

const loadBefore = load();
const people = await measure(`/api/contests/${contest}/leaderboard?limit=100`);
const unions = await measure(`/api/contests/${contest}/leaderboard?by=unions&limit=100`);
console.log(JSON.stringify({ contest: Number(contest), reads, people, unions, loadBefore, loadAfter: load() }));
