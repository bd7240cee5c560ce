// Contest rush: P participants start one contest attempt each within a start window (participant i not before
// i × window / P after the rush begins, at most C requests in flight), each answers every question and hands in; then
// the leaderboard is read repeatedly. Against a running demo server (tests/load/contest-rush.sh).
// Usage: node contest-rush.mjs http://127.0.0.1:5099 [participants=5000] [concurrency=100] [leaderboardReads=200] [startWindowSeconds=60]
// Set-up (not measured): the city designer creates a contest on the demo bank (20 questions, 30 minutes, one attempt),
// the district admin creates P worker accounts spread over 东城区's grassroots unions and each signs in. Measured: the
// answers (answers/s over the rush, median and p99 latency of one answer), the starts and hand-ins (p99), and the
// leaderboard reads (people and unions, median and p99). Prints one JSON line.
import http from 'node:http';
import os from 'node:os';
import { client } from './http-client.mjs';

const [base = 'http://127.0.0.1:5099', pArg = '5000', cArg = '100', readsArg = '200', windowArg = '60'] = process.argv.slice(2);
const participants = Number(pArg), concurrency = Number(cArg), reads = Number(readsArg), startWindowMs = Number(windowArg) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const password = process.env.FORMFLOW_DEMO_PASSWORD || 'demo';

const send = client(base, agent);
const request = (method, path, body, cookie) => send(method, path, body, cookie ? { cookie } : {});
const json = res => JSON.parse(res.text);
async function signIn(userName, secret = password) {
  const res = await request('POST', '/api/auth/login', { userName, password: secret });
  if (res.status !== 200) throw new Error(`login ${userName}: ${res.status} ${res.text}`);
  return res.headers['set-cookie'].map(c => c.split(';')[0]).join('; ');
}
async function pool(count, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => { while (next < count) await work(next++); }));
}
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10 : null; };

// Set-up: the contest, the keys, the participants.
const designer = await signIn('designer');
const admin = await signIn('district-admin');
const bank = json(await request('GET', '/api/question-banks', undefined, designer)).find(b => b.name === '职工安全生产与劳动合同法题库');
if (!bank) throw new Error('the demo question bank is missing: run the server in demo mode');
const keys = new Map(json(await request('GET', `/api/question-banks/${bank.id}/questions`, undefined, designer)).map(q => [q.id, q]));
const city = json(await request('GET', '/api/orgs', undefined, designer))[0].id;
const now = Date.now();
const created = await request('POST', '/api/contests', {
  orgUnitId: city, title: `压测竞赛${now}`, questions: 20, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 6 * 3600_000).toISOString(),
  durationSeconds: 1800, attemptsAllowed: 1, placePoints: [],
}, designer);
if (created.status !== 201) throw new Error(`contest: ${created.status} ${created.text}`);
const contest = json(created).id;
const unions = [];
const walk = nodes => { for (const n of nodes) { if (n.level === 'grassroots') unions.push(n.id); walk(n.children ?? []); } };
walk(json(await request('GET', '/api/orgs', undefined, admin)));
const run = now.toString(36), secret = 'Load-test-password-1';
const cookies = new Array(participants);
await pool(participants, async i => {
  const userName = `rush-${run}-${i}`;
  const made = await request('POST', '/api/accounts', { userName, displayName: `竞赛职工${i}`, password: secret, roles: [{ role: 'worker', orgUnitId: unions[i % unions.length] }] }, admin);
  if (made.status !== 201) throw new Error(`create ${userName}: ${made.status} ${made.text.slice(0, 300)}`);
  cookies[i] = await signIn(userName, secret);
});

// The rush.
const starts = [], answers = [], finishes = [];
let failures = 0;
const timed = async (list, call) => { const t = performance.now(); const res = await call(); list.push(performance.now() - t); return res; };
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const load = () => os.loadavg().map(x => Math.round(x * 100) / 100);
const loadBefore = load();
let firstStart = Infinity, lastStart = 0;
const rushStart = performance.now();
await pool(participants, async i => {
  const due = rushStart + i * startWindowMs / participants;
  if (performance.now() < due) await sleep(due - performance.now());
  const at = performance.now() - rushStart;
  firstStart = Math.min(firstStart, at); lastStart = Math.max(lastStart, at);
  const started = await timed(starts, () => request('POST', `/api/contests/${contest}/attempts`, undefined, cookies[i]));
  if (started.status !== 201) { failures++; return; }
  const attempt = json(started);
  for (const [n, q] of attempt.questions.entries()) {
    const key = keys.get(q.id).answer;
    // Right for about three answers in four, so scores spread and the leaderboard has ties and gaps.
    const right = (i + n) % 4 !== 0;
    const given = q.type === 'fillIn' ? (right ? key[0] : '不知道') : right ? key
      : q.type === 'multiple' ? [q.options.find(o => !key.includes(o.value)).value] : q.type === 'trueFalse' ? (key === 'true' ? 'false' : 'true')
      : q.options.find(o => o.value !== key).value;
    const res = await timed(answers, () => request('POST', `/api/attempts/${attempt.id}/answers`, { questionId: q.id, answer: given }, cookies[i]));
    if (res.status !== 200) failures++;
  }
  const done = await timed(finishes, () => request('POST', `/api/attempts/${attempt.id}/finish`, undefined, cookies[i]));
  if (done.status !== 200) failures++;
});
const rushSeconds = (performance.now() - rushStart) / 1000;
const loadAfterRush = load();

// The leaderboard, read by participants.
const boardPeople = [], boardUnions = [];
for (let r = 0; r < reads; r++) {
  await timed(boardPeople, () => request('GET', `/api/contests/${contest}/leaderboard?limit=100`, undefined, cookies[r % participants]));
  await timed(boardUnions, () => request('GET', `/api/contests/${contest}/leaderboard?by=unions&limit=100`, undefined, cookies[r % participants]));
}

console.log(JSON.stringify({
  contest, participants, concurrency, rushSeconds: Math.round(rushSeconds * 10) / 10,
  startsWithinSeconds: Math.round((lastStart - firstStart) / 100) / 10, answers: answers.length, loadBefore, loadAfterRush,
  answersPerSecond: Math.round(answers.length / rushSeconds), answerMedianMs: quantile(answers, 0.5), answerP99Ms: quantile(answers, 0.99),
  startP99Ms: quantile(starts, 0.99), finishP99Ms: quantile(finishes, 0.99), failures,
  leaderboardPeopleMedianMs: quantile(boardPeople, 0.5), leaderboardPeopleP90Ms: quantile(boardPeople, 0.9), leaderboardPeopleP99Ms: quantile(boardPeople, 0.99),
  leaderboardUnionsMedianMs: quantile(boardUnions, 0.5), leaderboardUnionsP90Ms: quantile(boardUnions, 0.9), leaderboardUnionsP99Ms: quantile(boardUnions, 0.99),
  loadAfterReads: load(),
}));
