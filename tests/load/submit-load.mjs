// Load test: N submissions of a 40-field form (forty-fields/, a start → review task workflow) at C concurrent
// connections against a running FormFlow server, as the demo worker. Prints throughput, median/p99 latency and
// this tool's own CPU share. Usage: node submit-load.mjs http://127.0.0.1:5080 [total=5000] [concurrency=100] [rate=0]
// rate 0: closed loop, each connection sends its next submission as soon as the last is answered (the throughput a
// server can take). rate R: open loop, submissions are due at R per second whatever the answers do, over at most C
// connections; a latency counts from when the submission was due, so time spent waiting for a free connection shows.
import http from 'node:http';
import os from 'node:os';

const [base = 'http://127.0.0.1:5080', totalArg = '5000', concArg = '100', rateArg = '0'] = process.argv.slice(2);
const total = Number(totalArg), concurrency = Number(concArg), rate = Number(rateArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function request(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(new URL(path, base), {
      method, agent,
      headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...headers },
    }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

const login = await request('POST', '/api/auth/login', { userName: 'worker', password: process.env.FORMFLOW_DEMO_PASSWORD || 'demo' });
if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
const cookie = login.headers['set-cookie'].map(c => c.split(';')[0]).join('; ');
const services = JSON.parse((await request('GET', '/api/services', undefined, { cookie })).text);
const service = services.find(s => s.moduleId === 'forty-fields');
if (!service) throw new Error('the forty-fields module is not active: start the server with FormFlow:ModuleTemplates including tests/load/forty-fields');

const data = {};
for (let i = 0; i < 40; i++) {
  const key = `f${String(i).padStart(2, '0')}`;
  data[key] = [`文本内容${i}`, `text ${i}`, i * 3.5, '2026-03-02', 'a'][i % 5];
}

const latencies = [];
let failures = 0;
async function submit(dueAt) {
  const res = await request('POST', `/api/services/${service.id}/cases`, { data }, { cookie });
  latencies.push(performance.now() - dueAt);
  if (res.status !== 201) { failures++; if (failures <= 3) console.error(res.status, res.text.slice(0, 300)); }
}
const cpuStart = process.cpuUsage();
const start = performance.now();
if (rate > 0) {
  // The agent queues a submission beyond C open connections until one is free.
  const pending = [];
  for (let i = 0; i < total; i++) {
    const dueAt = start + (i * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise(resolve => setTimeout(resolve, wait));
    pending.push(submit(dueAt));
  }
  await Promise.all(pending);
} else {
  let next = 0;
  const connection = async () => { while (next < total) { next++; await submit(performance.now()); } };
  await Promise.all(Array.from({ length: concurrency }, connection));
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
latencies.sort((a, b) => a - b);
const pct = p => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
console.log(JSON.stringify({
  submissions: total, concurrency, ...(rate > 0 ? { offeredPerSecond: rate } : {}), failures,
  seconds: +seconds.toFixed(2), perSecond: +(total / seconds).toFixed(1),
  medianMs: +pct(0.5), p99Ms: +pct(0.99),
  loadToolCpuShareOfMachine: +(((cpu.user + cpu.system) / 1e6) / (seconds * os.cpus().length)).toFixed(3),
}));
