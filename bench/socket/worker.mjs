// One load-generator process (forked by loadgen.mjs): holds its share of the sockets and runs
// the phases it is told to run over IPC. Both ends of each of its pairs live here, so the
// send -> receive latency is measured with one clock (performance.now()).
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

import { RawSocket } from "./client.mjs";
import { accessToken } from "./jwt.mjs";

const CONTENT = /"content":"b (\d+) ([0-9.]+)/;

let me = 0; // worker number
let run = ""; // this scenario's nonce: client_msg_id must not repeat one of an earlier run, or the server acks the old message as a retry
let sockets = []; // {user, node, sock, role, pair}
let pairs = []; // {pair, chat, sender, receiver, inflight: Map(ack id -> sent at), seq}
const closes = {}; // reason -> count, for sockets that were connected
const events = {}; // event name -> count
let phase = null; // the running messaging phase

function send(message) {
    process.send(message);
}

function count(map, key, n = 1) {
    map[key] = (map[key] ?? 0) + n;
}

// ---------------------------------------------------------------------------------------

function init(msg) {
    me = msg.worker;
    run = msg.run;
    const now = Date.now();
    sockets = msg.sockets.map((s) => ({ ...s, token: accessToken(msg.secret, s.user, { now }), sock: null }));
    const byIndex = new Map(sockets.map((s) => [s.index, s]));
    pairs = msg.pairs.map((p) => ({
        pair: p.pair,
        chat: p.chat,
        sender: byIndex.get(p.sender),
        receiver: byIndex.get(p.receiver),
        inflight: new Map(),
        seq: 0,
        timer: null,
    }));
    for (const p of pairs) {
        p.sender.pairRef = p;
        p.receiver.pairRef = p;
    }
    send({ type: "ready" });
}

function handlersFor(s, onConnected) {
    return {
        onConnect: () => onConnected(null),
        onConnectError: (reason) => onConnected(`connect_error ${reason}`),
        onClose: (reason, was) => {
            if (was === "connected") count(closes, reason);
            else onConnected(reason);
        },
        onEvent: (name, text) => {
            count(events, name);
            if (name === "message:new" && s.role === "receiver") received(s, text);
        },
        onAck: (id, text) => acked(s, id, text),
    };
}

async function connectAll(msg) {
    const { urls, concurrency, timeoutMs } = msg;
    const latencies = [];
    const errors = {};
    let ok = 0;
    const okByNode = urls.map(() => 0);
    let next = 0;
    const started = performance.now();
    let lastAt = started;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await new Promise((resolveAll) => {
        let active = 0;
        let done = 0;
        const launch = () => {
            while (active < concurrency && next < sockets.length) {
                const s = sockets[next];
                next += 1;
                active += 1;
                const t0 = performance.now();
                let settled = false;
                const timer = setTimeout(() => settle("timeout"), timeoutMs);
                const settle = (error) => {
                    if (settled) return;
                    settled = true;
                    clearTimeout(timer);
                    if (error) {
                        count(errors, error.slice(0, 200));
                        s.sock.close();
                    } else {
                        ok += 1;
                        okByNode[s.node] += 1;
                        const t = performance.now();
                        latencies.push(t - t0);
                        lastAt = t;
                    }
                    active -= 1;
                    done += 1;
                    if (done === sockets.length) resolveAll();
                    else launch();
                };
                s.sock = new RawSocket(urls[s.node], s.token, handlersFor(s, settle));
                s.sock.open();
            }
        };
        if (sockets.length === 0) resolveAll();
        else launch();
    });
    delay.disable();
    send({
        type: "connected",
        ok,
        okByNode,
        failed: sockets.length - ok,
        errors,
        latencies: Float64Array.from(latencies),
        elapsedMs: lastAt - started,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
    });
}

// ---------------------------------------------------------------------------------------
// Messaging

function emitMessage(p) {
    const s = p.sender;
    // A pair with an end that is not connected (a failed connect) is skipped, not measured.
    if (!s.sock?.connected || !p.receiver.sock?.connected || !phase) {
        if (phase) phase.skipped += 1;
        return false;
    }
    p.seq += 1;
    const t = performance.now();
    const id = s.sock.emit("message:send", {
        chat_id: p.chat,
        type: "text",
        content: `b ${phase.tag} ${t.toFixed(3)} bench message from pair ${p.pair}`,
        client_msg_id: `${run}-${me}-${phase.tag}-${p.pair}-${p.seq}`,
    });
    p.inflight.set(id, t);
    phase.sent += 1;
    return true;
}

function acked(s, id, text) {
    const p = s.pairRef;
    if (!p || s !== p.sender) return;
    const t0 = p.inflight.get(id);
    if (t0 === undefined) return;
    p.inflight.delete(id);
    const ph = phase;
    if (!ph) return;
    const now = performance.now();
    if (text.includes('"status":"sent"')) {
        ph.acked += 1;
        if (ph.sending) ph.ackedInWindow += 1;
        ph.ackLat.push(now - t0);
    } else {
        let code = "unparsable ack";
        try {
            const v = JSON.parse(text)[0];
            code = v?.error?.code ?? JSON.stringify(v).slice(0, 80);
        } catch {
            // keep the default
        }
        count(ph.ackErrors, code);
    }
    if (ph.mode === "max" && ph.sending) emitMessage(p);
    else maybeDrained();
}

function received(s, text) {
    const ph = phase;
    if (!ph) return;
    const m = CONTENT.exec(text);
    if (!m || Number(m[1]) !== ph.tag) {
        if (m) ph.late += 1;
        return;
    }
    ph.delivered += 1;
    ph.e2eLat.push(performance.now() - Number(m[2]));
    maybeDrained();
}

function outstanding() {
    let n = 0;
    for (const p of pairs) n += p.inflight.size;
    return n;
}

function maybeDrained() {
    const ph = phase;
    if (!ph || ph.sending || !ph.onDrained) return;
    if (outstanding() === 0 && ph.delivered >= ph.acked) ph.onDrained();
}

async function runPhase(msg) {
    const { tag, mode, durationMs, ratePerSender, window, drainMs, active } = msg;
    const mine = pairs.filter((p) => p.pair < active);
    for (const p of pairs) p.inflight.clear();
    phase = {
        tag,
        mode,
        sending: true,
        sent: 0,
        acked: 0,
        ackedInWindow: 0,
        delivered: 0,
        skipped: 0,
        late: 0,
        ackErrors: {},
        ackLat: [],
        e2eLat: [],
        onDrained: null,
    };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const end = started + durationMs;
    if (mode === "rate") {
        // Open loop: each sender sends every `interval` ms from a random offset, whatever the
        // acks do (messages can pile up in the server; that shows in the latencies).
        const interval = 1000 / ratePerSender;
        for (const p of mine) {
            let due = started + Math.random() * interval;
            const tick = () => {
                if (!phase.sending) return;
                emitMessage(p);
                due += interval;
                if (due >= end) return;
                p.timer = setTimeout(tick, Math.max(0, due - performance.now()));
            };
            p.timer = setTimeout(tick, Math.max(0, due - performance.now()));
        }
    } else {
        // Closed loop: each sender keeps `window` messages in flight, the next one on each ack.
        for (const p of mine) for (let i = 0; i < window; i += 1) emitMessage(p);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, end - performance.now())));
    phase.sending = false;
    const sendWindowMs = performance.now() - started;
    for (const p of mine) clearTimeout(p.timer);
    // Drain: wait for the remaining acks and deliveries.
    const drainStart = performance.now();
    await new Promise((resolve) => {
        const timer = setTimeout(resolve, drainMs);
        phase.onDrained = () => {
            clearTimeout(timer);
            resolve();
        };
        maybeDrained();
    });
    const drainedMs = performance.now() - drainStart;
    delay.disable();
    const ph = phase;
    const result = {
        type: "phase-done",
        tag,
        sent: ph.sent,
        acked: ph.acked,
        ackedInWindow: ph.ackedInWindow,
        delivered: ph.delivered,
        skipped: ph.skipped,
        late: ph.late,
        ackErrors: ph.ackErrors,
        ackTimeouts: outstanding(),
        senders: mine.length,
        sendWindowMs,
        drainedMs,
        ackLat: Float64Array.from(ph.ackLat),
        e2eLat: Float64Array.from(ph.e2eLat),
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        loopDelayMaxMs: delay.max / 1e6,
    };
    phase = null;
    for (const p of pairs) p.inflight.clear();
    send(result);
}

// One message through pair `pair` (the path check before measuring): resolves with the time
// to delivery, retrying every second (a second node may not have heard of the first yet).
async function probe(msg) {
    const p = pairs.find((x) => x.pair === msg.pair);
    const started = performance.now();
    let attempt = 0;
    while (performance.now() - started < msg.timeoutMs) {
        attempt += 1;
        phase = {
            tag: 999000 + attempt, mode: "probe", sending: false, sent: 0, acked: 0, ackedInWindow: 0, delivered: 0,
            skipped: 0, late: 0, ackErrors: {}, ackLat: [], e2eLat: [], onDrained: null,
        };
        const got = new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), 1000);
            phase.onDrained = () => {
                clearTimeout(timer);
                resolve(true);
            };
        });
        emitMessage(p);
        if (await got && phase.delivered > 0) {
            const r = { type: "probe-done", ok: true, attempts: attempt, ms: performance.now() - started, ackErrors: phase.ackErrors };
            phase = null;
            send(r);
            return;
        }
        const errs = phase.ackErrors;
        phase = null;
        if (Object.keys(errs).length > 0) {
            send({ type: "probe-done", ok: false, attempts: attempt, ackErrors: errs });
            return;
        }
    }
    send({ type: "probe-done", ok: false, attempts: attempt, ackErrors: {} });
}

function status() {
    let connected = 0;
    for (const s of sockets) if (s.sock?.connected) connected += 1;
    send({ type: "status", connected, total: sockets.length, closes, events });
}

process.on("message", (msg) => {
    switch (msg.type) {
        case "init":
            init(msg);
            break;
        case "connect":
            connectAll(msg);
            break;
        case "phase":
            runPhase(msg);
            break;
        case "probe":
            probe(msg);
            break;
        case "status":
            status();
            break;
        case "close":
            for (const s of sockets) s.sock?.close();
            send({ type: "closed" });
            setTimeout(() => process.exit(0), 100);
            break;
        default:
            break;
    }
});
process.on("disconnect", () => process.exit(0));
