// A minimal Engine.IO v4 / Socket.IO v5 client over a raw WebSocket (the `ws` package):
// just what the benchmark needs, so that 10,000 of them fit into one or two Node processes.
//
//   Engine.IO   0{open json}  2 ping -> 3 pong   1 close   4<socket.io packet>
//   Socket.IO   40{"token":…} (CONNECT with auth)  40{"sid":…} connected  44{…} CONNECT_ERROR
//               42<ack id>["event",payload] emit with an ack   43<ack id>[reply] ack
//               42["event",payload] server push
// No polling, no binary attachments, no reconnection: a closed socket stays closed and is
// counted by the caller.
import WebSocket from "ws";

const EVENT_NAME = /^42\["([^"]*)"/;

export class RawSocket {
    /**
     * @param {string} url      ws://host:port/socket.io/?EIO=4&transport=websocket
     * @param {string} token    access JWT for the CONNECT packet
     * @param {object} handlers {onConnect(), onConnectError(reason), onClose(reason), onEvent(name, text), onAck(id, text)}
     */
    constructor(url, token, handlers) {
        this.url = url;
        this.token = token;
        this.h = handlers;
        this.state = "new"; // new -> opening -> connected -> closed
        this.nextAck = 1;
        this.closedReason = null;
    }

    open() {
        this.state = "opening";
        // No permessage-deflate (the server does not offer it, and it would only cost memory).
        const ws = new WebSocket(this.url, { perMessageDeflate: false, handshakeTimeout: 30000 });
        this.ws = ws;
        ws.on("message", (data, isBinary) => {
            if (isBinary) return;
            this.onFrame(data.toString());
        });
        ws.on("error", (err) => {
            this.finish(`error: ${err.code ?? err.message}`);
        });
        ws.on("close", (code) => {
            this.finish(`close ${code}`);
        });
    }

    onFrame(text) {
        switch (text.charCodeAt(0)) {
            case 0x32: // "2" ping
                if (this.ws.readyState === WebSocket.OPEN) this.ws.send("3");
                return;
            case 0x30: // "0" open: CONNECT to "/" with the token
                this.ws.send(`40${JSON.stringify({ token: this.token })}`);
                return;
            case 0x31: // "1" close
                this.finish("engine.io close packet");
                return;
            case 0x34: // "4" a Socket.IO packet
                break;
            default:
                return; // 6 noop, 3 pong
        }
        switch (text.charCodeAt(1)) {
            case 0x32: { // 42 event
                const m = EVENT_NAME.exec(text);
                this.h.onEvent?.(m ? m[1] : "?", text);
                return;
            }
            case 0x33: { // 43<id>[...] ack
                let i = 2;
                let id = 0;
                while (i < text.length) {
                    const c = text.charCodeAt(i);
                    if (c < 0x30 || c > 0x39) break;
                    id = id * 10 + (c - 0x30);
                    i += 1;
                }
                this.h.onAck?.(id, text.slice(i));
                return;
            }
            case 0x30: // 40 connected
                if (this.state === "opening") {
                    this.state = "connected";
                    this.h.onConnect?.();
                }
                return;
            case 0x34: // 44 CONNECT_ERROR
                this.h.onConnectError?.(text.slice(2));
                this.close();
                return;
            case 0x31: // 41 DISCONNECT from the server
                this.finish("socket.io disconnect");
                return;
            default:
                return;
        }
    }

    /** Emits `event` with `payload` and an ack id; returns the id. */
    emit(event, payload) {
        const id = this.nextAck;
        this.nextAck += 1;
        this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
        return id;
    }

    get connected() {
        return this.state === "connected";
    }

    finish(reason) {
        if (this.state === "closed") return;
        const was = this.state;
        this.state = "closed";
        this.closedReason = reason;
        this.h.onClose?.(reason, was);
    }

    close() {
        this.state = "closed";
        this.ws?.terminate();
    }
}
