// Several nodes: users on different nodes chat as if on one; a node killed with SIGKILL loses
// no acknowledged message; without Redis delivery stays node-local and recovers afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { promisify } from "node:util";
import net from "node:net";
import { BASE_URL, BASE_URL_2, api, register, connect, next, sleep, track } from "./lib.mjs";

const skip = !BASE_URL_2 && "BASE_URL_2 (a second node) is not set";

async function pair() {
    const anna = await register("Anna");
    const boris = await register("Boris");
    const chat = await api("POST", "/api/v1/chats", { token: anna.token, body: { participant_ids: [boris.id] } });
    return { anna, boris, chatId: chat.body.id };
}

const send = (socket, payload) => socket.timeout(5000).emitWithAck("message:send", payload);

/** Retries `fn` until it stops throwing or `ms` pass. */
async function eventually(fn, ms = 10000) {
    const until = Date.now() + ms;
    for (;;) {
        try {
            return await fn();
        } catch (err) {
            if (Date.now() > until) throw err;
            await sleep(200);
        }
    }
}

test("two users on different nodes chat, type and see each other online", { skip }, async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna, { base: BASE_URL });
    const b = await connect(boris, { base: BASE_URL_2 });
    // Presence crosses nodes.
    await eventually(async () => {
        const chats = await api("GET", "/api/v1/chats", { token: anna.token });
        assert.equal(chats.body.items[0].participants.find((p) => p.user_id === boris.id).online, true);
    });
    const got = next(b, "message:new", 3000, (m) => m.sender_id === anna.id);
    const ack = await send(a, { chat_id: chatId, type: "text", content: "from node A", client_msg_id: "x1" });
    assert.equal((await got).id, ack.message_id);
    const back = next(a, "message:new", 3000, (m) => m.sender_id === boris.id);
    await send(b, { chat_id: chatId, type: "text", content: "from node B", client_msg_id: "x2" });
    assert.equal((await back).content, "from node B");
    const typing = next(a, "typing");
    b.emit("typing", { chat_id: chatId, is_typing: true });
    assert.equal((await typing).user_id, boris.id);
    const status = next(a, "message:status");
    await b.timeout(5000).emitWithAck("message:read", { chat_id: chatId, up_to_seq: 1 });
    assert.equal((await status).read_seq, 1);
    a.close();
    b.close();
});

function freePort() {
    return new Promise((resolve) => {
        const srv = net.createServer();
        srv.listen(0, "127.0.0.1", () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

async function startNode(name) {
    const port = await freePort();
    const child = track(spawn(process.env.SERVER_BINARY, [], {
        env: { ...process.env, PORT: String(port), NODE_ID: name, WEB_ROOT: "", LOG_LEVEL: "error" },
        stdio: "ignore",
    }));
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => assert.equal((await fetch(`${base}/ready`)).status, 200), 30000);
    return { child, base };
}

test("a node killed with SIGKILL loses no acknowledged message", { skip: skip || (!process.env.SERVER_BINARY && "SERVER_BINARY is not set") }, async () => {
    const { anna, boris, chatId } = await pair();
    const node = await startNode("doomed");
    const a = await connect(anna, { base: node.base });
    const acked = [];
    // Twenty acknowledged one by one, then ten in flight when the node dies.
    for (let i = 0; i < 20; i++) acked.push(await send(a, { chat_id: chatId, type: "text", content: `k${i}`, client_msg_id: `k${i}` }));
    const sends = [];
    for (let i = 20; i < 30; i++) {
        sends.push(send(a, { chat_id: chatId, type: "text", content: `k${i}`, client_msg_id: `k${i}` }).then((ack) => acked.push(ack)).catch(() => {}));
    }
    await sleep(5);
    node.child.kill("SIGKILL");
    await Promise.allSettled(sends);
    a.close();
    assert.ok(acked.length >= 20);
    const history = await api("GET", `/api/v1/chats/${chatId}/messages?limit=100`, { token: boris.token });
    const stored = new Set(history.body.items.map((m) => m.id));
    for (const ack of acked) assert.ok(stored.has(ack.message_id), `acknowledged message ${ack.seq} is stored`);
    // And the sequence has no holes.
    const seqs = history.body.items.map((m) => m.seq);
    assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1));
});

test("without Redis delivery stays node-local, and crosses nodes again when Redis returns", { skip: skip || (!process.env.STACK_DIR && "STACK_DIR is not set") }, async () => {
    const { anna, boris, chatId } = await pair();
    const carol = await register("Carol");
    const group = await api("POST", "/api/v1/chats", { token: anna.token, body: { participant_ids: [boris.id, carol.id], title: "Trio" } });
    const a = await connect(anna, { base: BASE_URL });
    const c = await connect(carol, { base: BASE_URL }); // same node as Anna
    const b = await connect(boris, { base: BASE_URL_2 }); // the other node
    // Asynchronously: a blocked event loop would miss the sockets' pings.
    const stack = (cmd) => promisify(execFile)("scripts/stack", [cmd, process.env.STACK_DIR], { cwd: ".." });
    await stack("redis-stop");
    try {
        const local = next(c, "message:new");
        const ack = await send(a, { chat_id: group.body.id, type: "text", content: "Redis is down", client_msg_id: "r1" });
        assert.equal(ack.status, "sent");
        assert.equal((await local).content, "Redis is down");
        // Boris on the other node catches up over REST.
        const history = await api("GET", `/api/v1/chats/${group.body.id}/messages?after_seq=0`, { token: boris.token, base: BASE_URL_2 });
        assert.equal(history.body.items.at(-1).content, "Redis is down");
    } finally {
        await stack("redis-start");
    }
    // Once both nodes are back on Redis, messages cross again.
    await eventually(async () => {
        const got = next(b, "message:new", 1500);
        await send(a, { chat_id: chatId, type: "text", content: "Redis is back", client_msg_id: `back-${Date.now()}` });
        assert.equal((await got).content, "Redis is back");
    }, 20000);
    a.close();
    b.close();
    c.close();
});

test("SIGTERM closes WebSockets with 1001 (going away) and the client can reconnect elsewhere", { skip: skip || (!process.env.SERVER_BINARY && "SERVER_BINARY is not set") }, async () => {
    const { WebSocket } = await import("ws");
    const anna = await register("Anna");
    const node = await startNode("leaving");
    const ws = track(new WebSocket(`${node.base.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`));
    const frames = [];
    ws.on("message", (d) => {
        const f = d.toString();
        frames.push(f);
        if (f.startsWith("0")) ws.send(`40${JSON.stringify({ token: anna.token })}`);
    });
    await eventually(async () => assert.ok(frames.some((f) => f.startsWith("40{"))), 5000);
    const closed = new Promise((resolve) => ws.on("close", (code) => resolve(code)));
    const exited = new Promise((resolve) => node.child.on("exit", (code) => resolve(code)));
    node.child.kill("SIGTERM");
    assert.equal(await closed, 1001);
    assert.equal(await exited, 0);
    // The other node keeps serving the same user.
    const again = await connect(anna, { base: BASE_URL_2 });
    assert.ok(again.connected);
    again.close();
});
