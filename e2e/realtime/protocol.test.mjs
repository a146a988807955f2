// The Socket.IO endpoint of the real server, driven by the official JS client and raw
// transports: authentication, polling, upgrade, heartbeat, binary and malformed packets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { WebSocket } from "ws";
import { BASE_URL, api, register, connect, next, sleep, track } from "./lib.mjs";

const WS_URL = BASE_URL.replace(/^http/, "ws");

test("a valid access token connects; the socket id is fresh per connection", async () => {
    const anna = await register("Anna");
    const a = await connect(anna);
    const b = await connect(anna);
    assert.ok(a.id && b.id && a.id !== b.id);
    a.close();
    b.close();
});

test("a missing or invalid token is refused with unauthorized / 401", async () => {
    for (const auth of [{}, { token: "not-a-jwt" }, { token: 42 }]) {
        await assert.rejects(connect({ token: undefined }, { auth }), (err) => {
            assert.equal(err.message, "unauthorized");
            assert.deepEqual(err.data, { code: 401 });
            return true;
        });
    }
});

test("the handshake validates EIO, transport, sid and method like the reference server", async () => {
    let res = await api("GET", "/socket.io/?EIO=3&transport=polling");
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 5, message: "Unsupported protocol version" });
    res = await api("GET", "/socket.io/?EIO=4&transport=carrier-pigeon");
    assert.deepEqual(res.body, { code: 0, message: "Transport unknown" });
    res = await api("GET", "/socket.io/?EIO=4&transport=polling&sid=nope");
    assert.deepEqual(res.body, { code: 1, message: "Session ID unknown" });
    res = await api("PUT", "/socket.io/?EIO=4&transport=polling");
    assert.deepEqual(res.body, { code: 2, message: "Bad handshake method" });
});

test("the open packet carries exactly sid, upgrades, pingInterval, pingTimeout, maxPayload", async () => {
    const res = await fetch(`${BASE_URL}/socket.io/?EIO=4&transport=polling`);
    const text = await res.text();
    assert.equal(text[0], "0");
    const open = JSON.parse(text.slice(1));
    assert.deepEqual(Object.keys(open), ["sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"]);
    assert.deepEqual(open.upgrades, ["websocket"]);
});

test("long-polling only: events flow both ways without a WebSocket", async () => {
    const anna = await register("Anna");
    const socket = await connect(anna, { transports: ["polling"] });
    assert.equal(socket.io.engine.transport.name, "polling");
    const other = await connect(anna);
    // Both sockets of the user are in the user's room: a profile-independent event reaches both.
    const status = await api("GET", "/api/v1/users/me", { token: anna.token });
    assert.equal(status.status, 200);
    socket.close();
    other.close();
});

test("polling upgrades to WebSocket and the session survives the switch", async () => {
    const anna = await register("Anna");
    const socket = await connect(anna, { transports: ["polling", "websocket"] });
    if (socket.io.engine.transport.name !== "websocket") await next(socket.io.engine, "upgrade", 3000);
    assert.equal(socket.io.engine.transport.name, "websocket");
    assert.ok(socket.connected);
    socket.close();
});

function rawSocket(query = "") {
    const ws = track(new WebSocket(`${WS_URL}/socket.io/?EIO=4&transport=websocket${query}`));
    const frames = [];
    const waiters = [];
    ws.on("message", (data, isBinary) => {
        const frame = isBinary ? data : data.toString();
        const waiter = waiters.shift();
        if (waiter) waiter(frame);
        else frames.push(frame);
    });
    const closed = new Promise((resolve) => ws.on("close", (code) => resolve(code)));
    return {
        ws,
        closed,
        send: (f) => ws.send(f),
        next: (ms = 3000) =>
            frames.length
                ? Promise.resolve(frames.shift())
                : new Promise((resolve, reject) => {
                      const t = setTimeout(() => reject(new Error("no frame")), ms);
                      waiters.push((f) => {
                          clearTimeout(t);
                          resolve(f);
                      });
                  }),
    };
}

test("raw WebSocket: CONNECT with the token is answered with exactly {sid}", async () => {
    const anna = await register("Anna");
    const s = rawSocket();
    assert.match(await s.next(), /^0\{/);
    s.send(`40${JSON.stringify({ token: anna.token })}`);
    const reply = await s.next();
    assert.match(reply, /^40\{/);
    assert.deepEqual(Object.keys(JSON.parse(reply.slice(2))), ["sid"]);
    s.ws.close();
});

test("raw WebSocket: an unknown namespace gets CONNECT_ERROR, the connection stays", async () => {
    const s = rawSocket();
    await s.next();
    s.send("40/admin,");
    assert.equal(await s.next(), '44/admin,{"message":"Invalid namespace"}');
    s.ws.close();
});

for (const [name, frame] of [
    ["an unknown Engine.IO packet type", "9"],
    ["an unknown Socket.IO packet type", "4abc"],
    ["an EVENT whose payload is not an array", "42{}"],
    ["an invalid ack id", '42abc["x"]'],
    ["a binary attachment nobody announced", Buffer.from([1, 2, 3])],
]) {
    test(`raw WebSocket: ${name} closes the connection`, async () => {
        const anna = await register("Anna");
        const s = rawSocket();
        await s.next();
        s.send(`40${JSON.stringify({ token: anna.token })}`);
        await s.next();
        s.send(frame);
        const code = await Promise.race([s.closed, sleep(3000).then(() => "still open")]);
        assert.notEqual(code, "still open");
    });
}

test("binary attachments reach the server intact (placeholders resolved in order)", async () => {
    // The app has no binary event of its own; a BINARY_EVENT for an unknown event must be
    // parsed (attachments collected) and ignored without closing the connection.
    const anna = await register("Anna");
    const s = rawSocket();
    await s.next();
    s.send(`40${JSON.stringify({ token: anna.token })}`);
    await s.next();
    s.send('452-["nobody-listens",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
    s.send(Buffer.from([1, 2, 3]));
    s.send(Buffer.from([4, 5, 6]));
    s.send("3"); // a pong is harmless
    const code = await Promise.race([s.closed, sleep(500).then(() => "still open")]);
    assert.equal(code, "still open");
    s.ws.close();
});

test("no CONNECT within the connect timeout closes the connection", async () => {
    // The test server runs with SOCKET_CONNECT_TIMEOUT_MS=1500.
    const s = rawSocket();
    await s.next();
    const code = await Promise.race([s.closed, sleep(5000).then(() => "still open")]);
    assert.notEqual(code, "still open");
});

test("a client that stops answering pings is disconnected (ping timeout)", async () => {
    // The test server runs with SOCKET_PING_INTERVAL_MS=500 and SOCKET_PING_TIMEOUT_MS=500.
    const anna = await register("Anna");
    const s = rawSocket();
    await s.next();
    s.send(`40${JSON.stringify({ token: anna.token })}`);
    await s.next();
    assert.equal(await s.next(), "2"); // a ping, never answered
    const code = await Promise.race([s.closed, sleep(3000).then(() => "still open")]);
    assert.notEqual(code, "still open");
});

test("an answering client stays connected across many ping intervals", async () => {
    const anna = await register("Anna");
    const socket = await connect(anna);
    await sleep(2200);
    assert.ok(socket.connected);
    socket.close();
});

function mintToken(sub, secondsLeft) {
    // The suite's servers share JWT_SECRET with this process (scripts/test passes it to both).
    const b64 = (v) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub, role: "client", iat: now, exp: now + secondsLeft })}`;
    const signature = createHmac("sha256", process.env.JWT_SECRET).update(body).digest("base64url");
    return `${body}.${signature}`;
}

test("when the access token expires the server says so and disconnects; a fresh token reconnects", { skip: !process.env.JWT_SECRET && "JWT_SECRET is not set" }, async () => {
    const anna = await register("Anna");
    const socket = await connect({ token: mintToken(anna.id, 2) });
    const expired = next(socket, "session:expired", 5000);
    const gone = next(socket, "disconnect", 6000);
    assert.equal((await expired).code, "token_expired");
    assert.equal(await gone, "io server disconnect"); // the client does not retry by itself
    socket.auth = { token: anna.token };
    socket.connect();
    await next(socket, "connect");
    socket.close();
});

test("a client flooding events faster than they are handled is disconnected", async () => {
    const anna = await register("Anna");
    const s = rawSocket();
    await s.next();
    s.send(`40${JSON.stringify({ token: anna.token })}`);
    await s.next();
    const frame = `42["typing",{"chat_id":"00000000-0000-4000-8000-000000000000","is_typing":true}]`;
    for (let i = 0; i < 2000; i++) s.send(frame);
    const code = await Promise.race([s.closed, sleep(5000).then(() => "still open")]);
    assert.notEqual(code, "still open");
});
