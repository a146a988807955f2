// Access tokens for the feed benchmark, in the server's format (bench/socket/jwt.mjs, the same
// HS256 tokens server/src/core/jwt.cpp issues), signed with the JWT_SECRET the benchmark gives
// its server. Reads "<user id> <role>" lines on stdin, writes "<user id> <token>" lines.
//   JWT_SECRET=... node bench/feed/tokens.mjs < users.txt > tokens.txt
import { createInterface } from "node:readline";
import { accessToken } from "../socket/jwt.mjs";

const secret = process.env.JWT_SECRET;
if (!secret || secret.length < 32) {
    console.error("tokens.mjs: JWT_SECRET (at least 32 bytes) is required");
    process.exit(2);
}
const ttlSeconds = Number(process.env.TOKEN_TTL_SECONDS || 4 * 3600);
const out = [];
for await (const line of createInterface({ input: process.stdin })) {
    const [id, role] = line.trim().split(/\s+/);
    if (!id) continue;
    out.push(`${id} ${accessToken(secret, id, { role: role || "client", ttlSeconds })}`);
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
