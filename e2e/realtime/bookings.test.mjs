// Other modules push through the real-time publisher: a booking's creation and every status
// change reach both parties' sockets as booking:updated (through the job queue's outbox), and
// the notification it causes reaches every tab of the recipient as notification:new.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, register, connect, next, BASE_URL_2 } from "./lib.mjs";

async function masterWithService() {
    const res = await api("POST", "/api/v1/auth/register", {
        body: { email: `rt-master-${Date.now()}-${Math.random().toString(36).slice(2)}@test.service`, password: "correct horse battery", name: "Мастер", role: "master" },
    });
    assert.equal(res.status, 201);
    const master = { id: res.body.user.id, token: res.body.access_token };
    const categories = await api("GET", "/api/v1/categories");
    const category = categories.body.items[0].id;
    let r = await api("PUT", "/api/v1/masters/me", {
        token: master.token,
        body: {
            display_name: "Мастер Сокетов",
            category_ids: [category],
            address: "Tverskaya 1",
            city: "Moscow",
            location: { lat: 55.76, lon: 37.61 },
            timezone: "Europe/Moscow",
            booking_rules: { horizon_days: 365, min_notice_min: 0 },
        },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    master.masterId = r.body.id;
    r = await api("POST", "/api/v1/masters/me/services", {
        token: master.token,
        body: { name: "Manicure", category_id: category, price_minor: 150000, currency: "RUB", duration_min: 60 },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    master.serviceId = r.body.id;
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "10:00", end: "18:00" }));
    r = await api("PUT", "/api/v1/masters/me/schedule", { token: master.token, body: { weekly } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return master;
}

test("booking:updated reaches the client and the master when a booking is made and confirmed", async () => {
    const master = await masterWithService();
    const client = await register("Клиент");
    const m = await connect(master);
    const c = await connect(client);
    const day = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    const slots = await api("GET", `/api/v1/masters/${master.masterId}/slots?service_id=${master.serviceId}&from=${day}&to=${day}`);
    assert.equal(slots.status, 200);
    const start = slots.body.items[0].start_at;

    const forMaster = next(m, "booking:updated");
    const forClient = next(c, "booking:updated");
    const booked = await api("POST", "/api/v1/bookings", { token: client.token, body: { service_id: master.serviceId, start_at: start } });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    for (const event of [await forMaster, await forClient]) {
        assert.equal(event.id, booked.body.id);
        assert.equal(event.status, "pending");
    }

    const confirmedForClient = next(c, "booking:updated");
    const confirmed = await api("POST", `/api/v1/bookings/${booked.body.id}/confirm`, { token: master.token, body: {} });
    assert.equal(confirmed.status, 200);
    assert.equal((await confirmedForClient).status, "confirmed");
    m.close();
    c.close();
});

test("notification:new and the unread count reach both of the master's tabs, on either node", async () => {
    const master = await masterWithService();
    const client = await register("Клиент");
    const tab1 = await connect(master);
    const tab2 = await connect(master, BASE_URL_2 ? { base: BASE_URL_2 } : {});
    const day = new Date(Date.now() + 4 * 86400000).toISOString().slice(0, 10);
    const slots = await api("GET", `/api/v1/masters/${master.masterId}/slots?service_id=${master.serviceId}&from=${day}&to=${day}`);
    const start = slots.body.items[0].start_at;

    const news = [next(tab1, "notification:new", 5000), next(tab2, "notification:new", 5000)];
    const counts = [next(tab1, "notification:unread", 5000), next(tab2, "notification:unread", 5000)];
    const booked = await api("POST", "/api/v1/bookings", { token: client.token, body: { service_id: master.serviceId, start_at: start } });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const items = await Promise.all(news);
    for (const item of items) {
        assert.equal(item.type, "booking_created");
        assert.equal(item.target.id, booked.body.id);
        assert.equal(item.actors[0].id, client.id);
        assert.equal(item.read, false);
    }
    assert.deepEqual((await Promise.all(counts)).map((c) => c.count), [1, 1]);
    // The item is what the list shows.
    const list = await api("GET", "/api/v1/notifications", { token: master.token });
    assert.equal(list.body.items[0].id, items[0].id);

    const zero = [next(tab1, "notification:unread", 5000), next(tab2, "notification:unread", 5000)];
    const read = await api("POST", "/api/v1/notifications/read", { token: master.token, body: { ids: [items[0].id] } });
    assert.equal(read.status, 204);
    assert.deepEqual((await Promise.all(zero)).map((c) => c.count), [0, 0]);
    tab1.close();
    tab2.close();
});
