// Turns the scenario directories of a socket-bench run (result.json, node<N>.log,
// close-seconds, stop-seconds) into the Markdown results file, on stdout. The machine and the
// command come from REPORT_* environment variables set by the driver.
// Exit status 3: the report was written, but some scenario had failures.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

const E = (k) => process.env[`REPORT_${k}`] ?? "";
const dirs = process.argv.slice(2);
const lines = [];
const out = (s = "") => lines.push(s);

const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1));
const f0 = (x) => (x === null || x === undefined || Number.isNaN(x) ? "–" : Math.round(x).toLocaleString("en-US"));
const mib = (kib) => (kib === null || kib === undefined ? "–" : (kib / 1024).toFixed(0));
const lat = (s) => (s && s.count ? `${f1(s.p50)} / ${f1(s.p95)} / ${f1(s.p99)}` : "–");
const obj = (o) => {
    const entries = Object.entries(o ?? {});
    return entries.length ? entries.map(([k, v]) => `${v}× ${k}`).join("; ") : "0";
};
const readText = (p) => (existsSync(p) ? readFileSync(p, "utf8").trim() : "");

const scenarios = dirs.map((dir) => {
    const file = join(dir, "result.json");
    const r = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { fatal: "no result.json (the load generator died)" };
    const nodes = r.config?.nodes ?? Number(basename(dir)[0]);
    const logs = [];
    for (let i = 1; i <= 2; i += 1) {
        const p = join(dir, `node${i}.log`);
        if (existsSync(p)) logs.push(readFileSync(p, "utf8").split("\n").filter((l) => l.trim() !== ""));
    }
    return { dir, name: basename(dir), nodes, r, logs, closeS: readText(join(dir, "close-seconds")), idleS: readText(join(dir, "idle-seconds")),
        loadavg: readText(join(dir, "loadavg")), openAfter: readText(join(dir, "open-after-close")), stopS: readText(join(dir, "stop-seconds")) };
});

// Failures of a scenario, as text.
function failures(s) {
    const r = s.r;
    const f = [];
    if (r.fatal) f.push(`load generator error: ${r.fatal.split("\n")[0]}`);
    if (r.connect?.failed) f.push(`${r.connect.failed} of ${r.connect.requested} sockets did not connect (${obj(r.connect.errors)})`);
    if (r.end && r.connect && r.end.connected < r.connect.ok) {
        f.push(`${r.connect.ok - r.end.connected} sockets were closed during the run (${obj(r.end.closes)})`);
    }
    if (r.probe && !r.probe.ok) f.push(`the end-to-end check failed (${obj(r.probe.ackErrors)})`);
    for (const ph of r.phases ?? []) {
        const errs = Object.values(ph.ackErrors).reduce((a, b) => a + b, 0);
        if (errs) f.push(`${ph.label}: ${errs} error acks (${obj(ph.ackErrors)})`);
        if (ph.ackTimeouts) f.push(`${ph.label}: ${ph.ackTimeouts} messages without an ack ${r.config.drainMs / 1000} s after the phase`);
        if (ph.acked > ph.delivered) f.push(`${ph.label}: ${ph.acked - ph.delivered} acknowledged messages not delivered to the receiver`);
        if (ph.skipped) f.push(`${ph.label}: ${ph.skipped} sends skipped (sender or receiver not connected)`);
    }
    for (const [i, srv] of (r.end?.servers ?? []).entries()) if (!srv.alive) f.push(`node ${i + 1} died`);
    return f;
}

const title = (s) => `${s.nodes} node${s.nodes > 1 ? "s" : ""}, ${f0(s.r.config?.sockets ?? Number(s.name.split("-")[1]))} sockets`;

const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const cfg0 = scenarios.find((s) => s.r.config)?.r.config ?? {};
out(`# Real-time benchmark, ${now}`);
out();
out(`Commit \`${E("SHA")}\`. Socket.IO over WebSocket against \`service-server\` (its own Engine.IO/Socket.IO`);
out(`implementation), a fresh node or pair of nodes per scenario on a throw-away PostgreSQL + Redis stack.`);
out(`Messaging: ${cfg0.pairs ?? "?"} pairs, sender → receiver in their direct chat, ${(cfg0.durationMs ?? 0) / 1000} s at a fixed`);
out(`${cfg0.rate ?? "?"} msg/s in total (open loop), then ${(cfg0.durationMs ?? 0) / 1000} s at the maximum rate (${cfg0.window ?? "?"} message(s) in flight`);
out(`per sender, the next one sent on the ack). With 2 nodes every sender is on node 1 and every`);
out(`receiver on node 2, so each \`message:new\` reaches its receiver through Redis.`);
out();
out(`**Everything shares ${E("CORES")}**: the server node(s), PostgreSQL, Redis and the Node load`);
out(`generator (${cfg0.procs ?? "?"} worker processes) compete for the same cores, so the figures are a lower bound of`);
out(`what the server does on its own hardware; the CPU tables below show who used what.`);
out();

// --- summary
out("## Connections");
out();
out("| Scenario | Connected | Time to connect all | Connects/s | Connect latency p50 / p95 / p99 ms | Server RSS before → after connect, MiB | RSS per connection | Still connected at the end |");
out("|---|---:|---:|---:|---|---|---:|---:|");
for (const s of scenarios) {
    const r = s.r;
    if (!r.connect) {
        out(`| ${title(s)} | – | – | – | – | – | – | – |`);
        continue;
    }
    const rss = r.before.map((b, i) => `${mib(b.rssKiB)} → ${mib(r.afterConnect[i].rssKiB)}`).join(" ; ");
    const perConn = r.before
        .map((b, i) => {
            const n = r.connect.okByNode[i];
            const d = r.afterConnect[i].rssKiB - b.rssKiB;
            return n ? `${f1(d / n)} KiB` : "–";
        })
        .join(" ; ");
    out(`| ${title(s)} | ${f0(r.connect.ok)} / ${f0(r.connect.requested)} | ${(r.connect.wallMs / 1000).toFixed(2)} s | ` +
        `${f0(r.connect.ok / (r.connect.wallMs / 1000))} | ${lat(r.connect.latency)} | ${rss} | ${perConn} | ` +
        `${r.end ? `${f0(r.end.connected)} / ${f0(r.connect.ok)}` : "–"} |`);
}
out();
out("\"Time to connect all\": from the first WebSocket opened to the last Socket.IO CONNECT");
out(`answered, with at most ${cfg0.concurrency ?? "?"} handshakes in flight per load-generator process. A connect is the`);
out("WebSocket upgrade, the Engine.IO open packet, `40{\"token\"}` → JWT check and a user lookup in PostgreSQL →");
out("`40{\"sid\"}`; the server then runs the presence handler (last seen, the user's contacts, a `presence`");
out("event to the partner when online). RSS is VmRSS of each node (`;` separates node 1 and node 2),");
out(`read before the first connect and ${(cfg0.settleMs ?? 0) / 1000} s after the last; per connection = the growth ÷ the node's`);
out("connected sockets. It includes whatever the allocator keeps from the burst, so it is an upper bound.");
out();

out("## Messages");
out();
out("| Scenario | Phase | Offered msg/s | Committed msg/s | Ack p50 / p95 / p99 ms | Send → receive p50 / p95 / p99 ms | Max send → receive ms | Errors | No ack | Not delivered |");
out("|---|---|---:|---:|---|---|---:|---:|---:|---:|");
for (const s of scenarios) {
    for (const ph of s.r.phases ?? []) {
        const errs = Object.values(ph.ackErrors).reduce((a, b) => a + b, 0);
        out(`| ${title(s)} | ${ph.mode === "rate" ? "fixed rate" : "max rate"} | ${f0(ph.offeredPerS)} | **${f0(ph.committedPerS)}** | ` +
            `${lat(ph.ack)} | ${lat(ph.e2e)} | ${f1(ph.e2e.max)} | ${errs} | ${ph.ackTimeouts} | ${Math.max(0, ph.acked - ph.delivered)} |`);
    }
}
out();
out("Offered = `message:send` emitted per second of the phase; committed = `{status:\"sent\"}` acks received");
out("within it (the server acks after the COMMIT). Ack latency: emit → ack on the sender's socket.");
out("Send → receive: emit on the sender's socket → `message:new` on the receiver's socket (both ends in");
out("the same load-generator process, one clock). Errors: acks with `status:\"error\"`; no ack: still");
out(`unanswered ${(cfg0.drainMs ?? 0) / 1000} s after the phase; not delivered: acked but no \`message:new\` at the receiver by then.`);
out("In the max-rate phase every sender always has a message waiting, so its latencies are mostly queueing");
out("for the server's PostgreSQL pool (Little's law: senders × window ÷ throughput).");
out();

out("## CPU");
out();
out("Share of one core during each phase (100 % = one core, " + E("CORES") + " in all), from /proc: the server node(s), this");
out("stack's PostgreSQL processes, its Redis, the load generator (coordinator + workers), the kernel's");
out("interrupt and softirq time (loopback TCP), everything else (other users of the machine: compare");
out("runs only when this is small).");
out();
out("| Scenario | Phase | service-server (node 1 ; node 2) | PostgreSQL | Redis | Load generator | Kernel irq/softirq | Other | Machine busy |");
out("|---|---|---|---:|---:|---:|---:|---:|---:|");
for (const s of scenarios) {
    const rows = [];
    if (s.r.connect) rows.push(["connect", s.r.connect.cpu]);
    for (const ph of s.r.phases ?? []) rows.push([ph.mode === "rate" ? "fixed rate" : "max rate", ph.cpu]);
    for (const [label, c] of rows) {
        out(`| ${title(s)} | ${label} | ${c.servers.map((x) => `${x} %`).join(" ; ")} | ${c.pg} % | ${c.redis} % | ${c.loadgen} % | ${c.irq ?? "–"} % | ${c.other} % | ${c.total} % |`);
    }
}
out();
const delays = scenarios.flatMap((s) => (s.r.phases ?? []).map((ph) => `${title(s)} ${ph.mode}: ${f1(ph.loopDelayP99Ms)} ms (max ${f1(ph.loopDelayMaxMs)} ms)`));
if (delays.length) {
    out("Event-loop delay p99 of the busiest load-generator process during the messaging phases (a large value");
    out("means the load generator, not the server, added to the latencies): " + delays.join("; ") + ".");
    out();
}

// --- failures and the server's log
out("## Failures and the server log");
out();
let failed = false;
for (const s of scenarios) {
    const f = failures(s);
    if (f.length) failed = true;
    out(`**${title(s)}**: ${f.length ? f.join("; ") : "no failures"}.`);
    const measured = s.r.end?.logLines ?? [];
    s.logs.forEach((logLines, i) => {
        const cut = measured[i] ?? logLines.length;
        const groups = new Map();
        logLines.forEach((l, n) => {
            let key = l.slice(0, 120);
            try {
                const j = JSON.parse(l);
                key = `${j.level} "${j.msg}"${j.error ? ` (${String(j.error).slice(0, 100)})` : ""}`;
            } catch {
                // not JSON: keep the line's start
            }
            const g = groups.get(key) ?? { during: 0, after: 0 };
            if (n < cut) g.during += 1;
            else g.after += 1;
            groups.set(key, g);
        });
        const text = [...groups].map(([k, g]) => `${k}: ${g.during} during the run, ${g.after} at close/shutdown`).join("; ");
        out(`Node ${i + 1} log (LOG_LEVEL=warn): ${logLines.length} lines${text ? ` — ${text}` : ""}.`);
    });
    const srv = s.r.end?.servers ?? [];
    if (srv.length) {
        out(`At the end of the messaging: ${srv.map((x, i) => `node ${i + 1} RSS ${mib(x.rssKiB)} MiB, ${x.threads} threads, ${x.fds} fds`).join("; ")}. ` +
            `After the load generator closed its sockets: ${s.openAfter === "0" ? `no connection left on the node(s) after ${s.closeS || "?"} s` : `${s.openAfter} connections still established after ${s.closeS || "?"} s`}, ` +
            `their CPU use settled ${s.idleS || "?"} s later (disconnect handlers), SIGTERM to exit took ${s.stopS || "?"} s.`);
    }
    if (s.loadavg) out(`Load average when the scenario started: ${s.loadavg}.`);
    if (s.r.probe) out(`End-to-end check before measuring: ${s.r.probe.ok ? `delivered in ${f0(s.r.probe.ms)} ms (${s.r.probe.attempts} attempt(s))` : "failed"}.`);
    const ev = s.r.end?.events;
    if (ev) out(`Server events received by all sockets: ${Object.entries(ev).map(([k, v]) => `${k} ${f0(v)}`).join(", ")}.`);
    out();
}

// --- machine and command
out("## Machine");
out();
out("| | |");
out("|---|---|");
out(`| CPU | ${E("CPU")} |`);
out(`| Cores | ${E("CORES")} |`);
out(`| RAM | ${E("RAM")} |`);
out(`| Kernel | ${E("KERNEL")} |`);
out(`| OS | ${E("OS")} |`);
out(`| Server | build/server/service-server, ${E("BUILD_TYPE")}, built ${E("BINARY_BUILT")}; ${E("COMPILER")}` +
    (E("STALE") ? `. **Changed after the build, so not in the measured binary:** ${E("STALE").split(",").map((f) => `\`${f}\``).join(", ")}` : "") + " |");
out(`| Server settings | RATE_LIMIT_PER_MINUTE=0 AUTH_RATE_LIMIT_PER_MINUTE=0 MAX_CONNECTIONS=20000 LOG_LEVEL=warn, JWT_SECRET and NODE_ID per run, other settings default (WORKERS 2, DB_POOL_SIZE 16 unless the command says otherwise) |`);
out(`| PostgreSQL / Redis | ${E("PG")} (scripts/stack, ${process.env.DURABLE === "1" ? "durable: fsync and synchronous_commit on" : "STACK_FAST=1: fsync and synchronous_commit off"}) / ${E("REDIS")} |`);
out(`| Load generator | Node ${E("NODE")}, ws ${E("WS")}, ${cfg0.procs ?? "?"} worker processes |`);
out(`| Open files | ulimit -n ${E("NOFILE")} for the nodes and the load generator (asked for ${E("ULIMIT_WANTED")}, hard limit ${E("NOFILE_HARD")}) |`);
out(`| Kernel limits | net.core.somaxconn ${E("SOMAXCONN")}, ephemeral ports ${E("PORTS")} |`);
out(`| Data | ${f0(Number(E("USERS")))} users and ${f0(Number(E("USERS")) / 2)} direct chats inserted with SQL in ${E("DATA_SECONDS")} s; tokens minted by the load generator |`);
if (E("NOTE")) out(`| Note | ${E("NOTE")} |`);
out();
out("## Command");
out();
out("```sh");
out(E("COMMAND"));
out("```");

process.stdout.write(`${lines.join("\n")}\n`);
process.exitCode = failed ? 3 : 0;
