'use strict';
// Runs s3rver for server/tests/integration/s3_storage_it_test.cpp:
//   node tools/s3rver/serve.js <data directory> [bucket ...]
// Listens on a free loopback port, creates the buckets, then prints "s3rver listening on <port>".
// Its one account is S3RVER / S3RVER. Stops on SIGTERM, or when its stdin closes (the test that
// started it is gone).
const S3rver = require('@20minutes/s3rver');

async function main() {
  const [directory, ...buckets] = process.argv.slice(2);
  if (!directory) {
    console.error('usage: node serve.js <data directory> [bucket ...]');
    process.exit(2);
  }
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    // <bucket>.s3.localhost is a virtual-hosted request (libcurl resolves *.localhost itself).
    serviceEndpoint: 'localhost',
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  process.stdout.write(`s3rver listening on ${port}\n`);
  const stop = () => server.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
