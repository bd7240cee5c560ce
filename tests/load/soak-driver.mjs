// Fault soak: a mixed workload from the demo accounts against one FormFlow server (two on PostgreSQL, on one
// database), while the server is SIGKILLed at random moments and restarted, the database is stopped and started once
// (PostgreSQL), and the data folder's disk is filled to the brim once. Afterwards it reads the database and checks
// that every acknowledged write is there exactly once, no workflow step ran twice and no task lost its timer, and
// prints one JSON summary. Started by soak.sh, which builds the server and prepares the data folder, the size-limited
// mount and (PostgreSQL) the cluster; the settings come from its environment (FORMFLOW_SOAK_*; see soak.sh).
// Exit 1 on a loss, a duplicate, a 500, or any 5xx outside an outage window.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

const env = process.env;
const minutes = Number(env.FORMFLOW_SOAK_MINUTES || 10);
const provider = env.FORMFLOW_SOAK_PROVIDER || 'sqlite';
const connection = env.FORMFLOW_SOAK_CONNECTION || '';
const serverDll = env.FORMFLOW_SOAK_SERVER_DLL;
const dataFolder = env.FORMFLOW_SOAK_DATA;           // on the size-limited file system
const templates = env.FORMFLOW_SOAK_TEMPLATES;
const logFolder = env.FORMFLOW_SOAK_LOGS;
const ports = (env.FORMFLOW_SOAK_PORTS || '5301').split(',').map(Number);
const pgData = env.FORMFLOW_SOAK_PGDATA || '';         // the cluster soak.sh started: stopped and started once
const pgCtl = env.FORMFLOW_SOAK_PGCTL || '/usr/lib/postgresql/15/bin/pg_ctl';
const password = env.FORMFLOW_DEMO_PASSWORD || 'demo';
const duration = minutes * 60_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const random = (lo, hi) => lo + Math.random() * (hi - lo);
const log = (...parts) => console.error(`[soak ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);
const t0 = Date.now();
const runEnd = t0 + duration;
let stopping = false;       // the workload stops sending new work
let hardStop = runEnd + 120_000; // a request still retried after this is given up

// ---------------------------------------------------------------------------------------------------- servers
const servers = ports.map((port, index) => ({ index, port, proc: null, starts: 0 }));
function startServer(server) {
  const out = fs.openSync(path.join(logFolder, `server-${server.index}.log`), 'a');
  const args = [serverDll, '--urls', `http://127.0.0.1:${server.port}`, `--FormFlow:DataFolder=${dataFolder}`,
    `--FormFlow:ModuleTemplates=${templates}`, '--RateLimits:SubmissionPermits=100000000', '--RateLimits:LoginPermits=100000000',
    `--Database:Provider=${provider}`, '--Logging:LogLevel:Default=Warning'];
  if (connection) args.push(`--Database:ConnectionString=${connection}`);
  server.proc = spawn('dotnet', args, { stdio: ['ignore', out, out], detached: false });
  server.starts++;
  fs.closeSync(out);
}
async function healthy(server, within = 180_000) {
  const until = Date.now() + within;
  while (Date.now() < until) {
    try { if ((await send(server, 'GET', '/health', undefined, {}, 2000)).status === 200) return true; } catch { /* not up yet */ }
    await sleep(250);
  }
  return false;
}
function kill(server) {
  const proc = server.proc; server.proc = null;
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  return new Promise(resolve => (proc && proc.exitCode === null ? proc.once('exit', resolve) : resolve()));
}

// ---------------------------------------------------------------------------------------------------- requests
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const fiveHundreds = [];   // every 5xx: {status, at, method, path, retryAfter, server}
const counts = { requests: 0, networkErrors: 0, retried: 0, givenUp: 0, byStatus: {} };
function send(server, method, urlPath, body, headers, timeout = 30_000) {
  return new Promise((resolve, reject) => {
    const isBuffer = Buffer.isBuffer(body);
    const data = body === undefined ? undefined : isBuffer ? body : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port: server.port, path: urlPath, method, agent,
      headers: { ...(data && !isBuffer ? { 'content-type': 'application/json' } : {}), ...(data ? { 'content-length': data.length } : {}), ...headers } }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(timeout, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}
let turn = 0;
/**
 * One request, retried (same body and headers, so the same Idempotency-Key) over every configured server until an
 * answer that is not a 5xx, a 429 or a network error; null when the run's hard stop passes first. A 5xx is recorded.
 */
async function call(method, urlPath, { body, headers = {}, cookie, make } = {}) {
  for (let attempt = 0; ; attempt++) {
    if (Date.now() > hardStop) { counts.givenUp++; return null; }
    if (attempt > 0) counts.retried++;
    const server = servers[turn++ % servers.length];
    let res;
    try {
      counts.requests++;
      const content = make ? make() : { body };
      res = await send(server, method, urlPath, content.body, { ...(content.headers ?? {}), ...headers, ...(cookie ? { cookie: cookie.value } : {}) });
    } catch {
      counts.networkErrors++;
      await sleep(random(200, 600));
      continue;
    }
    counts.byStatus[res.status] = (counts.byStatus[res.status] || 0) + 1;
    if (res.status >= 500) {
      fiveHundreds.push({ status: res.status, at: Date.now(), method, path: urlPath, retryAfter: res.headers['retry-after'] ?? null,
        server: server.index, detail: res.text.slice(0, 300) });
      await sleep(Math.min(2000, 1000 * Number(res.headers['retry-after'] || 0.5)));
      continue;
    }
    if (res.status === 429) { await sleep(1000); continue; }
    if (res.status === 401 && cookie && !urlPath.startsWith('/api/auth/')) { await signIn(cookie); continue; }
    return res;
  }
}
const json = res => JSON.parse(res.text);

/** A signed-in account: `value` is its Cookie header, refreshed when the server asks for a new sign-in. */
async function signIn(cookie) {
  for (;;) {
    const res = await call('POST', '/api/auth/login', { body: { userName: cookie.userName, password: cookie.password } });
    if (res === null) throw new Error('stopped');
    if (res.status === 200) {
      cookie.value = res.headers['set-cookie'].map(c => c.split(';')[0]).join('; ');
      cookie.id = json(res).id;
      return cookie;
    }
    throw new Error(`sign-in ${cookie.userName}: ${res.status} ${res.text.slice(0, 200)}`);
  }
}
const account = (userName, secret = password) => signIn({ userName, password: secret, value: '' });

// ---------------------------------------------------------------------------------------------------- acknowledged writes
const acknowledged = { cases: [], completions: [], redemptions: [], answers: [], accounts: [] };
const tally = { refusedAfterLostAnswer: 0, quotaExhausted: 0, noCardYet: 0, unexpected: [] };
function unexpected(what, res) { if (tally.unexpected.length < 30) tally.unexpected.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`); }
let keySequence = 0;
const newKey = prefix => `soak-${prefix}-${t0.toString(36)}-${++keySequence}`;
const acks = []; // times of acknowledged writes, for recovery times
const acked = () => acks.push(Date.now());

const png = Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);
function multipart(name) {
  const boundary = `----soak${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let services = {};
async function loadServices(cookie) {
  const res = await call('GET', '/api/services', { cookie });
  services = Object.fromEntries(json(res).map(s => [s.moduleKey, s.id]));
}

async function submitCase(cookie, moduleKey, data) {
  const key = newKey(moduleKey);
  const res = await call('POST', `/api/services/${services[moduleKey]}/cases`, { body: { data }, headers: { 'Idempotency-Key': key }, cookie });
  if (res === null) return null;
  if (res.status === 201) {
    const id = json(res).id;
    acknowledged.cases.push({ accountId: cookie.id, key, caseId: id, moduleKey }); acked();
    return id;
  }
  unexpected(`case ${moduleKey}`, res);
  return null;
}

async function legalConsultation(cookie) {
  const category = ['wages', 'contract', 'insurance', 'other'][Math.floor(Math.random() * 4)];
  return submitCase(cookie, 'legal-consultation', {
    category, ...(category === 'wages' ? { amountOwed: 3200.5 } : {}), employerName: '华兴电子有限公司',
    details: `公司拖欠工资三个月，要求支付拖欠的全部工资和经济补偿金。编号${keySequence}`, contactName: '李先生', contactMobile: '13800138000',
  });
}

/** A member-to-be: created by the district admin, signs in, answers the survey and the vote, and applies to join. */
const pool = [];          // workers that applied to join: {cookie, caseId}
let admin, demoWorker, workerOrg;
async function newcomer(n) {
  const userName = `soak-${t0.toString(36)}-${n}`, secret = 'Soak-test-password-1';
  const created = await call('POST', '/api/accounts', { body: { userName, displayName: `压测职工${n}`, password: secret, roles: [{ role: 'worker', orgUnitId: workerOrg }] }, cookie: admin });
  if (created === null) return;
  if (created.status === 409) tally.refusedAfterLostAnswer++; // the first try was stored, its answer lost in a kill
  else if (created.status !== 201) { unexpected('account', created); return; }
  const cookie = await account(userName, secret);
  acknowledged.accounts.push(cookie.id);
  for (const [moduleKey, data] of [['survey', surveyAnswer()], ['vote', ballot()]]) {
    const res = await call('POST', `/api/services/${services[moduleKey]}/responses`, { body: { data }, cookie });
    if (res === null) return;
    if (res.status === 201) { acknowledged.answers.push({ accountId: cookie.id, moduleKey }); acked(); }
    else if (res.status === 409) tally.refusedAfterLostAnswer++;
    else unexpected(`answer ${moduleKey}`, res);
  }
  const upload = await call('POST', '/api/files', { make: () => multipart('签名.png'), cookie });
  if (upload === null) return;
  if (upload.status !== 201) { unexpected('upload', upload); return; }
  acked();
  const caseId = await submitCase(cookie, 'join', {
    name: '李晓红', residentId: '11010519491231002X', mobile: '13800138000', region: '110105', employer: '华兴电子有限公司',
    employmentType: 'fullTime', consent: true, signature: json(upload),
  });
  if (caseId !== null) pool.push({ cookie, caseId, exhausted: new Set() });
}
const surveyAnswer = () => ({ needs: ['training', 'health'], jobType: 'production', satisfaction: 1 + Math.floor(Math.random() * 5), overtimeHours: 12, joinedActivity: true, suggestion: '希望增加夜班职工的健康体检' });
const ballot = () => ({ candidates: [['wangmin'], ['lijun'], ['zhaoli', 'chenhao'], ['wangmin', 'lijun']][Math.floor(Math.random() * 4)] });

/** Completes every open task in the handler's inbox with the outcome (and data) given. */
async function handleInbox(cookie, outcome, data) {
  const inbox = await call('GET', '/api/tasks', { cookie });
  if (inbox === null || inbox.status !== 200) return 0;
  let done = 0;
  for (const task of json(inbox).slice(0, 20)) {
    if (stopping) break;
    if (!task.outcomes?.includes?.(outcome) && task.outcomes && !task.outcomes.some?.(o => (o.id ?? o) === outcome)) continue;
    const res = await call('POST', `/api/tasks/${task.id}/complete`, { body: { outcome, rowVersion: task.rowVersion, ...(data ? { data } : {}) }, cookie });
    if (res === null) return done;
    if (res.status === 200) { acknowledged.completions.push({ taskId: task.id, outcome }); acked(); done++; }
    else if (res.status === 409) tally.refusedAfterLostAnswer++; // completed by our own earlier try whose answer was lost
    else unexpected(`complete ${task.id}`, res);
  }
  return done;
}

/** The merchant redeems a benefit of a member who holds a card (join approved, card issued by the dispatcher). */
async function redeem(merchant) {
  const candidates = pool.filter(m => m.exhausted.size < 2);
  if (candidates.length === 0) return false;
  const member = candidates[Math.floor(Math.random() * candidates.length)];
  const card = await call('GET', '/api/members/me/card', { cookie: member.cookie });
  if (card === null) return false;
  if (card.status !== 200) { tally.noCardYet++; return false; }
  const benefitId = ['haircut', 'cinema'].filter(b => !member.exhausted.has(b))[0];
  const key = newKey('redeem');
  const res = await call('POST', '/api/redemptions', { body: { credential: json(card).credential, benefitId, note: '压测' }, headers: { 'Idempotency-Key': key }, cookie: merchant });
  if (res === null) return false;
  if (res.status === 201) { acknowledged.redemptions.push({ key, merchantId: merchant.id, id: json(res).id }); acked(); }
  else if (res.status === 409) { member.exhausted.add(benefitId); tally.quotaExhausted++; }
  else if (res.status === 404) member.exhausted.add(benefitId); // not granted to this member
  else unexpected('redeem', res);
  return true;
}

async function loop(name, body, pause = [50, 300]) {
  let failures = 0;
  while (!stopping) {
    try { await body(); failures = 0; } catch (e) {
      if (e.message === 'stopped') return;
      if (++failures <= 3) log(`${name}: ${e.message}`);
    }
    await sleep(random(...pause));
  }
}

// ---------------------------------------------------------------------------------------------------- faults
const faults = [];  // {kind, at, server?, restartedAfterMs?, end}
async function killAndRestart(server) {
  const fault = { kind: 'kill', server: server.index, at: Date.now() };
  faults.push(fault);
  await kill(server);
  log(`killed server ${server.index}`);
  await sleep(random(300, 3000));
  startServer(server);
  const up = await healthy(server);
  fault.restartedAfterMs = Date.now() - fault.at;
  fault.healthy = up;
  fault.end = Date.now();
  log(`server ${server.index} ${up ? 'up again' : 'NOT up'} after ${fault.restartedAfterMs} ms`);
}
function pg(...args) { return execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, '-D', pgData, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString(); }
async function restartDatabase() {
  // Started again with the options it runs with now (what `pg_ctl restart` does), after a pause.
  const running = fs.readFileSync(path.join(pgData, 'postmaster.opts'), 'utf8');
  const options = [...running.matchAll(/"([^"]*)"/g)].map(m => m[1]);
  const at = options.indexOf('-D');
  if (at >= 0) options.splice(at, 2);
  const fault = { kind: 'databaseRestart', at: Date.now() };
  faults.push(fault);
  pg('-m', 'fast', '-w', 'stop');
  log('database stopped');
  await sleep(8000); // the servers answer without a database for a while
  pg('-w', '-l', path.join(path.dirname(pgData), 'log'), '-o', options.map(o => `'${o.replaceAll("'", "'\\''")}'`).join(' '), 'start');
  fault.end = Date.now();
  log('database started');
}
async function fillDisk() {
  const fault = { kind: 'diskFull', at: Date.now() };
  faults.push(fault);
  const ballast = path.join(dataFolder, 'ballast');
  // Write until the file system refuses: to the brim.
  const fd = fs.openSync(ballast, 'w');
  const chunk = Buffer.alloc(1 << 20);
  let written = 0;
  try { for (;;) written += fs.writeSync(fd, chunk); } catch (e) { if (e.code !== 'ENOSPC') throw e; }
  try { for (;;) written += fs.writeSync(fd, chunk, 0, 4096); } catch (e) { if (e.code !== 'ENOSPC') throw e; }
  fs.closeSync(fd);
  fault.ballastBytes = written;
  log(`disk full (${(written / 1048576).toFixed(1)} MiB of ballast)`);
  await sleep(20_000); // the workload goes on against a full disk
  fs.rmSync(ballast);
  fault.freedAt = Date.now();
  fault.end = Date.now();
  log('disk space freed');
}

// ---------------------------------------------------------------------------------------------------- the run
// Whatever ends this script ends its servers too.
process.on('exit', () => { for (const server of servers) if (server.proc && server.proc.exitCode === null) server.proc.kill('SIGKILL'); });
// Together: on PostgreSQL the two processes migrate and seed the fresh database one after the other under the startup lock.
for (const server of servers) startServer(server);
for (const server of servers) if (!await healthy(server)) throw new Error(`server ${server.index} did not start: see ${logFolder}`);
log(`${servers.length} server(s) up, ${provider}, ${minutes} min`);
admin = await account('district-admin');
demoWorker = await account('worker');
workerOrg = json(await call('GET', '/api/me', { cookie: demoWorker })).roles[0].orgId;
const reviewer = await account('reviewer'), lawyer = await account('lawyer'), merchant = await account('merchant');
await loadServices(demoWorker);
for (const key of ['join', 'legal-consultation', 'survey', 'vote']) if (!services[key]) throw new Error(`no ${key} service for the demo worker`);

let newcomers = 0;
const workload = [
  loop('newcomer 1', () => newcomer(++newcomers)),
  loop('newcomer 2', () => newcomer(++newcomers)),
  loop('legal', async () => { const who = pool.length && Math.random() < 0.7 ? pool[Math.floor(Math.random() * pool.length)].cookie : demoWorker; await legalConsultation(who); }),
  loop('reader', async () => {
    const who = pool.length ? pool[Math.floor(Math.random() * pool.length)].cookie : demoWorker;
    for (const p of ['/api/feed', '/api/cases?mine=true', '/api/notifications', '/api/me/points']) await call('GET', p, { cookie: who });
  }),
  loop('reviewer', () => handleInbox(reviewer, 'approve'), [300, 1000]),
  loop('lawyer', () => handleInbox(lawyer, 'answered', { answer: '根据劳动合同法第三十条，用人单位应当按时足额支付劳动报酬，可向劳动监察大队投诉。' }), [300, 1000]),
  loop('merchant', async () => { if (!await redeem(merchant)) await sleep(1000); }),
];

// The faults, one after another: kills at random moments, the database restart (PostgreSQL) and the full disk.
const plan = [];
const kills = Math.max(2, Math.round(minutes * 1.5));
for (let i = 0; i < kills; i++) plan.push({ at: random(0.05, 0.95) * duration, kind: 'kill' });
if (provider === 'postgres' && pgData) plan.push({ at: 0.35 * duration, kind: 'databaseRestart' });
plan.push({ at: 0.6 * duration, kind: 'diskFull' });
plan.sort((a, b) => a.at - b.at);
for (const step of plan) {
  const wait = t0 + step.at - Date.now();
  if (wait > 0) await sleep(wait);
  if (Date.now() > runEnd) break;
  if (step.kind === 'kill') await killAndRestart(servers[Math.floor(Math.random() * servers.length)]);
  else if (step.kind === 'databaseRestart') await restartDatabase();
  else await fillDisk();
  await sleep(random(2000, 5000)); // let the workload reach the recovered server before the next fault
}
const rest = runEnd - Date.now();
if (rest > 0) await sleep(rest);
stopping = true;
hardStop = Date.now() + 90_000;
await Promise.all(workload);
log('workload stopped; letting the dispatcher finish');

// The work in flight (effects, cards) finishes on its own: wait for the outbox to empty (at most 120 s).
// ---------------------------------------------------------------------------------------------------- checking
function query(sql) {
  if (provider === 'sqlite') {
    const out = execFileSync('sqlite3', ['-json', path.join(dataFolder, 'formflow.db'), sql], { maxBuffer: 1 << 30 }).toString().trim();
    return out ? JSON.parse(out) : [];
  }
  const out = execFileSync('psql', [env.FORMFLOW_SOAK_PSQL, '-Atq', '-c', `SELECT coalesce(json_agg(soak_row), '[]') FROM (${sql}) soak_row`], { maxBuffer: 1 << 30 }).toString().trim();
  return JSON.parse(out);
}
const pendingEffects = () => Number(query('SELECT count(*) AS n FROM "Outbox" WHERE "DoneAt" IS NULL AND "FailedAt" IS NULL')[0]?.n ?? 0);
let pending = 0;
for (const until = Date.now() + 120_000; Date.now() < until;) {
  try { pending = pendingEffects(); } catch (e) { pending = -1; log(`outbox query: ${e.stderr ?? e.message}`); break; }
  if (pending === 0) break;
  await sleep(2000);
}
const failedEffects = query('SELECT "Kind" AS k, "LastError" AS e FROM "Outbox" WHERE "FailedAt" IS NOT NULL');
const recoveredOnItsOwn = (await Promise.all(servers.map(s => healthy(s, 30_000)))).every(Boolean);
for (const server of servers) {
  const proc = server.proc; server.proc = null;
  if (proc && proc.exitCode === null) { proc.kill('SIGTERM'); await new Promise(resolve => proc.once('exit', resolve)); }
}

const losses = [], duplicates = [];
const lost = (kind, what) => losses.push(`${kind}: ${what}`);
const twice = (kind, what) => duplicates.push(`${kind}: ${what}`);

// Cases: every acknowledged key is stored once and names the acknowledged case; every case of the soak is named by one key.
const keys = query('SELECT "AccountId" AS a, "Key" AS k, "CaseId" AS c FROM "SubmissionKeys"');
const keyed = new Map(keys.map(r => [`${r.a}|${r.k}`, r.c]));
const caseRows = query(`SELECT "Id" AS id, "ModuleKey" AS m, "Instance" AS i FROM "Cases" WHERE "ModuleKey" IN ('join', 'legal-consultation')`);
const caseIds = new Set(caseRows.map(c => Number(c.id)));
for (const c of acknowledged.cases) {
  const stored = keyed.get(`${c.accountId}|${c.key}`);
  if (stored === undefined || !caseIds.has(Number(c.caseId))) lost('case', `${c.moduleKey} ${c.key} (case ${c.caseId})`);
  else if (Number(stored) !== Number(c.caseId)) twice('case', `${c.key} acknowledged as case ${c.caseId}, stored as ${stored}`);
}
const keyedCases = new Map();
for (const r of keys) keyedCases.set(Number(r.c), (keyedCases.get(Number(r.c)) || 0) + 1);
for (const c of caseRows) if ((keyedCases.get(Number(c.id)) || 0) !== 1) twice('case', `case ${c.id} is named by ${keyedCases.get(Number(c.id)) || 0} idempotency keys (every soak submission sends one)`);

// Task completions: the acknowledged outcome is stored.
const tasks = query('SELECT "Id" AS id, "CaseId" AS c, "BookmarkId" AS b, "ActivityId" AS a, "DueAt" AS due, "CompletedAt" AS done, "Outcome" AS o FROM "CaseTasks"');
const taskById = new Map(tasks.map(t => [Number(t.id), t]));
for (const c of acknowledged.completions) {
  const t = taskById.get(Number(c.taskId));
  if (!t || !t.done || t.o !== c.outcome) lost('completion', `task ${c.taskId} ${c.outcome} (stored: ${t ? `${t.o ?? 'open'}` : 'no task'})`);
}
const bookmarks = new Map();
for (const t of tasks) { const k = `${t.c}|${t.b}`; bookmarks.set(k, (bookmarks.get(k) || 0) + 1); }
for (const [k, n] of bookmarks) if (n > 1) twice('task', `bookmark ${k} has ${n} tasks`);

// No step ran twice: the workflows as driven here are straight lines, so an event at one activity happens once.
for (const c of caseRows) {
  const timeline = JSON.parse(c.i).timeline.filter(e => e.activityId);
  const seen = new Map();
  for (const e of timeline) { const k = `${e.event} ${e.activityId}`; seen.set(k, (seen.get(k) || 0) + 1); }
  for (const [k, n] of seen) if (n > 1) twice('step', `case ${c.id}: ${k} ×${n}`);
}
for (const r of query(`SELECT "EffectKey" AS k, "AccountId" AS a, count(*) AS n FROM "Notifications" GROUP BY "EffectKey", "AccountId" HAVING count(*) > 1`)) twice('notification', `${r.k} ×${r.n}`);
const audit = query(`SELECT "Action" AS a, "Target" AS t, "Details" AS d FROM "AuditEntries" WHERE "Action" IN ('effect.done', 'case.submitted')`);
const auditSeen = new Map();
for (const r of audit) {
  const k = r.a === 'effect.done' ? `${r.a} ${r.t} ${JSON.parse(r.d).key}` : `${r.a} ${r.t}`;
  auditSeen.set(k, (auditSeen.get(k) || 0) + 1);
}
for (const [k, n] of auditSeen) if (n > 1) twice('audit', `${k} ×${n}`);
for (const r of query(`SELECT "AccountId" AS a, count(*) AS n FROM "Members" GROUP BY "AccountId" HAVING count(*) > 1`)) twice('member', `account ${r.a} has ${r.n} member records`);

// No timer lost: every open task with a deadline still has its timer (reminder, then escalation) on its bookmark.
const timers = query('SELECT "CaseId" AS c, "BookmarkId" AS b, "FiredAt" AS f FROM "CaseTimers"');
const liveTimers = new Set(timers.filter(t => !t.f).map(t => `${t.c}|${t.b}`));
const timersLost = tasks.filter(t => !t.done && t.due && !liveTimers.has(`${t.c}|${t.b}`)).map(t => `task ${t.id} (${t.a}, case ${t.c}) due ${t.due} has no timer`);
for (const t of timersLost) lost('timer', t);

// Redemptions: each acknowledged key once; each entitlement's count of uses equals its redemptions in the period.
const redemptions = query('SELECT "IdempotencyKey" AS k, "EntitlementId" AS e, "Period" AS p FROM "Redemptions"');
const redemptionKeys = new Map();
for (const r of redemptions) redemptionKeys.set(r.k, (redemptionKeys.get(r.k) || 0) + 1);
for (const r of acknowledged.redemptions) {
  const n = redemptionKeys.get(`merchant:${r.merchantId}:${r.key}`) || 0;
  if (n === 0) lost('redemption', r.key); else if (n > 1) twice('redemption', `${r.key} ×${n}`);
}
const usesByEntitlement = new Map();
for (const r of redemptions) { const k = `${r.e}|${r.p}`; usesByEntitlement.set(k, (usesByEntitlement.get(k) || 0) + 1); }
for (const e of query('SELECT "Id" AS id, "CurrentPeriod" AS p, "UsedInPeriod" AS u, "Quota" AS q FROM "Entitlements" WHERE "CurrentPeriod" IS NOT NULL')) {
  const n = usesByEntitlement.get(`${e.id}|${e.p}`) || 0;
  if (n !== Number(e.u)) (n > Number(e.u) ? twice : lost)('entitlement', `entitlement ${e.id} counts ${e.u} uses in ${e.p}, ${n} redemptions stored`);
  if (n > Number(e.q)) twice('entitlement', `entitlement ${e.id}: ${n} redemptions over a quota of ${e.q}`);
}

// Answers: each acknowledged answer's participation is stored; a survey has one answer per participation, a vote as many ballots.
const participations = query(`SELECT "ServiceActivationId" AS s, "AccountId" AS a FROM "Participations"`);
const participated = new Set(participations.map(p => `${p.s}|${p.a}`));
for (const a of acknowledged.answers) if (!participated.has(`${services[a.moduleKey]}|${a.accountId}`)) lost('answer', `${a.moduleKey} by ${a.accountId}`);
const surveyRecords = query(`SELECT "AccountId" AS a, count(*) AS n FROM "Responses" WHERE "ServiceActivationId" = ${Number(services.survey)} GROUP BY "AccountId"`);
for (const r of surveyRecords) if (Number(r.n) > 1) twice('answer', `survey answered ${r.n} times by ${r.a}`);
const surveyParticipations = participations.filter(p => Number(p.s) === Number(services.survey)).length;
const surveyAnswers = surveyRecords.reduce((s, r) => s + Number(r.n), 0);
if (surveyAnswers !== surveyParticipations) (surveyAnswers > surveyParticipations ? twice : lost)('answer', `survey: ${surveyAnswers} answers for ${surveyParticipations} participations`);
const ballots = Number(query(`SELECT coalesce(sum("Count"), 0) AS n FROM "BallotPiles" WHERE "ServiceActivationId" = ${Number(services.vote)}`)[0].n);
const voters = participations.filter(p => Number(p.s) === Number(services.vote)).length;
if (ballots !== voters) (ballots > voters ? twice : lost)('answer', `vote: ${ballots} ballots for ${voters} voters`);

// ---------------------------------------------------------------------------------------------------- summary
// An outage window: a fault from its start until the first acknowledged write after it ended, plus 2 s of answers in
// flight. Recovery: for a kill, from the kill (the restart included) to that write; for the database and the disk, from
// when the database was started again or the space freed.
const windows = faults.map(f => {
  const recovered = acks.find(t => t >= (f.end ?? f.at)) ?? null;
  const from = f.kind === 'kill' ? f.at : f.end;
  return { ...f, recoveredAt: recovered, recoveryMs: recovered === null ? null : recovered - from, outageMs: recovered === null ? null : recovered - f.at };
});
const windowOf = at => windows.filter(w => at >= w.at && at <= (w.recoveredAt ?? Infinity) + 2000).at(-1);
const inside = at => windowOf(at) !== undefined;
const byStatus = {};
for (const r of fiveHundreds) {
  const s = (byStatus[r.status] ??= { total: 0, insideOutage: 0, outsideOutage: 0, withRetryAfter: 0, during: {} });
  s.total++;
  if (inside(r.at)) s.insideOutage++; else s.outsideOutage++;
  if (r.retryAfter) s.withRetryAfter++;
  const kind = windowOf(r.at)?.kind ?? 'none';
  s.during[kind] = (s.during[kind] || 0) + 1;
}
const databaseWindow = windows.find(w => w.kind === 'databaseRestart');
const duringDatabase = databaseWindow ? fiveHundreds.filter(r => windowOf(r.at) === databaseWindow) : [];
const recoveries = windows.map(w => w.recoveryMs).filter(x => x !== null).sort((a, b) => a - b);
const median = xs => xs.length ? (xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2) : null;
const restarts = windows.filter(w => w.kind === 'kill').map(w => w.restartedAfterMs).sort((a, b) => a - b);
const serverFaults = fiveHundreds.filter(r => r.status === 500);
const outside = fiveHundreds.filter(r => !inside(r.at));
const summary = {
  provider, minutes, servers: servers.length,
  kills: windows.filter(w => w.kind === 'kill').length,
  databaseRestarts: windows.filter(w => w.kind === 'databaseRestart').length,
  diskFull: windows.filter(w => w.kind === 'diskFull').map(w => ({ ballastMiB: +(w.ballastBytes / 1048576).toFixed(1), fullForMs: w.freedAt - w.at, recoveryMsAfterFreeing: w.recoveryMs })),
  acknowledgedWrites: {
    cases: acknowledged.cases.length, taskCompletions: acknowledged.completions.length, redemptions: acknowledged.redemptions.length,
    answers: acknowledged.answers.length, accounts: acknowledged.accounts.length,
    total: acknowledged.cases.length + acknowledged.completions.length + acknowledged.redemptions.length + acknowledged.answers.length,
  },
  losses: losses.length, duplicates: duplicates.length, timersLost: timersLost.length,
  recoveryMs: { median: median(recoveries), max: recoveries.at(-1) ?? null, perFault: windows.map(w => `${w.kind}${w.server !== undefined ? w.server : ''}:${w.recoveryMs}`) },
  restartToHealthyMs: { median: median(restarts), max: restarts.at(-1) ?? null },
  fiveHundreds: { total: fiveHundreds.length, byStatus, outsideOutage: outside.length },
  databaseAway: databaseWindow ? {
    answers5xx: duringDatabase.length, status503WithRetryAfter: duringDatabase.filter(r => r.status === 503 && r.retryAfter).length,
    other: duringDatabase.filter(r => !(r.status === 503 && r.retryAfter)).length,
  } : null,
  recoveredOnItsOwn, unfinishedEffects: pending, failedEffects: failedEffects.length,
  requests: counts.requests, networkErrors: counts.networkErrors, retried: counts.retried, givenUp: counts.givenUp,
  refusedAfterLostAnswer: tally.refusedAfterLostAnswer, quotaExhausted: tally.quotaExhausted, noCardYet: tally.noCardYet, unexpectedAnswers: tally.unexpected.length,
};
console.log(JSON.stringify(summary, null, 1));
for (const l of losses.slice(0, 20)) log(`LOSS ${l}`);
for (const d of duplicates.slice(0, 20)) log(`DUPLICATE ${d}`);
for (const r of [...serverFaults, ...outside].slice(0, 10)) log(`5xx ${r.status} ${r.method} ${r.path} at ${((r.at - t0) / 1000).toFixed(1)}s: ${r.detail}`);
for (const u of tally.unexpected.slice(0, 10)) log(`unexpected ${u}`);
const failed = losses.length > 0 || duplicates.length > 0 || serverFaults.length > 0 || outside.length > 0 || !recoveredOnItsOwn
  || (databaseWindow && duringDatabase.some(r => !(r.status === 503 && r.retryAfter)));
process.exit(failed ? 1 : 0);
