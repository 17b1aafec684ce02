// Sets up and runs Onramp on embedded defaults. It installs npm packages when needed, and
// fetches and starts the local Kafka broker. Then it runs the portal in development mode on
// http://localhost:3000, with the development sign-in and the embedded PGlite database unless
// DATABASE_URL is set. Ctrl-C stops the portal and the broker this script started.
//
// Uses only Node's standard library, because it runs before `npm ci` has installed anything.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, '.data');
const PORT = 3000;

function log(message) {
  console.log(`[onramp] ${message}`);
}

/** Runs `npm ci` when node_modules is missing or older than the lockfile. */
function installPackages() {
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lockfile = path.join(repoRoot, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lockfile).mtimeMs) return;
  log('Installing npm packages (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed; see its output above.');
}

/** Keeps one random Auth.js secret per checkout, so sessions survive restarts. */
function authSecret() {
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  installPackages();

  const { brokerSettings, startBroker, stopBroker } = await import('./kafka/config.mjs');
  const broker = await startBroker();

  const env = {
    ...process.env,
    // The portal talks to the broker this script started, wherever KAFKA_LOCAL_PORT put it.
    KAFKA_BOOTSTRAP_SERVERS: process.env.KAFKA_BOOTSTRAP_SERVERS ?? brokerSettings.bootstrapServer,
    KAFKA_ADMIN_USERNAME: process.env.KAFKA_ADMIN_USERNAME ?? brokerSettings.adminUsername,
    KAFKA_ADMIN_PASSWORD: process.env.KAFKA_ADMIN_PASSWORD ?? brokerSettings.adminPassword,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: process.env.AUTH_SECRET ?? authSecret(),
    AUTH_TRUST_HOST: 'true',
    ONRAMP_DEV_SIGN_IN: process.env.ONRAMP_DEV_SIGN_IN ?? 'true',
    ONRAMP_ADMIN_EMAILS: process.env.ONRAMP_ADMIN_EMAILS ?? 'morgan.platt@example.org',
  };
  const pgliteDir = path.resolve(repoRoot, env.PGLITE_DATA_DIR ?? path.join('.data', 'pglite'));
  log(`Database: ${env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : `embedded PGlite in ${pgliteDir}`}`);
  log(`Starting the portal on http://localhost:${PORT} (development sign-in on; Ctrl-C stops it)`);

  const nextBin = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  const portal = spawn(process.execPath, [nextBin, 'dev', '--hostname', 'localhost', '--port', String(PORT)], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${signal})…`);
    portal.kill('SIGTERM');
    if (!broker.alreadyRunning) await stopBroker();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  portal.on('exit', (code) => {
    if (stopping) return;
    log(`The portal exited with code ${code}.`);
    void stop('portal exit');
  });
}

main().catch((error) => {
  console.error(`[onramp] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
