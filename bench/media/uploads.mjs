// The load generator of bench/upload-bench (see the "Upload benchmark" section of
// bench/README.md): UPLOADS photo uploads started at the same moment against one server, each
// the whole flow of docs/media.md —
//   POST /api/v1/media/uploads → PUT upload.url → POST /api/v1/media/{id}/complete →
//   GET /api/v1/media/{id} every POLL_MS until `ready` or `failed` —
// while a worker thread samples the server's VmRSS and the disk used under MEDIA_ROOT and the
// server's scratch directory every SAMPLE_MS, and the CPU time of everything on the machine.
//
//   node uploads.mjs run              the benchmark; writes the figures as JSON to OUT
//   node uploads.mjs report FILE      the Markdown results file from that JSON (stdout)
//
// Node 20, no dependencies (global fetch). Exit status of `run`: 0 when every upload ended
// `ready`, 1 when any did not (the JSON is written either way), 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const now = () => performance.timeOrigin + performance.now(); // ms since the epoch, same clock in every thread
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = 1024 * 1024;

function envInt(name, fallback) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^[0-9]+$/.test(raw)) usage(`${name} must be a non-negative integer, got '${raw}'`);
    return Number(raw);
}

function usage(message) {
    process.stderr.write(`uploads.mjs: ${message}\nusage: node uploads.mjs run | report FILE (see bench/upload-bench --help)\n`);
    process.exit(2);
}

// ---------------------------------------------------------------------------------------
// /proc readers (Linux), shared by the sampler thread and the main thread.

const CLK_TCK = Number(process.env.CLK_TCK || 100); // USER_HZ (getconf CLK_TCK)

function readStatus(pid) { // VmRSS, VmHWM (KiB), Threads of a process, or null when it is gone
    try {
        const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const field = (name) => {
            const m = text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'));
            return m ? Number(m[1]) : null;
        };
        return { rss: field('VmRSS'), hwm: field('VmHWM'), threads: field('Threads') };
    } catch {
        return null;
    }
}

function readStat(pid) { // { comm, ppid, ticks (utime + stime) } or null
    try {
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = text.lastIndexOf(')');
        const comm = text.slice(text.indexOf('(') + 1, close);
        const rest = text.slice(close + 2).split(' '); // rest[0] is field 3 (state)
        return { comm, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
    } catch {
        return null;
    }
}

function busyTicks() { // all CPUs: { busy, total } in clock ticks (busy = user nice system irq softirq steal)
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line;
    return { busy: user + nice + system + irq + softirq + steal, iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

function allProcesses() { // Map pid → readStat()
    const out = new Map();
    for (const name of fs.readdirSync('/proc')) {
        if (!/^[0-9]+$/.test(name)) continue;
        const s = readStat(name);
        if (s) out.set(Number(name), s);
    }
    return out;
}

function diskUsage(dir) { // what du counts: allocated bytes (blocks × 512), plus apparent bytes and files
    let allocated = 0;
    let bytes = 0;
    let files = 0;
    const walk = (d) => {
        let entries;
        try {
            entries = fs.readdirSync(d, { withFileTypes: true });
        } catch {
            return; // removed meanwhile (the server's work directories come and go)
        }
        for (const e of entries) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) {
                walk(p);
                continue;
            }
            try {
                const st = fs.lstatSync(p);
                allocated += st.blocks * 512;
                bytes += st.size;
                files += 1;
            } catch {
                // removed between readdir and stat
            }
        }
    };
    walk(dir);
    return { allocated, bytes, files };
}

// ---------------------------------------------------------------------------------------
// The sampler (a worker thread: its timer keeps its pace however busy the uploads keep the
// main thread). Every SAMPLE_MS: the server's VmRSS and the disk used under MEDIA_ROOT and
// under the server's TMPDIR (upload scratch files, processing work directories). Every
// second: utime + stime of every process, so that what else used the CPU can be named.

function sampler() {
    const { serverPid, mediaRoot, scratchDir, sampleMs } = workerData;
    // [t, rss KiB, media allocated, media files, scratch allocated, scratch files,
    //  server ticks, load generator ticks, machine busy ticks, machine iowait ticks]
    const samples = [];
    const ownPid = process.pid; // the load generator (both threads)
    const first = new Map(); // pid → { comm, ticks at first sight, seenAtStart }
    const last = new Map(); // pid → ticks at last sight
    const scanProcesses = (atStart) => {
        for (const [pid, s] of allProcesses()) {
            if (!first.has(pid)) first.set(pid, { comm: s.comm, ppid: s.ppid, ticks: atStart ? s.ticks : 0 });
            last.set(pid, s.ticks);
        }
    };
    const take = () => {
        const st = readStatus(serverPid);
        const m = diskUsage(mediaRoot);
        const s = diskUsage(scratchDir);
        const server = readStat(serverPid);
        const self = readStat(ownPid);
        const cpu = busyTicks();
        samples.push([now(), st ? st.rss : null, m.allocated, m.files, s.allocated, s.files,
            server ? server.ticks : null, self ? self.ticks : null, cpu.busy, cpu.iowait]);
    };
    scanProcesses(true);
    const cpuStart = busyTicks();
    take();
    let lastScan = now();
    const timer = setInterval(() => {
        take();
        if (now() - lastScan >= 1000) {
            scanProcesses(false);
            lastScan = now();
        }
    }, sampleMs);
    parentPort.postMessage({ type: 'started' });
    parentPort.on('message', (msg) => {
        if (msg !== 'stop') return;
        clearInterval(timer);
        take();
        scanProcesses(false);
        const cpuEnd = busyTicks();
        const perProcess = [];
        for (const [pid, f] of first) {
            const used = (last.get(pid) ?? f.ticks) - f.ticks;
            if (used > 0) perProcess.push({ pid, comm: f.comm, ppid: f.ppid, ticks: used });
        }
        const status = readStatus(serverPid);
        parentPort.postMessage({
            type: 'done', samples, perProcess,
            cpu: { busy: cpuEnd.busy - cpuStart.busy, total: cpuEnd.total - cpuStart.total },
            serverHwmKib: status ? status.hwm : null, serverThreads: status ? status.threads : null,
        });
    });
}

// ---------------------------------------------------------------------------------------
// One upload: the four steps of docs/media.md, each timed; a failure is recorded with the
// step and the HTTP status (or the network error), never thrown.

class Failure extends Error {
    constructor(kind, detail) {
        super(kind);
        this.kind = kind;
        this.detail = detail;
    }
}

async function call(step, url, init, expected) {
    let res;
    try {
        res = await fetch(url, init);
    } catch (e) {
        const cause = e.cause ?? e;
        throw new Failure(`${step}: ${cause.code ?? cause.name ?? 'error'}`, String(cause.message ?? cause));
    }
    const text = await res.text().catch((e) => { throw new Failure(`${step}: body ${e.cause?.code ?? e.name}`, String(e)); });
    if (!expected.includes(res.status)) {
        let code = '';
        try {
            const problem = JSON.parse(text);
            code = problem.code ?? problem.type ?? '';
        } catch { /* not JSON */ }
        throw new Failure(`${step}: HTTP ${res.status}${code ? ` ${code}` : ''}`, text.slice(0, 300));
    }
    return text ? JSON.parse(text) : null;
}

async function upload(index, user, photo, cfg, deadline) {
    const rec = { index, user: user.index, t: { start: now() }, polls: 0, status: null, failure: null };
    const auth = { Authorization: `Bearer ${user.token}` };
    try {
        const ticket = await call('create', `${cfg.baseUrl}/api/v1/media/uploads`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({ purpose: 'portfolio', content_type: 'image/jpeg', size_bytes: photo.length }),
        }, [201]);
        rec.id = ticket.media.id;
        rec.t.created = now();
        if (ticket.upload.method !== 'PUT') throw new Failure(`create: upload method ${ticket.upload.method}`, '');

        rec.t.putStart = now();
        await call('put', ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: photo }, [200, 204]);
        rec.t.putEnd = now();

        const done = await call('complete', `${cfg.baseUrl}/api/v1/media/${rec.id}/complete`, { method: 'POST', headers: auth }, [200, 202]);
        rec.t.completed = now();
        let media = done;
        while (media.status !== 'ready' && media.status !== 'failed') {
            if (now() > deadline) throw new Failure(`poll: still ${media.status} after TIMEOUT`, '');
            await sleep(cfg.pollMs);
            media = await call('poll', `${cfg.baseUrl}/api/v1/media/${rec.id}`, { headers: auth }, [200]);
            rec.polls += 1;
        }
        rec.t.finished = now();
        rec.status = media.status;
        rec.width = media.width;
        rec.height = media.height;
        if (media.status === 'failed') {
            rec.failure = { kind: `failed: ${media.failure_reason ?? 'no failure_reason'}`, detail: '' };
        }
    } catch (e) {
        if (!(e instanceof Failure)) throw e;
        rec.t.finished = now();
        rec.failure = { kind: e.kind, detail: e.detail };
    }
    return rec;
}

async function register(baseUrl, runId, index) {
    const email = `upload-bench-${runId}-${index}@example.com`;
    const body = await call('register', `${baseUrl}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: `bench-password-${runId}`, name: `Upload bench ${index}` }),
    }, [201]);
    return { index, token: body.access_token };
}

// ---------------------------------------------------------------------------------------
// Statistics

function percentile(sorted, p) { // nearest rank
    if (sorted.length === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1];
}

function summary(values) {
    const sorted = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return { n: 0 };
    return {
        n: sorted.length, min: sorted[0], p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1),
        mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    };
}

// ---------------------------------------------------------------------------------------
// run

async function run() {
    const cfg = {
        baseUrl: process.env.BASE_URL ?? usage('BASE_URL is required'),
        photoPath: process.env.PHOTO ?? usage('PHOTO is required'),
        out: process.env.OUT ?? usage('OUT is required'),
        serverPid: envInt('SERVER_PID', 0) || usage('SERVER_PID is required'),
        mediaRoot: process.env.MEDIA_ROOT ?? usage('MEDIA_ROOT is required'),
        scratchDir: process.env.SCRATCH_DIR ?? usage('SCRATCH_DIR is required'),
        pgPostmasterPid: envInt('PG_POSTMASTER_PID', 0),
        redisPid: envInt('REDIS_PID', 0),
        uploads: envInt('UPLOADS', 100),
        users: envInt('USERS', 10),
        warmup: envInt('WARMUP', 1),
        pollMs: envInt('POLL_MS', 500),
        sampleMs: envInt('SAMPLE_MS', 100),
        timeoutS: envInt('TIMEOUT', 600),
    };
    if (cfg.uploads < 1 || cfg.users < 1) usage('UPLOADS and USERS must be positive');
    const photo = fs.readFileSync(cfg.photoPath);
    const runId = `${Date.now().toString(36)}-${process.pid}`;
    const log = (m) => process.stderr.write(`uploads.mjs: ${m}\n`);

    log(`registering ${cfg.users} users${cfg.warmup ? ' (and one for the warm-up)' : ''}`);
    const users = [];
    for (let i = 0; i < cfg.users; i += 2) { // two at a time: bcrypt, on a 2-core machine
        const batch = [register(cfg.baseUrl, runId, i)];
        if (i + 1 < cfg.users) batch.push(register(cfg.baseUrl, runId, i + 1));
        users.push(...(await Promise.all(batch)));
    }

    const worker = new Worker(new URL(import.meta.url), {
        workerData: { serverPid: cfg.serverPid, mediaRoot: cfg.mediaRoot, scratchDir: cfg.scratchDir, sampleMs: cfg.sampleMs },
    });
    const messages = [];
    let wake = null;
    worker.on('message', (m) => { messages.push(m); if (wake) wake(); });
    worker.on('error', (e) => { log(`sampler failed: ${e.stack ?? e}`); process.exit(1); });
    const nextMessage = async (type) => {
        for (;;) {
            const i = messages.findIndex((m) => m.type === type);
            if (i >= 0) return messages.splice(i, 1)[0];
            await new Promise((resolve) => { wake = resolve; });
        }
    };
    await nextMessage('started');
    await sleep(Math.max(2 * cfg.sampleMs, 200)); // a few samples of the idle server first

    // Unrecorded warm-ups, one after the other, by a user of their own: the first libvips call,
    // the first pooled PostgreSQL connections, the server's first scratch file.
    const warmups = [];
    if (cfg.warmup > 0) {
        const warmUser = await register(cfg.baseUrl, runId, 'warmup');
        for (let i = 0; i < cfg.warmup; i++) {
            const rec = await upload(-1 - i, warmUser, photo, cfg, now() + cfg.timeoutS * 1000);
            warmups.push({ ms: rec.t.finished - rec.t.start, status: rec.status, failure: rec.failure });
            log(`warm-up upload ${i + 1}: ${rec.status ?? rec.failure.kind} in ${(rec.t.finished - rec.t.start).toFixed(0)} ms`);
        }
        await sleep(1000); // let its files and its RSS settle before the burst
    }


    // Our own processes' CPU: the server, this cluster's PostgreSQL (postmaster and children),
    // Redis, and this load generator (both threads).
    const groupTicks = () => {
        const procs = allProcesses();
        const sum = (pred) => [...procs].filter(([pid, s]) => pred(pid, s)).reduce((a, [, s]) => a + s.ticks, 0);
        return {
            server: sum((pid) => pid === cfg.serverPid),
            postgres: cfg.pgPostmasterPid ? sum((pid, s) => pid === cfg.pgPostmasterPid || s.ppid === cfg.pgPostmasterPid) : 0,
            redis: cfg.redisPid ? sum((pid) => pid === cfg.redisPid) : 0,
            loadgen: sum((pid) => pid === process.pid),
        };
    };
    const ticksBefore = groupTicks();
    const cpuBefore = busyTicks();
    const rssBefore = readStatus(cfg.serverPid);

    log(`starting ${cfg.uploads} uploads of ${photo.length} bytes at once over ${cfg.users} users`);
    const t0 = now();
    const deadline = t0 + cfg.timeoutS * 1000;
    let settled = 0;
    const progress = setInterval(() => log(`${settled}/${cfg.uploads} finished after ${((now() - t0) / 1000).toFixed(1)} s`), 5000);
    const records = await Promise.all(Array.from({ length: cfg.uploads }, (_, i) =>
        upload(i, users[i % users.length], photo, cfg, deadline).then((r) => { settled += 1; return r; })));
    const tEnd = now();
    clearInterval(progress);

    const ticksAfter = groupTicks();
    const cpuAfter = busyTicks();
    await sleep(Math.max(2 * cfg.sampleMs, 200)); // and a few after the last one
    worker.postMessage('stop');
    const sampled = await nextMessage('done');
    await worker.terminate();

    // ----- figures
    const ok = records.filter((r) => r.status === 'ready');
    const ms = (r, a, b) => (r.t[a] !== undefined && r.t[b] !== undefined ? r.t[b] - r.t[a] : null);
    const putRecs = records.filter((r) => r.t.putEnd !== undefined);
    const firstPutStart = Math.min(...records.filter((r) => r.t.putStart !== undefined).map((r) => r.t.putStart));
    const lastPutEnd = Math.max(...putRecs.map((r) => r.t.putEnd));
    const putPhaseMs = putRecs.length ? lastPutEnd - firstPutStart : null;
    const putBytes = putRecs.length * photo.length;
    const completedRecs = records.filter((r) => r.t.completed !== undefined);
    const firstComplete = Math.min(...completedRecs.map((r) => r.t.completed));
    const lastReady = ok.length ? Math.max(...ok.map((r) => r.t.finished)) : null;
    const failures = {};
    for (const r of records) {
        if (r.status === 'ready') continue;
        const kind = r.failure ? r.failure.kind : `ended ${r.status}`;
        failures[kind] ??= { count: 0, example: r.failure?.detail ?? '' };
        failures[kind].count += 1;
    }

    // Samples: the burst is [t0, tEnd]; "before" is the idle server just before t0.
    const S = sampled.samples;
    const inRun = S.filter((s) => s[0] >= t0 - cfg.sampleMs && s[0] <= tEnd + cfg.sampleMs);
    const before = [...S].reverse().find((s) => s[0] < t0) ?? S[0];
    const peakOf = (rows, col) => rows.reduce((best, s) => (s[col] !== null && (best === null || s[col] > best[col]) ? s : best), null);
    const rssPeak = peakOf(S, 1);
    const mediaPeak = peakOf(S, 2);
    const scratchPeak = peakOf(S, 4);
    const gaps = S.slice(1).map((s, i) => s[0] - S[i][0]);
    const rssAt = (t) => { // the last sample at or before t
        let row = S[0];
        for (const s of S) if (s[0] <= t) row = s;
        return row[1];
    };
    const lastCreated = Math.max(...records.filter((r) => r.t.created !== undefined).map((r) => r.t.created));
    const ticks = (k) => ticksAfter[k] - ticksBefore[k];
    const wallS = (tEnd - t0) / 1000;
    const busy = cpuAfter.busy - cpuBefore.busy;
    const ours = ticks('server') + ticks('postgres') + ticks('redis') + ticks('loadgen');
    const pct = (t) => (100 * t) / CLK_TCK / wallS;
    const ourPids = new Set([cfg.serverPid, cfg.pgPostmasterPid, cfg.redisPid, process.pid]);
    const others = {};
    for (const p of sampled.perProcess) {
        if (ourPids.has(p.pid) || p.ppid === cfg.pgPostmasterPid) continue;
        others[p.comm] ??= { comm: p.comm, ticks: 0, processes: 0 };
        others[p.comm].ticks += p.ticks;
        others[p.comm].processes += 1;
    }
    const samplerWall = (S.at(-1)[0] - S[0][0]) / 1000;
    // CPU of a phase [a, b] from the samples around it (the last at or before a, the first at
    // or after b): the server, the load generator, everything else, and the machine's iowait.
    const phaseCpu = (a, b) => {
        if (!Number.isFinite(a) || !Number.isFinite(b) || b <= a) return null;
        const sa = [...S].reverse().find((x) => x[0] <= a) ?? S[0];
        const sb = S.find((x) => x[0] >= b) ?? S.at(-1);
        const w = (sb[0] - sa[0]) / 1000;
        if (w <= 0 || sa[6] === null || sb[6] === null) return null;
        const p100 = (t) => (100 * t) / CLK_TCK / w;
        const server = p100(sb[6] - sa[6]);
        const loadgen = p100(sb[7] - sa[7]);
        const busyP = p100(sb[8] - sa[8]);
        return { fromMs: sa[0] - t0, toMs: sb[0] - t0, server, loadgen, rest: Math.max(0, busyP - server - loadgen), busy: busyP, iowait: p100(sb[9] - sa[9]) };
    };

    const result = {
        config: { ...cfg, photoBytes: photo.length },
        warmups,
        uploads: cfg.uploads,
        ready: ok.length,
        allReady: ok.length === cfg.uploads,
        wallMs: lastReady !== null ? lastReady - t0 : null,
        burstMs: tEnd - t0,
        lastCreateMs: lastCreated - t0,
        create: summary(records.map((r) => ms(r, 'start', 'created'))),
        put: summary(records.map((r) => ms(r, 'putStart', 'putEnd'))),
        complete: summary(records.map((r) => ms(r, 'putEnd', 'completed'))),
        processing: summary(ok.map((r) => ms(r, 'completed', 'finished'))),
        total: summary(ok.map((r) => ms(r, 'start', 'finished'))),
        putPhase: {
            firstStartMs: firstPutStart - t0, lastEndMs: lastPutEnd - t0, ms: putPhaseMs, bytes: putBytes, puts: putRecs.length,
            mibPerS: putPhaseMs ? putBytes / MiB / (putPhaseMs / 1000) : null,
            perPutMibPerS: summary(putRecs.map((r) => photo.length / MiB / ((r.t.putEnd - r.t.putStart) / 1000))),
        },
        processingPhase: {
            firstCompleteMs: firstComplete - t0, lastReadyMs: lastReady !== null ? lastReady - t0 : null,
            imagesPerS: lastReady !== null && ok.length > 1 ? ok.length / ((lastReady - firstComplete) / 1000) : null,
        },
        polls: records.reduce((a, r) => a + r.polls, 0),
        failures,
        dimensions: [...new Set(ok.map((r) => `${r.width}x${r.height}`))],
        rss: {
            startKib: S[0][1], beforeKib: before[1], peakKib: rssPeak ? rssPeak[1] : null, peakAtMs: rssPeak ? rssPeak[0] - t0 : null,
            atPutPhaseEndKib: rssAt(lastPutEnd),
            // While only PUTs ran: from the start to the first complete (no processing job yet).
            putsOnly: (() => {
                const rows = S.filter((x) => x[0] >= t0 && x[0] <= firstComplete && x[1] !== null);
                if (rows.length === 0) return null;
                const top = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
                const inFlight = records.filter((r) => r.t.putStart !== undefined && r.t.putStart <= top[0] &&
                    (r.t.putEnd === undefined || r.t.putEnd > top[0])).length;
                return { peakKib: top[1], atMs: top[0] - t0, untilMs: firstComplete - t0, putsInFlight: inFlight };
            })(), atEndKib: S.at(-1)[1], hwmKib: sampled.serverHwmKib,
            statusBefore: rssBefore, threadsAtEnd: sampled.serverThreads,
        },
        disk: {
            mediaBeforeBytes: before[2], mediaBeforeFiles: before[3],
            mediaPeakBytes: mediaPeak[2], mediaPeakFiles: mediaPeak[3], mediaPeakAtMs: mediaPeak[0] - t0,
            mediaEndBytes: S.at(-1)[2], mediaEndFiles: S.at(-1)[3],
            scratchPeakBytes: scratchPeak[4], scratchPeakFiles: scratchPeak[5], scratchPeakAtMs: scratchPeak[0] - t0,
            scratchEndBytes: S.at(-1)[4],
        },
        sampling: { samples: S.length, inRun: inRun.length, wallS: samplerWall, meanGapMs: gaps.length ? (samplerWall * 1000) / gaps.length : null, maxGapMs: gaps.length ? Math.max(...gaps) : null },
        cpu: {
            wallS, cores: cpuAfter.total - cpuBefore.total > 0 ? (cpuAfter.total - cpuBefore.total) / CLK_TCK / wallS : null,
            serverPct: pct(ticks('server')), postgresPct: pct(ticks('postgres')), redisPct: pct(ticks('redis')),
            loadgenPct: pct(ticks('loadgen')), otherPct: Math.max(0, pct(busy - ours)), busyPct: pct(busy),
            iowaitPct: pct(cpuAfter.iowait - cpuBefore.iowait),
            phases: {
                create: phaseCpu(t0, lastCreated),
                put: phaseCpu(firstPutStart, lastPutEnd),
                processing: phaseCpu(lastPutEnd, lastReady ?? tEnd),
            },
            topOthers: Object.values(others).sort((a, b) => b.ticks - a.ticks).slice(0, 8)
                .map((o) => ({ comm: o.comm, processes: o.processes, pct: (100 * o.ticks) / CLK_TCK / samplerWall })),
        },
        timeline: timeline(S, t0, records),
        records: records.map((r) => ({
            index: r.index, user: r.user, status: r.status, failure: r.failure?.kind ?? null, polls: r.polls,
            createMs: ms(r, 'start', 'created'), putStartMs: r.t.putStart !== undefined ? r.t.putStart - t0 : null,
            putMs: ms(r, 'putStart', 'putEnd'), completeMs: ms(r, 'putEnd', 'completed'),
            readyMs: r.status === 'ready' ? r.t.finished - t0 : null,
        })),
    };
    fs.writeFileSync(cfg.out, JSON.stringify(result, null, 1));
    log(`${ok.length}/${cfg.uploads} ready; wall ${(result.wallMs / 1000).toFixed(2)} s; PUT phase ${result.putPhase.mibPerS?.toFixed(1)} MiB/s; peak RSS ${(result.rss.peakKib / 1024).toFixed(0)} MiB`);
    return result.allReady ? 0 : 1;
}

// One row per second of the burst: RSS, disk, and how many uploads were in each step.
function timeline(S, t0, records) {
    const rows = [];
    const end = S.at(-1)[0];
    for (let t = t0; t <= end + 1; t += 1000) {
        const s = [...S].reverse().find((x) => x[0] <= t) ?? S[0];
        const stage = (r) => {
            if (r.t.finished !== undefined && r.t.finished <= t) return r.status === 'ready' ? 'ready' : 'failed';
            if (r.t.completed !== undefined && r.t.completed <= t) return 'processing';
            if (r.t.putStart !== undefined && r.t.putStart <= t) return 'put';
            return 'create';
        };
        const counts = { create: 0, put: 0, processing: 0, ready: 0, failed: 0 };
        for (const r of records) counts[stage(r)] += 1;
        rows.push({ s: Math.round((t - t0) / 1000), rssKib: s[1], mediaBytes: s[2], scratchBytes: s[4], ...counts });
    }
    return rows;
}

// ---------------------------------------------------------------------------------------
// report: the Markdown results file. Machine and run details come from REPORT_* variables
// set by bench/upload-bench.

function report(file) {
    const R = JSON.parse(fs.readFileSync(file, 'utf8'));
    const E = (name, fallback = 'unknown') => process.env[`REPORT_${name}`] || fallback;
    const f0 = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));
    const f1 = (v) => (v === null || v === undefined ? '—' : v.toFixed(1));
    const f2 = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));
    const mib = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / MiB).toFixed(1));
    const kmib = (kib) => (kib === null || kib === undefined ? '—' : (kib / 1024).toFixed(1));
    const C = R.config;
    const lines = [];
    const p = (s = '') => lines.push(s);
    const row = (label, s) => `| ${label} | ${s.n ?? 0} | ${f0(s.p50)} | ${f0(s.p95)} | ${f0(s.max)} | ${f0(s.min)} | ${f0(s.mean)} |`;

    p(`# Upload benchmark, ${E('DATE')}`);
    p();
    p(`Commit \`${E('SHA')}\`${E('DIRTY', '')}. ${R.uploads} uploads started at the same moment, each the whole flow of`);
    p('docs/media.md (create → PUT → complete → poll until `ready`), spread over ' + `${C.users} users (${Math.ceil(R.uploads / C.users)} each;`);
    p(`at most 20 unfinished uploads per user are allowed). The photo: ${E('PHOTO_DESC')}.`);
    p();
    p(`**${R.ready} of ${R.uploads} uploads ended \`ready\`${R.allReady ? '' : ' — FAILED'}.**`);
    // Busy: other processes used a tenth of a core or more during the burst, or the load
    // average was 1 or more before the run started anything.
    const load1 = Number(E('LOAD_BEFORE', '0').split(' ')[0]);
    const busyWhy = [];
    if (R.cpu.otherPct >= 10) busyWhy.push(`other processes used ${f0(R.cpu.otherPct)} % of one core during the burst`);
    if (load1 >= 1) busyWhy.push(`the load average was ${E('LOAD_BEFORE')} before the run`);
    if (busyWhy.length > 0) {
        p();
        p(`**The machine was busy during this run**: ${busyWhy.join('; ')}. Wall-clock figures are slower than on a quiet`);
        p('machine; the CPU section says what competed, and by how much.');
    } else {
        p();
        p(`The machine was quiet: other processes used ${f0(R.cpu.otherPct)} % of one core during the burst (load average ${E('LOAD_BEFORE')} before the run).`);
    }
    p();
    p('## Figures');
    p();
    p('| | |');
    p('|---|---:|');
    p(`| Wall time, start of all ${R.uploads} until the last is ready | ${f2(R.wallMs / 1000)} s |`);
    p(`| Upload throughput over the PUT phase (${R.putPhase.puts} × ${C.photoBytes.toLocaleString('en-US')} bytes ÷ first PUT start → last PUT end, ${f2(R.putPhase.ms / 1000)} s) | ${f1(R.putPhase.mibPerS)} MiB/s |`);
    p(`| PUT phase: first PUT started / last PUT answered, after the start | ${f0(R.putPhase.firstStartMs)} / ${f0(R.putPhase.lastEndMs)} ms |`);
    p(`| Processing: first complete → last ready | ${f2((R.processingPhase.lastReadyMs - R.processingPhase.firstCompleteMs) / 1000)} s, ${f2(R.processingPhase.imagesPerS)} images/s |`);
    p(`| Server peak RSS (VmRSS sampled every ${C.sampleMs} ms) | ${kmib(R.rss.peakKib)} MiB, at ${f1(R.rss.peakAtMs / 1000)} s |`);
    p(`| Server RSS before the first upload / when the last PUT was answered / at the end | ${kmib(R.rss.beforeKib)} / ${kmib(R.rss.atPutPhaseEndKib)} / ${kmib(R.rss.atEndKib)} MiB |`);
    if (R.rss.putsOnly) {
        const po = R.rss.putsOnly;
        p(`| Server peak RSS while only PUTs ran (start → first complete at ${f1(po.untilMs / 1000)} s, no processing yet) | ${kmib(po.peakKib)} MiB at ${f1(po.atMs / 1000)} s with ${po.putsInFlight} PUTs in flight: ${kmib(po.peakKib - R.rss.beforeKib)} MiB over the idle server |`);
    }
    p(`| Server VmHWM at the end (the kernel's high-water mark, between samples too) | ${kmib(R.rss.hwmKib)} MiB |`);
    p(`| Peak disk used under MEDIA_ROOT (du: allocated blocks) | ${mib(R.disk.mediaPeakBytes)} MiB in ${R.disk.mediaPeakFiles} files, at ${f1(R.disk.mediaPeakAtMs / 1000)} s (before the burst: ${mib(R.disk.mediaBeforeBytes)} MiB in ${R.disk.mediaBeforeFiles} files${R.warmups.length ? ', the warm-up\'s' : ''}) |`);
    p(`| Peak disk used in the server's TMPDIR (upload scratch files, processing work directories) | ${mib(R.disk.scratchPeakBytes)} MiB in ${R.disk.scratchPeakFiles} files, at ${f1(R.disk.scratchPeakAtMs / 1000)} s (at the end: ${mib(R.disk.scratchEndBytes)} MiB) |`);
    p(`| Failures | ${Object.keys(R.failures).length === 0 ? 'none' : Object.entries(R.failures).map(([k, v]) => `${k}: ${v.count}`).join('; ')} |`);
    p(`| Status polls (GET /api/v1/media/{id} every ${C.pollMs} ms) | ${R.polls} |`);
    p(`| Dimensions the server reported | ${R.dimensions.join(', ') || '—'} |`);
    p();
    p('Per upload, ms (nearest-rank percentiles; "start" is the moment all uploads were started):');
    p();
    p('| Step | n | p50 | p95 | Max | Min | Mean |');
    p('|---|---:|---:|---:|---:|---:|---:|');
    p(row('create: `POST /media/uploads` → 201', R.create));
    p(row('**PUT** of the bytes → 204', R.put));
    p(row('complete: `POST /media/{id}/complete` → 202', R.complete));
    p(row('complete → `ready` seen by a poll (queue + processing)', R.processing));
    p(row('**start → ready**', R.total));
    p();
    p(`Per-PUT rate: p50 ${f1(R.putPhase.perPutMibPerS.p50)}, min ${f1(R.putPhase.perPutMibPerS.min)}, max ${f1(R.putPhase.perPutMibPerS.max)} MiB/s (one upload's bytes ÷ its PUT time).`);
    p(`Ready times are those of the first poll that saw \`ready\`: up to ${C.pollMs} ms late. The last create was answered`);
    p(`${f0(R.lastCreateMs)} ms after the start.`);
    if (Object.keys(R.failures).length > 0) {
        p();
        p('### Failures');
        p();
        p('| Kind | Count | Example answer |');
        p('|---|---:|---|');
        for (const [k, v] of Object.entries(R.failures)) p(`| ${k} | ${v.count} | ${(v.example || '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    }
    p();
    p('## CPU during the burst');
    p();
    p(`Share of one core (100 % = one of the ${E('NPROC')} cores) from the start of the uploads to the last ready, ${f1(R.cpu.wallS)} s:`);
    p();
    p('| Server | PostgreSQL | Redis | Load generator (node) | Everything else | Machine busy |');
    p('|---:|---:|---:|---:|---:|---:|');
    p(`| ${f0(R.cpu.serverPct)} % | ${f0(R.cpu.postgresPct)} % | ${f0(R.cpu.redisPct)} % | ${f0(R.cpu.loadgenPct)} % | ${f0(R.cpu.otherPct)} % | ${f0(R.cpu.busyPct)} % of ${E('NPROC')}00 % |`);
    p();
    p(`By phase (from the ${C.sampleMs}-ms samples around each; "rest" is PostgreSQL, Redis and everything else; iowait is idle time`);
    p('waiting for the disk, not included in busy):');
    p();
    p('| Phase | From → to, s | Server | Load generator | Rest | Machine busy | iowait |');
    p('|---|---|---:|---:|---:|---:|---:|');
    const phaseNames = { create: 'creates (start → last 201)', put: 'PUTs (first PUT start → last 204)', processing: 'processing (last 204 → last ready)' };
    for (const [k, label] of Object.entries(phaseNames)) {
        const ph = R.cpu.phases[k];
        if (!ph) continue;
        p(`| ${label} | ${f1(ph.fromMs / 1000)} → ${f1(ph.toMs / 1000)} | ${f0(ph.server)} % | ${f0(ph.loadgen)} % | ${f0(ph.rest)} % | ${f0(ph.busy)} % | ${f0(ph.iowait)} % |`);
    }
    p();
    if (R.cpu.topOthers.length > 0) {
        p(`What else used the CPU (processes seen by a once-a-second scan of /proc, by command name; share of one core over the`);
        p(`sampler's ${f1(R.sampling.wallS)} s, which starts before the warm-up and ends after the burst; this run's server,`);
        p('PostgreSQL, Redis and load generator are left out, so a `service-server` or `postgres` here is someone else\'s):');
        p();
        p('| Command | Processes | CPU % |');
        p('|---|---:|---:|');
        for (const o of R.cpu.topOthers) p(`| ${o.comm} | ${o.processes} | ${f1(o.pct)} |`);
        p();
    }
    p(`Load average: ${E('LOAD_BEFORE')} before the run (before the stack started), ${E('LOAD_AFTER')} after it.`);
    p();
    p('Before the run: `uptime`, `ps -eo pcpu,comm --sort=-pcpu | head` (each process\'s average since it started) and');
    p('`top`\'s second frame (the CPU use of the 2 s before the run):');
    p();
    p('```');
    p(E('UPTIME_BEFORE'));
    p();
    p(E('PS_BEFORE'));
    p();
    p(E('TOP_BEFORE', '(top is not installed)'));
    p('```');
    p();
    p('## Timeline');
    p();
    p('<details><summary>Once a second from the start: server RSS, disk, and the uploads in each step</summary>');
    p();
    p('| s | RSS MiB | MEDIA_ROOT MiB | TMPDIR MiB | creating | PUT | processing | ready | failed |');
    p('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const t of R.timeline) p(`| ${t.s} | ${kmib(t.rssKib)} | ${mib(t.mediaBytes)} | ${mib(t.scratchBytes)} | ${t.create} | ${t.put} | ${t.processing} | ${t.ready} | ${t.failed} |`);
    p();
    p('</details>');
    p();
    p(`Sampling: ${R.sampling.samples} samples over ${f1(R.sampling.wallS)} s, mean gap ${f0(R.sampling.meanGapMs)} ms, largest gap ${f0(R.sampling.maxGapMs)} ms`);
    p('(a worker thread of the load generator reads /proc/<pid>/status and walks both directories).');
    p();
    p('## Server');
    p();
    p('| | |');
    p('|---|---|');
    p(`| Settings | ${E('SERVER_SETTINGS')} |`);
    p(`| Database after the run | ${E('DB_STATUS')} |`);
    p(`| Log (LOG_LEVEL=warn) | ${E('SERVER_LOG')} |`);
    p(`| Threads at the end | ${R.rss.threadsAtEnd ?? '—'} |`);
    p(`| Warm-up | ${R.warmups.length === 0 ? 'none' : R.warmups.map((w) => `${w.status ?? w.failure.kind} in ${f0(w.ms)} ms`).join(', ')} (one upload alone, unrecorded, before the burst) |`);
    p();
    p('## Machine');
    p();
    p('| | |');
    p('|---|---|');
    p(`| CPU | ${E('CPU')} |`);
    p(`| Cores | ${E('CORES')} |`);
    p(`| RAM | ${E('RAM')} |`);
    p(`| Kernel | ${E('KERNEL')} |`);
    p(`| OS | ${E('OS')} |`);
    p(`| Build | ${E('BUILD')} |`);
    p(`| PostgreSQL | ${E('PG')} |`);
    p(`| Redis | ${E('REDIS')} |`);
    p(`| Node | ${process.version} (global fetch: undici) |`);
    p(`| ImageMagick | ${E('MAGICK')} |`);
    if (E('NOTE', '') !== '') p(`| Note | ${E('NOTE')} |`);
    p();
    p('The server, PostgreSQL, Redis and the load generator share this machine; the uploads go over loopback.');
    p();
    p('## Command');
    p();
    p('```sh');
    p(E('COMMAND'));
    p('```');
    p();
    p('which ran:');
    p();
    p('```sh');
    p(E('STEPS'));
    p('```');
    p();
    return lines.join('\n');
}

// ---------------------------------------------------------------------------------------

if (!isMainThread) {
    sampler();
} else {
    const [mode, arg] = process.argv.slice(2);
    if (mode === 'run') {
        run().then((code) => process.exit(code), (e) => {
            process.stderr.write(`uploads.mjs: ${e.stack ?? e}\n`);
            process.exit(1);
        });
    } else if (mode === 'report' && arg) {
        process.stdout.write(report(arg));
    } else {
        usage('unknown mode');
    }
}
