// HS256 access tokens in the server's format (server/src/core/jwt.cpp): header
// {"alg":"HS256","typ":"JWT"}, claims sub, role, iat, exp (integer seconds), base64url.
import { createHmac } from "node:crypto";

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export function accessToken(secret, userId, { role = "client", ttlSeconds = 4 * 3600, now = Date.now() } = {}) {
    const iat = Math.floor(now / 1000);
    const payload = Buffer.from(JSON.stringify({ sub: userId, role, iat, exp: iat + ttlSeconds })).toString("base64url");
    const signed = `${HEADER}.${payload}`;
    const signature = createHmac("sha256", secret).update(signed).digest("base64url");
    return `${signed}.${signature}`;
}
