// Starts one production portal for the browser tests, on a database prepared fresh for this
// run: a recreated PostgreSQL database when E2E_DATABASE_URL is set, otherwise an empty PGlite
// folder. Runs `next start` in this process's place, so Playwright stops the server itself.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.E2E_PORT);
const databaseUrl = process.env.E2E_DATABASE_URL;

function assertPortFree(portNumber) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: portNumber });
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error(`Port ${portNumber} is already in use; stop whatever listens there before the browser tests.`));
    });
    socket.once('error', () => resolve());
  });
}

async function recreateDatabase(url) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

await assertPortFree(port);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (databaseUrl) {
  await recreateDatabase(databaseUrl);
  env.DATABASE_URL = databaseUrl;
} else {
  const dataDir = path.join(repoRoot, '.data', `e2e-pglite-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete env.DATABASE_URL;
  env.PGLITE_DATA_DIR = dataDir;
}

const nextBin = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
const server = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
