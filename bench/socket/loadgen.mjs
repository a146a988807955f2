// The load generator of bench/socket-bench, for one scenario: forks LOADGEN_PROCS worker
// processes (worker.mjs), opens SOCKETS sockets through them, then runs the fixed-rate and the
// max-rate messaging phases over PAIRS pairs, and writes every figure as JSON to OUT.
// Started by the driver; reads its settings from the environment (see socket-bench --help).
import { fork } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { concat, summarize } from "./stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function env(name, fallback) {
    const v = process.env[name];
    if (v === undefined || v === "") {
        if (fallback === undefined) throw new Error(`${name} is required`);
        return fallback;
    }
    return v;
}
const int = (name, fallback) => {
    const v = Number(env(name, String(fallback)));
    if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
    return v;
};

const cfg = {
    urls: env("BENCH_URLS").split(","),
    pairsFile: env("BENCH_PAIRS_FILE"),
    out: env("BENCH_OUT"),
    secret: env("JWT_SECRET"),
    serverPids: env("BENCH_SERVER_PIDS").split(",").map(Number),
    serverLogs: env("BENCH_SERVER_LOGS").split(","),
    pgPid: Number(env("BENCH_PG_PID", "0")),
    redisPid: Number(env("BENCH_REDIS_PID", "0")),
    sockets: int("SOCKETS", 1000),
    pairs: int("PAIRS", 500),
    rate: int("RATE", 500),
    durationMs: int("DURATION", 20) * 1000,
    window: int("WINDOW", 1),
    drainMs: int("DRAIN", 10) * 1000,
    procs: int("LOADGEN_PROCS", 2),
    concurrency: int("CONNECT_CONCURRENCY", 200),
    connectTimeoutMs: int("CONNECT_TIMEOUT", 30) * 1000,
    settleMs: int("SETTLE", 3) * 1000,
    phases: env("PHASES", "rate max").split(/\s+/).filter(Boolean),
};
const nodes = cfg.urls.length;
const log = (...a) => console.error("socket-bench:", ...a);

// ---------------------------------------------------------------------------------------
// /proc readings

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux
function ticks(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(f[11]) + Number(f[12]); // utime + stime (fields 14 and 15)
    } catch {
        return 0;
    }
}
function children(ppid) {
    const out = [];
    for (const entry of readdirSafe("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
            const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            if (Number(f[1]) === ppid) out.push(Number(entry));
        } catch {
            // gone
        }
    }
    return out;
}
function readdirSafe(d) {
    try {
        return readdirSync(d);
    } catch {
        return [];
    }
}
function machineTicks() {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return { busy: line[0] + line[1] + line[2] + line[5] + line[6] + line[7], irq: line[5] + line[6] };
}
function rssKiB(pid) {
    try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) : null;
    } catch {
        return null;
    }
}
function threads(pid) {
    try {
        const m = /Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) : null;
    } catch {
        return null;
    }
}
function fdCount(pid) {
    return readdirSafe(`/proc/${pid}/fd`).length;
}
function lineCount(file) {
    try {
        const text = readFileSync(file, "utf8");
        return text === "" ? 0 : text.split("\n").filter((l) => l !== "").length;
    } catch {
        return 0;
    }
}

let workerPids = [];
function cpuSnapshot() {
    const pg = cfg.pgPid ? [cfg.pgPid, ...children(cfg.pgPid)] : [];
    return {
        at: performance.now(),
        ...machineTicks(),
        servers: cfg.serverPids.map(ticks),
        pg: pg.reduce((s, p) => s + ticks(p), 0),
        redis: cfg.redisPid ? ticks(cfg.redisPid) : 0,
        loadgen: ticks(process.pid) + workerPids.reduce((s, p) => s + ticks(p), 0),
    };
}
function cpuUse(a, b) {
    const secs = (b.at - a.at) / 1000;
    const pct = (t) => Math.round((100 * t) / CLK_TCK / secs);
    const servers = b.servers.map((t, i) => t - a.servers[i]);
    const known = servers.reduce((s, t) => s + t, 0) + (b.pg - a.pg) + (b.redis - a.redis) + (b.loadgen - a.loadgen);
    return {
        seconds: secs,
        servers: servers.map(pct),
        pg: pct(b.pg - a.pg),
        redis: pct(b.redis - a.redis),
        loadgen: pct(b.loadgen - a.loadgen),
        irq: pct(b.irq - a.irq),
        other: Math.max(0, pct(b.busy - a.busy - (b.irq - a.irq) - known)),
        total: pct(b.busy - a.busy),
    };
}

// ---------------------------------------------------------------------------------------
// Workers

const allPairs = readFileSync(cfg.pairsFile, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
        const [pair, chat, a, b] = l.split("\t");
        return { pair: Number(pair), chat, a, b };
    });
const nPairs = Math.floor(cfg.sockets / 2);
if (allPairs.length < nPairs) throw new Error(`${cfg.pairsFile} has ${allPairs.length} pairs, ${nPairs} needed`);
const active = Math.min(cfg.pairs, nPairs);
const procs = Math.max(1, Math.min(cfg.procs, nPairs));

const perWorker = Array.from({ length: procs }, () => ({ sockets: [], pairs: [] }));
const perNode = new Array(nodes).fill(0);
for (let p = 0; p < nPairs; p += 1) {
    const { chat, a, b } = allPairs[p];
    const w = perWorker[p % procs];
    // The sender on the first node, the receiver on the last one (the other node when NODES=2).
    w.sockets.push({ index: 2 * p, user: a, node: 0, role: p < active ? "sender" : "idle" });
    w.sockets.push({ index: 2 * p + 1, user: b, node: nodes - 1, role: p < active ? "receiver" : "idle" });
    perNode[0] += 1;
    perNode[nodes - 1] += 1;
    if (p < active) w.pairs.push({ pair: p, chat, sender: 2 * p, receiver: 2 * p + 1 });
}

const workers = perWorker.map((_, i) => {
    const child = fork(join(here, "worker.mjs"), [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.inbox = [];
    child.waiters = [];
    child.on("message", (m) => {
        const w = child.waiters.findIndex((x) => x.type === m.type);
        if (w >= 0) {
            const [x] = child.waiters.splice(w, 1);
            x.resolve(m);
        } else child.inbox.push(m);
    });
    child.on("exit", (code) => {
        if (code !== 0 && !child.closing) log(`load-generator worker ${i} exited with ${code}`);
        for (const x of child.waiters) x.reject(new Error(`worker ${i} exited (${code})`));
        child.waiters = [];
    });
    return child;
});
workerPids = workers.map((w) => w.pid);
function expect(child, type) {
    const i = child.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(child.inbox.splice(i, 1)[0]);
    return new Promise((resolve, reject) => child.waiters.push({ type, resolve, reject }));
}
async function all(message, reply) {
    const waits = workers.map((w) => expect(w, reply));
    for (const w of workers) w.send(message);
    return Promise.all(waits);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------

const result = {
    config: { ...cfg, secret: undefined, nodes, socketsPerNode: perNode, activePairs: active, procs },
    cpus: cpus().length,
};

const run = randomBytes(4).toString("hex");

async function main() {
    await Promise.all(workers.map((w, i) => {
        const ready = expect(w, "ready");
        w.send({ type: "init", worker: i, run, secret: cfg.secret, sockets: perWorker[i].sockets, pairs: perWorker[i].pairs });
        return ready;
    }));

    result.before = cfg.serverPids.map((pid) => ({ rssKiB: rssKiB(pid), threads: threads(pid), fds: fdCount(pid) }));

    // --- connect
    log(`connecting ${cfg.sockets} sockets (${perNode.join(" + ")} per node) through ${procs} process(es)`);
    const c0 = cpuSnapshot();
    const t0 = performance.now();
    const connected = await all(
        { type: "connect", urls: cfg.urls.map((u) => `${u}/socket.io/?EIO=4&transport=websocket`), concurrency: cfg.concurrency, timeoutMs: cfg.connectTimeoutMs },
        "connected",
    );
    const connectMs = performance.now() - t0;
    const c1 = cpuSnapshot();
    const errors = {};
    for (const c of connected) for (const [k, v] of Object.entries(c.errors)) errors[k] = (errors[k] ?? 0) + v;
    result.connect = {
        requested: cfg.sockets,
        ok: connected.reduce((s, c) => s + c.ok, 0),
        okByNode: cfg.urls.map((_, i) => connected.reduce((s, c) => s + c.okByNode[i], 0)),
        failed: connected.reduce((s, c) => s + c.failed, 0),
        errors,
        wallMs: connectMs,
        latency: summarize(concat(connected.map((c) => c.latencies))),
        loopDelayP99Ms: Math.max(...connected.map((c) => c.loopDelayP99Ms)),
        cpu: cpuUse(c0, c1),
    };
    log(`connected ${result.connect.ok}/${cfg.sockets} in ${(connectMs / 1000).toFixed(1)} s` +
        (result.connect.failed ? `, ${result.connect.failed} failed: ${JSON.stringify(errors)}` : ""));

    await sleep(cfg.settleMs);
    result.afterConnect = cfg.serverPids.map((pid) => ({ rssKiB: rssKiB(pid), threads: threads(pid), fds: fdCount(pid) }));
    result.statusAfterConnect = await all({ type: "status" }, "status");

    // --- messaging
    result.phases = [];
    if (active > 0 && result.connect.ok > 0) {
        const holder = workers[0];
        const probe = expect(holder, "probe-done");
        holder.send({ type: "probe", pair: 0, timeoutMs: 15000 });
        result.probe = await probe;
        log(`path check: ${result.probe.ok ? `delivered after ${result.probe.ms.toFixed(0)} ms (${result.probe.attempts} attempt(s))` : `FAILED ${JSON.stringify(result.probe.ackErrors)}`}`);
        let tag = 0;
        for (const mode of cfg.phases) {
            tag += 1;
            const label = mode === "rate" ? `fixed rate ${cfg.rate} msg/s` : `max rate (${cfg.window} in flight per sender)`;
            log(`${label}: ${active} pairs for ${cfg.durationMs / 1000} s`);
            const s0 = cpuSnapshot();
            const done = await all(
                { type: "phase", tag, mode, durationMs: cfg.durationMs, ratePerSender: cfg.rate / active, window: cfg.window, drainMs: cfg.drainMs, active },
                "phase-done",
            );
            const s1 = cpuSnapshot();
            const sum = (k) => done.reduce((s, d) => s + d[k], 0);
            const ackErrors = {};
            for (const d of done) for (const [k, v] of Object.entries(d.ackErrors)) ackErrors[k] = (ackErrors[k] ?? 0) + v;
            const windowS = Math.max(...done.map((d) => d.sendWindowMs)) / 1000;
            const ph = {
                mode,
                label,
                senders: sum("senders"),
                windowS,
                sent: sum("sent"),
                acked: sum("acked"),
                ackedInWindow: sum("ackedInWindow"),
                delivered: sum("delivered"),
                skipped: sum("skipped"),
                late: sum("late"),
                ackErrors,
                ackTimeouts: sum("ackTimeouts"),
                drainedS: Math.max(...done.map((d) => d.drainedMs)) / 1000,
                offeredPerS: sum("sent") / windowS,
                committedPerS: sum("ackedInWindow") / windowS,
                ack: summarize(concat(done.map((d) => d.ackLat))),
                e2e: summarize(concat(done.map((d) => d.e2eLat))),
                loopDelayP99Ms: Math.max(...done.map((d) => d.loopDelayP99Ms)),
                loopDelayMaxMs: Math.max(...done.map((d) => d.loopDelayMaxMs)),
                cpu: cpuUse(s0, s1),
                rssKiB: cfg.serverPids.map(rssKiB),
            };
            result.phases.push(ph);
            log(`  ${ph.committedPerS.toFixed(0)} msg/s committed, ack p50/p99 ${ph.ack.p50?.toFixed(1)}/${ph.ack.p99?.toFixed(1)} ms, ` +
                `send->receive p50/p99 ${ph.e2e.p50?.toFixed(1)}/${ph.e2e.p99?.toFixed(1)} ms, ` +
                `errors ${JSON.stringify(ackErrors)}, no ack ${ph.ackTimeouts}, not delivered ${ph.acked - ph.delivered}`);
            await sleep(1000);
        }
    }

    // --- end state
    const status = await all({ type: "status" }, "status");
    const closes = {};
    const events = {};
    for (const s of status) {
        for (const [k, v] of Object.entries(s.closes)) closes[k] = (closes[k] ?? 0) + v;
        for (const [k, v] of Object.entries(s.events)) events[k] = (events[k] ?? 0) + v;
    }
    result.end = {
        connected: status.reduce((s, x) => s + x.connected, 0),
        closes,
        events,
        servers: cfg.serverPids.map((pid) => ({ rssKiB: rssKiB(pid), threads: threads(pid), fds: fdCount(pid), alive: rssKiB(pid) !== null })),
        logLines: cfg.serverLogs.map(lineCount),
    };
    log(`still connected at the end: ${result.end.connected}/${result.connect.ok}` +
        (Object.keys(closes).length ? `; closed: ${JSON.stringify(closes)}` : ""));

    for (const w of workers) w.closing = true;
    await all({ type: "close" }, "closed");
    writeFileSync(cfg.out, JSON.stringify(result, null, 1));
}

main().catch((e) => {
    log(`error: ${e.stack ?? e}`);
    try {
        result.fatal = String(e.stack ?? e);
        writeFileSync(cfg.out, JSON.stringify(result, null, 1));
    } catch {
        // nothing more to do
    }
    for (const w of workers) w.kill();
    process.exit(1);
});
