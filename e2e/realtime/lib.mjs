// Helpers for the real-time tests: real accounts over REST, real socket.io-client sockets.
import { after } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import { png } from "../lib/images.mjs";

// Whatever a failing test leaves open must not keep the test process alive.
const opened = new Set();
export function track(closable) {
    opened.add(closable);
    return closable;
}
after(() => {
    for (const item of opened) {
        try {
            if (typeof item.close === "function") item.close();
            else if (typeof item.kill === "function") item.kill("SIGKILL");
        } catch {
            // already gone
        }
    }
});

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080";
// A second node sharing the same PostgreSQL and Redis (the cluster test); optional.
export const BASE_URL_2 = process.env.BASE_URL_2;

let counter = 0;

export async function api(method, path, { token, body, base = BASE_URL } = {}) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch {
        json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
}

/** A fresh account: {id, token, name}. */
export async function register(name = "User") {
    counter += 1;
    const email = `rt-${process.pid}-${Date.now()}-${counter}@test.service`;
    const res = await api("POST", "/api/v1/auth/register", {
        body: { email, password: "correct horse battery", name: `${name} ${counter}` },
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.user.id, token: res.body.access_token, name: res.body.user.name };
}

/** A connected socket for `user` (rejects on connect_error). */
export function connect(user, { base = BASE_URL, transports = ["websocket"], ...options } = {}) {
    const socket = track(io(base, {
        path: "/socket.io/",
        auth: { token: user.token },
        transports,
        reconnection: false,
        forceNew: true,
        ...options,
    }));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("connect timeout")), 5000);
        socket.once("connect", () => {
            clearTimeout(timer);
            resolve(socket);
        });
        socket.once("connect_error", (err) => {
            clearTimeout(timer);
            socket.close();
            reject(err);
        });
    });
}

/** Resolves with the next `event` on `socket` (its first argument), or rejects after `ms`. */
export function next(socket, event, ms = 3000, filter = () => true) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            socket.off(event, handler);
            reject(new Error(`no ${event} within ${ms} ms`));
        }, ms);
        function handler(payload) {
            if (!filter(payload)) return;
            clearTimeout(timer);
            socket.off(event, handler);
            resolve(payload);
        }
        socket.on(event, handler);
    });
}

/** Collects every `event` payload into an array. */
export function collect(socket, event) {
    const items = [];
    socket.on(event, (payload) => items.push(payload));
    return items;
}

/** Asserts that nothing arrives: resolves true when `event` did not come within `ms`. */
export async function silent(socket, event, ms = 400, filter = () => true) {
    try {
        await next(socket, event, ms, filter);
        return false;
    } catch {
        return true;
    }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Uploads a generated photo for `purpose` as `user` and waits until it is ready; its id. */
export async function readyPhoto(user, purpose, { width = 300, height = 200 } = {}) {
    const bytes = png(width, height);
    const created = await api("POST", "/api/v1/media/uploads", {
        token: user.token,
        body: { purpose, content_type: "image/png", size_bytes: bytes.length },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { media, upload } = created.body;
    const url = new URL(upload.url, BASE_URL);
    const put = await fetch(BASE_URL + url.pathname + url.search, { method: "PUT", headers: upload.headers, body: bytes });
    assert.equal(put.status, 204);
    assert.ok([200, 202].includes((await api("POST", `/api/v1/media/${media.id}/complete`, { token: user.token })).status));
    for (let i = 0; i < 100; i++) {
        const got = await api("GET", `/api/v1/media/${media.id}`, { token: user.token });
        if (got.body.status === "ready") return media.id;
        assert.notEqual(got.body.status, "failed", JSON.stringify(got.body));
        await sleep(100);
    }
    throw new Error("the photo did not become ready");
}
