// Live counts of an open post: a socket that sent post:watch for a post gets post:updated with
// its counts when someone likes, comments or reposts it, on either node; one that never watched
// it, or stopped watching, gets nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, register, connect, next, silent, readyPhoto, BASE_URL_2 } from "./lib.mjs";

async function masterPost() {
    const res = await api("POST", "/api/v1/auth/register", {
        body: { email: `rt-poster-${Date.now()}-${Math.random().toString(36).slice(2)}@test.service`, password: "correct horse battery", name: "Мастер", role: "master" },
    });
    assert.equal(res.status, 201);
    const master = { id: res.body.user.id, token: res.body.access_token };
    const photo = await readyPhoto(master, "post");
    const post = await api("POST", "/api/v1/posts", { token: master.token, body: { text: "Свежий маникюр", media_ids: [photo] } });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    return { master, postId: post.body.id };
}

test("a watched post's counts arrive live as post:updated; unwatched sockets hear nothing", async () => {
    const { postId } = await masterPost();
    const reader = await register("Читатель");
    const fan = await register("Фанат");
    const watcher = await connect(reader, BASE_URL_2 ? { base: BASE_URL_2 } : {});
    const bystander = await connect(fan);
    const ack = await watcher.timeout(3000).emitWithAck("post:watch", { ids: [postId] });
    assert.equal(ack.status, "ok");

    let update = next(watcher, "post:updated", 5000, (e) => e.id === postId);
    const quiet = silent(bystander, "post:updated", 800);
    assert.equal((await api("PUT", `/api/v1/posts/${postId}/like`, { token: fan.token })).status, 204);
    let event = await update;
    assert.deepEqual(event.counts, { likes: 1, comments: 0, reposts: 0 });
    assert.ok(await quiet, "a socket that did not watch the post heard about it");

    update = next(watcher, "post:updated", 5000, (e) => e.id === postId);
    const commented = await api("POST", `/api/v1/posts/${postId}/comments`, { token: fan.token, body: { text: "Красота" } });
    assert.equal(commented.status, 201);
    event = await update;
    assert.equal(event.counts.comments, 1);

    assert.equal((await watcher.timeout(3000).emitWithAck("post:unwatch", { ids: [postId] })).status, "ok");
    const afterUnwatch = silent(watcher, "post:updated", 800);
    assert.equal((await api("DELETE", `/api/v1/posts/${postId}/like`, { token: fan.token })).status, 204);
    assert.ok(await afterUnwatch, "post:updated after post:unwatch");

    const bad = await watcher.timeout(3000).emitWithAck("post:watch", { ids: "nope" });
    assert.equal(bad.status, "error");
    watcher.close();
    bystander.close();
});
