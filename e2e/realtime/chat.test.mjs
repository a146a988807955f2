// Chats over the real socket: acks after commit, fan-out to every participant and device,
// receipts, typing, presence, catch-up after being offline, retries, blocking.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, register, connect, next, collect, silent, sleep, BASE_URL, readyPhoto } from "./lib.mjs";

async function pair() {
    const anna = await register("Anna");
    const boris = await register("Boris");
    const chat = await api("POST", "/api/v1/chats", { token: anna.token, body: { participant_ids: [boris.id] } });
    assert.equal(chat.status, 201, JSON.stringify(chat.body));
    return { anna, boris, chatId: chat.body.id };
}

function send(socket, payload) {
    return socket.timeout(5000).emitWithAck("message:send", payload);
}

test("message:send is acknowledged after the commit and reaches the other participant and my other tab", async () => {
    const { anna, boris, chatId } = await pair();
    const annaPhone = await connect(anna);
    const annaLaptop = await connect(anna);
    const borisSocket = await connect(boris);
    const forBoris = next(borisSocket, "message:new");
    const forLaptop = next(annaLaptop, "message:new");
    const ack = await send(annaPhone, { chat_id: chatId, type: "text", content: "Привет!", client_msg_id: "m-1" });
    assert.equal(ack.status, "sent");
    assert.ok(ack.message_id);
    assert.equal(ack.seq, 1);
    assert.ok(ack.created_at);
    const received = await forBoris;
    assert.equal(received.id, ack.message_id);
    assert.equal(received.content, "Привет!");
    assert.equal(received.sender_id, anna.id);
    assert.equal((await forLaptop).id, ack.message_id);
    // Committed: the history has it.
    const history = await api("GET", `/api/v1/chats/${chatId}/messages`, { token: boris.token });
    assert.deepEqual(history.body.items.map((m) => m.id), [ack.message_id]);
    for (const s of [annaPhone, annaLaptop, borisSocket]) s.close();
});

test("seq increases per chat in the order one socket sent its messages", async () => {
    const { anna, chatId } = await pair();
    const socket = await connect(anna);
    const acks = await Promise.all(
        Array.from({ length: 10 }, (_, i) => send(socket, { chat_id: chatId, type: "text", content: `n${i}`, client_msg_id: `o-${i}` })),
    );
    assert.deepEqual(acks.map((a) => a.seq), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    socket.close();
});

test("a retry with the same client_msg_id returns the original message, never a copy", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    const b = await connect(boris);
    const news = collect(b, "message:new");
    const first = await send(a, { chat_id: chatId, type: "text", content: "once", client_msg_id: "retry-1" });
    const again = await send(a, { chat_id: chatId, type: "text", content: "once", client_msg_id: "retry-1" });
    assert.equal(again.status, "sent");
    assert.equal(again.message_id, first.message_id);
    assert.equal(again.seq, first.seq);
    await sleep(300);
    assert.equal(news.length, 1);
    const history = await api("GET", `/api/v1/chats/${chatId}/messages`, { token: anna.token });
    assert.equal(history.body.items.length, 1);
    a.close();
    b.close();
});

test("delivered and read watermarks reach the sender as message:status and never go backwards", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    const b = await connect(boris);
    for (let i = 0; i < 3; i++) await send(a, { chat_id: chatId, type: "text", content: `m${i}`, client_msg_id: `w${i}` });

    let status = next(a, "message:status");
    let ack = await b.timeout(5000).emitWithAck("message:delivered", { chat_id: chatId, up_to_seq: 3 });
    assert.equal(ack.status, "ok");
    let s = await status;
    assert.deepEqual([s.chat_id, s.user_id, s.delivered_seq, s.read_seq], [chatId, boris.id, 3, 0]);

    status = next(a, "message:status");
    ack = await b.timeout(5000).emitWithAck("message:read", { chat_id: chatId, up_to_seq: 2 });
    s = await status;
    assert.deepEqual([s.delivered_seq, s.read_seq], [3, 2]);

    // Going backwards changes nothing and tells nobody.
    const quiet = silent(a, "message:status", 500);
    ack = await b.timeout(5000).emitWithAck("message:read", { chat_id: chatId, up_to_seq: 1 });
    assert.deepEqual([ack.delivered_seq, ack.read_seq], [3, 2]);
    assert.ok(await quiet);

    // The unread count follows the read watermark.
    const chats = await api("GET", "/api/v1/chats", { token: boris.token });
    assert.equal(chats.body.items.find((c) => c.id === chatId).unread_count, 1);
    a.close();
    b.close();
});

test("typing reaches the other participants, not the typist", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    const b = await connect(boris);
    const mine = silent(a, "typing", 500);
    const theirs = next(b, "typing");
    a.emit("typing", { chat_id: chatId, is_typing: true });
    const t = await theirs;
    assert.deepEqual([t.chat_id, t.user_id, t.is_typing], [chatId, anna.id, true]);
    assert.ok(await mine);
    a.close();
    b.close();
});

test("a stranger can neither send to nor type in someone else's chat", async () => {
    const { boris, chatId } = await pair();
    const eve = await register("Eve");
    const e = await connect(eve);
    const b = await connect(boris);
    const quiet = silent(b, "typing", 500);
    e.emit("typing", { chat_id: chatId, is_typing: true });
    const ack = await send(e, { chat_id: chatId, type: "text", content: "hi", client_msg_id: "x" });
    assert.equal(ack.status, "error");
    assert.equal(ack.error.code, "not_found");
    assert.ok(await quiet);
    e.close();
    b.close();
});

test("invalid messages are refused in the ack and nothing is stored", async () => {
    const { anna, chatId } = await pair();
    const a = await connect(anna);
    for (const bad of [
        { chat_id: chatId, type: "text", content: "", client_msg_id: "e1" },
        { chat_id: chatId, type: "text", content: "x".repeat(4001), client_msg_id: "e2" },
        { chat_id: chatId, type: "video", content: "x", client_msg_id: "e3" },
        { chat_id: "not-a-uuid", type: "text", content: "x", client_msg_id: "e4" },
        "just a string",
    ]) {
        const ack = await send(a, bad);
        assert.equal(ack.status, "error", JSON.stringify(bad));
        assert.ok(ack.error.code);
    }
    const history = await api("GET", `/api/v1/chats/${chatId}/messages`, { token: anna.token });
    assert.equal(history.body.items.length, 0);
    a.close();
});

test("50 messages sent while offline are caught up exactly once with after_seq", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    let b = await connect(boris);
    await send(a, { chat_id: chatId, type: "text", content: "before", client_msg_id: "c0" });
    await next(b, "message:new", 3000).catch(() => {});
    const held = [1]; // boris holds seq 1
    b.close();
    for (let i = 1; i <= 50; i++) await send(a, { chat_id: chatId, type: "text", content: `while away ${i}`, client_msg_id: `c${i}` });
    b = await connect(boris);
    const live = collect(b, "message:new");
    // A live message arriving during the catch-up must not produce a duplicate.
    await send(a, { chat_id: chatId, type: "text", content: "after", client_msg_id: "c51" });
    const seen = new Map();
    let after = Math.max(...held);
    for (;;) {
        const page = await api("GET", `/api/v1/chats/${chatId}/messages?after_seq=${after}&limit=20`, { token: boris.token });
        for (const m of page.body.items) seen.set(m.seq, m);
        if (page.body.items.length === 0) break;
        after = page.body.items.at(-1).seq;
        if (!page.body.has_more) break;
    }
    await sleep(200);
    for (const m of live) seen.set(m.seq, m);
    const seqs = [...seen.keys()].sort((x, y) => x - y);
    assert.deepEqual(seqs, Array.from({ length: 51 }, (_, i) => i + 2));
    assert.equal(seen.get(2).content, "while away 1");
    assert.equal(seen.get(52).content, "after");
    a.close();
    b.close();
});

test("a blocked user cannot message the blocker; unblocking restores it", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    const b = await connect(boris);
    assert.equal((await api("PUT", `/api/v1/users/${anna.id}/block`, { token: boris.token })).status, 204);
    const quiet = silent(b, "message:new", 500);
    let ack = await send(a, { chat_id: chatId, type: "text", content: "hello?", client_msg_id: "b1" });
    assert.equal(ack.status, "error");
    assert.equal(ack.error.code, "blocked");
    assert.ok(await quiet);
    const rest = await api("POST", `/api/v1/chats/${chatId}/messages`, { token: anna.token, body: { type: "text", content: "hi", client_msg_id: "b2" } });
    assert.equal(rest.status, 403);
    assert.equal((await api("DELETE", `/api/v1/users/${anna.id}/block`, { token: boris.token })).status, 204);
    ack = await send(a, { chat_id: chatId, type: "text", content: "hello again", client_msg_id: "b3" });
    assert.equal(ack.status, "sent");
    a.close();
    b.close();
});

test("presence: a chat partner sees me come online and go offline with last_seen_at", async () => {
    const { anna, boris } = await pair();
    const a = await connect(anna);
    const online = next(a, "presence", 3000, (p) => p.user_id === boris.id && p.online);
    const b = await connect(boris);
    await online;
    const chats = await api("GET", "/api/v1/chats", { token: anna.token });
    const partner = chats.body.items[0].participants.find((p) => p.user_id === boris.id);
    assert.equal(partner.online, true);
    const offline = next(a, "presence", 3000, (p) => p.user_id === boris.id && !p.online);
    b.close();
    const p = await offline;
    assert.ok(p.last_seen_at);
    a.close();
});

test("a client on long-polling only sends and receives chat messages", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna, { transports: ["polling"] });
    const b = await connect(boris, { transports: ["polling"] });
    const got = next(b, "message:new");
    const ack = await send(a, { chat_id: chatId, type: "text", content: "over polling", client_msg_id: "p1" });
    assert.equal(ack.status, "sent");
    assert.equal((await got).content, "over polling");
    a.close();
    b.close();
});

test("REST sends reach sockets too (clients without a socket)", async () => {
    const { anna, boris, chatId } = await pair();
    const b = await connect(boris);
    const got = next(b, "message:new");
    const res = await api("POST", `/api/v1/chats/${chatId}/messages`, { token: anna.token, body: { type: "text", content: "via REST", client_msg_id: "r1" } });
    assert.equal(res.status, 201);
    assert.equal((await got).id, res.body.id);
    b.close();
});

/** Uploads a chat photo as `user` and waits until it is ready; its id. */
const chatPhoto = (user) => readyPhoto(user, "chat");

test("a photo sent over the socket reaches the other side with links it can open", async () => {
    const { anna, boris, chatId } = await pair();
    const a = await connect(anna);
    const b = await connect(boris);
    const photo = await chatPhoto(anna);
    const got = next(b, "message:new");
    const ack = await send(a, { chat_id: chatId, type: "image", media_id: photo, client_msg_id: "ph-1" });
    assert.equal(ack.status, "sent", JSON.stringify(ack));
    const message = await got;
    assert.equal(message.type, "image");
    assert.equal(message.media.id, photo);
    assert.equal(message.media_deleted, false);
    const thumb = await fetch(new URL(message.media.variants.thumb.url, BASE_URL));
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get("content-type"), "image/webp");
    // A URL instead of a photo is the old form: refused.
    const old = await send(a, { chat_id: chatId, type: "image", content: "https://example.com/a.jpg", client_msg_id: "ph-2" });
    assert.equal(old.status, "error");
    assert.equal(old.error.errors[0].field, "content");
    a.close();
    b.close();
});
