// Settings and process control for the local Apache Kafka broker used in
// development and tests: one KRaft node that is both broker and controller,
// listening on 127.0.0.1 with SASL_PLAINTEXT and SCRAM-SHA-512.
//
// The CLI scripts next to this file (fetch, start, stop, ensure, reset) are thin
// wrappers around the functions exported here, and tests can import them too.
// Process checks use POSIX signals and, where present, Linux /proc, so the
// scripts do not work on Windows.
// NOTE: only Linux was tested. On macOS the pid checks fall back to signal 0.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KAFKA_VERSION = '3.9.1';
const SCALA_VERSION = '2.13';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 250;
const LOG_TAIL_LINES = 40;

// KafkaRaftServer logs this line at INFO once the broker and controller are up.
const STARTED_LOG_MESSAGE = 'Kafka Server started';

// A local-only development password, shared with the portal's defaults. Never
// use it for a broker that listens beyond 127.0.0.1.
const DEFAULT_ADMIN_PASSWORD = 'onramp-local-admin';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..', '..');
const procfsAvailable = fs.existsSync('/proc/self/cmdline');

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

/**
 * Reads a TCP port from an environment variable, or returns `fallback` when
 * the variable is unset or empty. Throws when the value is not a valid port.
 */
function readPortVariable(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `Invalid ${name}=${JSON.stringify(raw)}: expected an integer from 1 to 65535. ` +
        `Unset it to use ${fallback}.`,
    );
  }
  return port;
}

function readStringVariable(name, fallback) {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

const homeDir = path.resolve(
  readStringVariable('KAFKA_HOME_DIR', path.join(repoRoot, '.cache', 'kafka')),
);
const port = readPortVariable('KAFKA_LOCAL_PORT', 9092);
const controllerPort = readPortVariable('KAFKA_LOCAL_CONTROLLER_PORT', 9093);
if (port === controllerPort) {
  throw new Error(
    `KAFKA_LOCAL_PORT and KAFKA_LOCAL_CONTROLLER_PORT are both ${port}, but the broker ` +
      'and controller listeners need different ports. Set one of them to another port.',
  );
}

/**
 * @typedef {object} BrokerSettings
 * @property {string} kafkaVersion Apache Kafka release that fetch.mjs downloads.
 * @property {string} scalaVersion Scala version of the kafka_<scala> artifact.
 * @property {string} host Address that both listeners bind to.
 * @property {number} port Client (SASL_PLAINTEXT) listener port, from KAFKA_LOCAL_PORT.
 * @property {number} controllerPort KRaft controller listener port, from KAFKA_LOCAL_CONTROLLER_PORT.
 * @property {string} bootstrapServer `host:port` for Kafka clients.
 * @property {'SASL_PLAINTEXT'} securityProtocol Security protocol of the client listener.
 * @property {'SCRAM-SHA-512'} saslMechanism SASL mechanism of the client listener.
 * @property {string} adminUsername Super user, from KAFKA_ADMIN_USERNAME.
 * @property {string} adminPassword Super user password, from KAFKA_ADMIN_PASSWORD.
 * @property {string} homeDir Cache folder, from KAFKA_HOME_DIR.
 * @property {string} libsDir Broker jars downloaded by Maven.
 * @property {string} dataDir KRaft metadata and topic data (`log.dirs`).
 * @property {string} serverPropertiesPath Generated broker configuration.
 * @property {string} log4jPropertiesPath Generated log4j 1 (reload4j) configuration.
 * @property {string} brokerLogPath Broker log written by log4j, rolled by size.
 * @property {string} stdoutLogPath JVM stdout and stderr, truncated on each start.
 * @property {string} pidPath Process id of the broker started by these scripts.
 * @property {string} formatRecordPath Cluster id and admin credentials used by the last format.
 * @property {string} pomPath Maven POM that lists the broker jars.
 */

/** @type {Readonly<BrokerSettings>} */
export const brokerSettings = Object.freeze({
  kafkaVersion: KAFKA_VERSION,
  scalaVersion: SCALA_VERSION,
  host: HOST,
  port,
  controllerPort,
  bootstrapServer: `${HOST}:${port}`,
  securityProtocol: 'SASL_PLAINTEXT',
  saslMechanism: 'SCRAM-SHA-512',
  adminUsername: readStringVariable('KAFKA_ADMIN_USERNAME', 'admin'),
  adminPassword: readStringVariable('KAFKA_ADMIN_PASSWORD', DEFAULT_ADMIN_PASSWORD),
  homeDir,
  libsDir: path.join(homeDir, 'libs'),
  dataDir: path.join(homeDir, 'data'),
  serverPropertiesPath: path.join(homeDir, 'server.properties'),
  log4jPropertiesPath: path.join(homeDir, 'log4j.properties'),
  brokerLogPath: path.join(homeDir, 'broker.log'),
  stdoutLogPath: path.join(homeDir, 'broker.out'),
  pidPath: path.join(homeDir, 'broker.pid'),
  formatRecordPath: path.join(homeDir, 'format.json'),
  pomPath: path.join(scriptDir, 'pom.xml'),
});

const kafkaJarName = `kafka_${SCALA_VERSION}-${KAFKA_VERSION}.jar`;
const javaCommand = process.env.JAVA_HOME
  ? path.join(process.env.JAVA_HOME, 'bin', 'java')
  : 'java';

// ---------------------------------------------------------------------------
// Console output
// ---------------------------------------------------------------------------

/**
 * Prints an informational line prefixed with `[kafka]`.
 *
 * @param {string} message
 */
export function logInfo(message) {
  console.log(`[kafka] ${message}`);
}

/**
 * Prints an error line prefixed with `[kafka]`.
 *
 * @param {string} message
 */
export function logError(message) {
  console.error(`[kafka] ${message}`);
}

/**
 * Runs a CLI entry point, prints any error it throws with the `[kafka]` prefix
 * and sets exit code 1.
 *
 * @param {() => Promise<void>} main
 */
export async function runScript(main) {
  try {
    await main();
  } catch (error) {
    logError(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------
// Ports and processes
// ---------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tries one TCP connection and returns whether it was accepted.
 *
 * @param {number} targetPort
 * @param {string} [host]
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function canConnect(targetPort, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port: targetPort, host });
    const finish = (connected) => {
      socket.destroy();
      resolve(connected);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * Polls until a TCP connection to `host:targetPort` succeeds. Throws when the
 * timeout passes first.
 *
 * @param {number} targetPort
 * @param {{ host?: string, timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
export async function waitForPort(targetPort, { host = HOST, timeoutMs = START_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(targetPort, host))) {
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${host}:${targetPort} to accept connections.`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Returns whether nothing listens on `host:targetPort`, by binding it briefly. */
function isPortFree(targetPort, host = HOST) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        resolve(false);
      } else {
        reject(error);
      }
    });
    server.listen({ port: targetPort, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * Returns the pid stored in the pid file, or null when the file is missing or
 * does not contain a positive integer.
 */
function readPidFile() {
  let text;
  try {
    text = fs.readFileSync(brokerSettings.pidPath, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') {
      return null;
    }
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function removePidFile() {
  fs.rmSync(brokerSettings.pidPath, { force: true });
}

/**
 * Returns whether `pid` is a live broker started from this cache folder's
 * server.properties. On Linux the command line is checked, which also rejects
 * a reused pid and a zombie, whose command line is empty.
 */
function isBrokerProcess(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the pid belongs to another user, so it cannot be a broker these scripts started.
    if (error.code === 'ESRCH' || error.code === 'EPERM') {
      return false;
    }
    throw error;
  }
  if (!procfsAvailable) {
    // NOTE: without /proc (macOS) a reused pid of an unrelated process counts as the broker.
    return true;
  }
  let commandLine;
  try {
    commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ESRCH') {
      return false;
    }
    throw error;
  }
  const args = commandLine.split('\0');
  return args.includes('kafka.Kafka') && args.includes(brokerSettings.serverPropertiesPath);
}

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Returns whether `pid` has finished exiting. A zombie counts as exited. A
 * process with an empty command line does not, because it may still be exiting.
 */
function hasExited(pid) {
  if (!isProcessAlive(pid)) {
    return true;
  }
  if (!procfsAvailable) {
    return false;
  }
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ESRCH') {
      return true;
    }
    throw error;
  }
  // The state letter follows the command name, which is in brackets and may contain spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

/** Polls until `pid` has exited. Returns false on timeout. */
async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!hasExited(pid)) {
    if (Date.now() >= deadline) {
      return false;
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return true;
}

/**
 * Returns whether the broker started by these scripts is running: the pid in
 * the pid file is a live broker process and the client listener accepts TCP
 * connections.
 *
 * @returns {Promise<boolean>}
 */
export async function isBrokerRunning() {
  const pid = readPidFile();
  return pid !== null && isBrokerProcess(pid) && (await canConnect(brokerSettings.port));
}

// ---------------------------------------------------------------------------
// Fetch
// ---------------------------------------------------------------------------

/** Throws a message with `installHint` when `command` cannot be run. */
function requireCommand(command, versionArgs, installHint) {
  const result = spawnSync(command, versionArgs, { stdio: 'ignore' });
  if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT') {
    throw new Error(`${command} not found. ${installHint}`);
  }
  if (result.error) {
    throw new Error(`Failed to run ${command} ${versionArgs.join(' ')}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${versionArgs.join(' ')} failed with exit code ${result.status}. ${installHint}`);
  }
}

function requireJava() {
  const hint = process.env.JAVA_HOME
    ? `Point JAVA_HOME (now ${process.env.JAVA_HOME}) at a Java 17 runtime, or unset it to use java from PATH.`
    : 'Install a Java 17 runtime and put java on PATH, or set JAVA_HOME.';
  requireCommand(javaCommand, ['-version'], hint);
}

/** Returns whether the jars of the pinned Kafka version are in place. */
export function hasKafkaLibs() {
  return fs.existsSync(path.join(brokerSettings.libsDir, kafkaJarName));
}

function stripAnsiCodes(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Deletes partial download folders whose fetch process no longer runs. */
function removeAbandonedDownloads() {
  if (!fs.existsSync(homeDir)) {
    return;
  }
  for (const entry of fs.readdirSync(homeDir)) {
    const match = /^libs\.partial-(\d+)$/.exec(entry);
    if (match && !isProcessAlive(Number(match[1]))) {
      fs.rmSync(path.join(homeDir, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Downloads the broker jars with Maven into `libs/` unless the pinned Kafka jar
 * is already there. Maven writes into a temporary folder that is renamed into
 * place at the end, so an interrupted fetch never leaves a partial `libs/`.
 * A `libs/` from another Kafka version is replaced.
 *
 * @param {{ log?: (message: string) => void }} [options]
 * @returns {{ fetched: boolean }} `fetched` is false when the jars were already present.
 */
export function fetchKafkaLibs({ log = logInfo } = {}) {
  const { libsDir, pomPath } = brokerSettings;
  removeAbandonedDownloads();
  if (hasKafkaLibs()) {
    return { fetched: false };
  }
  requireJava();
  requireCommand('mvn', ['-v'], 'Install Apache Maven 3.8 or newer and put mvn on PATH.');

  fs.mkdirSync(homeDir, { recursive: true });
  const partialDir = `${libsDir}.partial-${process.pid}`;
  fs.rmSync(partialDir, { recursive: true, force: true });

  log(`Downloading Kafka ${KAFKA_VERSION} jars with Maven into ${libsDir}`);
  try {
    const result = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        pomPath,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${partialDir}`,
        '-DincludeScope=runtime',
      ],
      // Output is captured because Maven 3.8 prints stray ANSI reset codes even with -q.
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (result.error) {
      throw new Error(`Failed to run mvn: ${result.error.message}`);
    }
    if (result.status !== 0) {
      const output = stripAnsiCodes(`${result.stdout}${result.stderr}`).trim();
      throw new Error(
        `mvn dependency:copy-dependencies failed with exit code ${result.status ?? result.signal}:\n${output}`,
      );
    }
    if (!fs.existsSync(path.join(partialDir, kafkaJarName))) {
      throw new Error(`Maven finished, but ${kafkaJarName} is missing from ${partialDir}. Check ${pomPath}.`);
    }
    const jarCount = fs.readdirSync(partialDir).filter((name) => name.endsWith('.jar')).length;

    // Another fetch may have finished first, in which case its folder is kept.
    if (hasKafkaLibs()) {
      log(`Kafka ${KAFKA_VERSION} jars are already in ${libsDir}`);
      return { fetched: false };
    }
    if (fs.existsSync(libsDir)) {
      const outdatedDir = `${libsDir}.outdated-${process.pid}`;
      fs.renameSync(libsDir, outdatedDir);
      fs.rmSync(outdatedDir, { recursive: true, force: true });
    }
    fs.renameSync(partialDir, libsDir);
    log(`Fetched ${jarCount} jars into ${libsDir}`);
    return { fetched: true };
  } finally {
    fs.rmSync(partialDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Configuration files and storage format
// ---------------------------------------------------------------------------

// The credentials go into double-quoted JAAS options and into the StorageTool
// argument `SCRAM-SHA-512=[name=...,password=...]`, where these characters
// would end a value early.
const UNSUPPORTED_CREDENTIAL_CHARACTERS = /["\\,=[\]\s]/;

function validateAdminCredentials() {
  const credentials = [
    ['KAFKA_ADMIN_USERNAME', brokerSettings.adminUsername],
    ['KAFKA_ADMIN_PASSWORD', brokerSettings.adminPassword],
  ];
  for (const [name, value] of credentials) {
    if (UNSUPPORTED_CREDENTIAL_CHARACTERS.test(value)) {
      throw new Error(
        `Invalid ${name}: it must not contain whitespace or any of " \\ , = [ ]. ` +
          'Choose a value without them.',
      );
    }
  }
}

/** Escapes a value for a Java properties file, where a backslash starts an escape. */
function propertyValue(value) {
  return String(value).replaceAll('\\', '\\\\');
}

function serverProperties() {
  const { host, adminUsername, adminPassword, dataDir } = brokerSettings;
  const listener = `SASL_PLAINTEXT://${host}:${port}`;
  const scramJaas =
    'org.apache.kafka.common.security.scram.ScramLoginModule required ' +
    `username="${adminUsername}" password="${adminPassword}";`;
  // The controller listener authenticates with PLAIN against this static user
  // list, so the controller needs no anonymous super user.
  const plainJaas =
    'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
    `username="${adminUsername}" password="${adminPassword}" user_${adminUsername}="${adminPassword}";`;

  return [
    '# Generated by scripts/kafka/config.mjs on each start, so edits are overwritten.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${host}:${controllerPort}`,
    `listeners=${listener},CONTROLLER://${host}:${controllerPort}`,
    `advertised.listeners=${listener}`,
    'listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    'inter.broker.listener.name=SASL_PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${scramJaas}`,
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=${plainJaas}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=User:${adminUsername}`,
    `log.dirs=${propertyValue(dataDir)}`,
    // A single node cannot hold more than one replica of the internal topics.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=1',
    '',
  ].join('\n');
}

function log4jProperties() {
  return [
    '# Generated by scripts/kafka/config.mjs on each start, so edits are overwritten.',
    'log4j.rootLogger=INFO, brokerFile',
    'log4j.appender.brokerFile=org.apache.log4j.RollingFileAppender',
    `log4j.appender.brokerFile.File=${propertyValue(brokerSettings.brokerLogPath)}`,
    '# Caps the logs at about 30 MB: the current file plus two rolled ones.',
    'log4j.appender.brokerFile.MaxFileSize=10MB',
    'log4j.appender.brokerFile.MaxBackupIndex=2',
    'log4j.appender.brokerFile.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.brokerFile.layout.ConversionPattern=[%d] %p %m (%c)%n',
    '# StandardAuthorizer (Kafka 3.9) logs every denied request at INFO, which floods the log',
    '# in tests that check ACLs. The request logger logs every request at DEBUG,',
    '# so it stays at WARN even if the root level is lowered.',
    'log4j.logger.kafka.authorizer.logger=WARN',
    'log4j.logger.kafka.request.logger=WARN',
    '',
  ].join('\n');
}

/** Writes server.properties and log4j.properties into the cache folder. */
function writeConfigFiles() {
  fs.mkdirSync(homeDir, { recursive: true });
  fs.writeFileSync(brokerSettings.serverPropertiesPath, serverProperties());
  fs.writeFileSync(brokerSettings.log4jPropertiesPath, log4jProperties());
}

function javaBaseArgs() {
  return [
    '-cp',
    // Java expands the `*` itself, so no shell is involved.
    path.join(brokerSettings.libsDir, '*'),
    `-Dlog4j.configuration=file:${brokerSettings.log4jPropertiesPath}`,
  ];
}

/** Runs a Kafka tool class to completion and returns its stdout. */
function runKafkaTool(args) {
  const result = spawnSync(javaCommand, [...javaBaseArgs(), ...args], {
    cwd: homeDir,
    encoding: 'utf8',
  });
  if (result.error) {
    throw new Error(`Failed to run ${javaCommand}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim();
    throw new Error(`${args.slice(0, 2).join(' ')} failed with exit code ${result.status ?? result.signal}:\n${output}`);
  }
  return result.stdout;
}

function credentialFingerprint() {
  return createHash('sha256')
    .update(`${brokerSettings.adminUsername}\n${brokerSettings.adminPassword}`)
    .digest('hex');
}

/**
 * Formats `data/` with a new cluster id and the admin SCRAM credential, unless
 * `data/meta.properties` shows it is already formatted. Returns whether it
 * formatted.
 *
 * The SCRAM credential is stored in the cluster metadata at format time, so a
 * later change of KAFKA_ADMIN_USERNAME or KAFKA_ADMIN_PASSWORD does not reach
 * it. format.json records a hash of the credentials to detect that case.
 */
function formatStorageIfNeeded(log) {
  const { dataDir, formatRecordPath, serverPropertiesPath, adminUsername, adminPassword } = brokerSettings;
  if (fs.existsSync(path.join(dataDir, 'meta.properties'))) {
    checkFormatRecord();
    return false;
  }

  const clusterId = runKafkaTool(['kafka.tools.StorageTool', 'random-uuid']).trim();
  log(`Formatting ${dataDir} for new cluster ${clusterId}`);
  runKafkaTool([
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    serverPropertiesPath,
    '--add-scram',
    `SCRAM-SHA-512=[name=${adminUsername},password=${adminPassword}]`,
  ]);
  const record = { clusterId, adminUsername, credentialSha256: credentialFingerprint() };
  fs.writeFileSync(formatRecordPath, `${JSON.stringify(record, null, 2)}\n`);
  return true;
}

function checkFormatRecord() {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(brokerSettings.formatRecordPath, 'utf8'));
  } catch (error) {
    // Storage formatted by other means has no record, so there is nothing to compare.
    if (error.code === 'ENOENT') {
      return;
    }
    throw new Error(`Failed to read ${brokerSettings.formatRecordPath}: ${error.message}`);
  }
  if (record.credentialSha256 !== credentialFingerprint()) {
    throw new Error(
      `${brokerSettings.dataDir} was formatted with different admin credentials (user ${record.adminUsername}) ` +
        'than KAFKA_ADMIN_USERNAME and KAFKA_ADMIN_PASSWORD now contain, so the broker would reject the current ones. ' +
        'Restore the previous values, or run `node scripts/kafka/reset.mjs --yes` to delete the local cluster data.',
    );
  }
}

// ---------------------------------------------------------------------------
// Start and stop
// ---------------------------------------------------------------------------

function fileSize(filePath) {
  try {
    return fs.statSync(filePath).size;
  } catch (error) {
    if (error.code === 'ENOENT') {
      return 0;
    }
    throw error;
  }
}

/**
 * Returns whether the broker log contains the startup message after byte
 * `offset`. Reads from the start when the file is shorter than `offset`,
 * because log4j rolled it.
 */
function logShowsStarted(offset) {
  const { brokerLogPath } = brokerSettings;
  const size = fileSize(brokerLogPath);
  const start = size < offset ? 0 : offset;
  if (size === start) {
    return false;
  }
  const buffer = Buffer.alloc(size - start);
  const fd = fs.openSync(brokerLogPath, 'r');
  try {
    fs.readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.toString('utf8').includes(STARTED_LOG_MESSAGE);
}

function tailLines(filePath, count) {
  let text;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') {
      return '';
    }
    throw error;
  }
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Formats the last lines of the broker log and the JVM output for an error message. */
function describeLogs() {
  const { brokerLogPath, stdoutLogPath } = brokerSettings;
  const sections = [];
  const brokerLog = tailLines(brokerLogPath, LOG_TAIL_LINES);
  sections.push(
    brokerLog
      ? `Last ${LOG_TAIL_LINES} lines of ${brokerLogPath}:\n${brokerLog}`
      : `${brokerLogPath} is empty or missing.`,
  );
  const jvmOutput = tailLines(stdoutLogPath, LOG_TAIL_LINES);
  if (jvmOutput) {
    sections.push(`Last ${LOG_TAIL_LINES} lines of ${stdoutLogPath}:\n${jvmOutput}`);
  }
  return sections.join('\n\n');
}

/** Sends SIGTERM, then SIGKILL after `timeoutMs`, and removes the pid file. Returns whether SIGKILL was needed. */
async function terminateBroker(pid, timeoutMs, log) {
  process.kill(pid, 'SIGTERM');
  let forced = false;
  if (!(await waitForExit(pid, timeoutMs))) {
    log(`Broker (pid ${pid}) did not exit within ${timeoutMs / 1000} s of SIGTERM, so sending SIGKILL.`);
    forced = true;
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if (error.code !== 'ESRCH') {
        throw error;
      }
    }
    if (!(await waitForExit(pid, 5000))) {
      throw new Error(`Broker (pid ${pid}) is still running after SIGKILL.`);
    }
  }
  removePidFile();
  if (!(await waitForPortsReleased(5000))) {
    log(`Ports ${port} and ${controllerPort} are still in use 5 s after the broker (pid ${pid}) exited.`);
  }
  return forced;
}

/**
 * Polls until both broker ports can be bound again. Returns false on timeout.
 * In tests on Linux, a SIGKILLed broker's listening sockets stayed bound for up
 * to about 70 ms after the process was reaped, so an immediate restart failed.
 */
async function waitForPortsReleased(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortFree(port)) || !(await isPortFree(controllerPort))) {
    if (Date.now() >= deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
}

async function requireFreePort(targetPort, variableName) {
  if (!(await isPortFree(targetPort))) {
    throw new Error(
      `Port ${targetPort} on ${HOST} is already in use by another process, so the broker cannot listen on it. ` +
        `Stop that process or set ${variableName} to a free port.`,
    );
  }
}

/** Spawns the broker JVM detached from this process and writes the pid file. */
async function spawnBroker() {
  const { stdoutLogPath, serverPropertiesPath, pidPath } = brokerSettings;
  const outputFd = fs.openSync(stdoutLogPath, 'w');
  let child;
  try {
    child = spawn(javaCommand, ['-Xmx512m', ...javaBaseArgs(), 'kafka.Kafka', serverPropertiesPath], {
      cwd: homeDir,
      detached: true,
      stdio: ['ignore', outputFd, outputFd],
    });
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  } finally {
    fs.closeSync(outputFd);
  }
  child.unref();
  fs.writeFileSync(pidPath, `${child.pid}\n`);
  return child;
}

/**
 * Waits until the broker log shows the startup message and the client
 * listener accepts a TCP connection. Returns `ready: false` when the process
 * exits, with `exitDescription` set, or when the timeout passes first.
 */
async function waitForStartup(child, logOffset, timeoutMs) {
  let exitDescription = null;
  child.once('exit', (code, signal) => {
    exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitDescription !== null) {
      return { ready: false, exitDescription };
    }
    if (logShowsStarted(logOffset) && (await canConnect(port))) {
      return { ready: true };
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return { ready: false, exitDescription };
}

/**
 * @typedef {object} StartResult
 * @property {number} pid Process id of the broker JVM.
 * @property {boolean} alreadyRunning True when a broker started earlier was reused.
 * @property {boolean} formatted True when this call formatted a new cluster.
 */

/**
 * Starts the local broker unless it already runs, and resolves once it accepts
 * connections. Fetches the jars first if needed, rewrites server.properties and
 * log4j.properties, and formats `data/` when it contains no cluster yet.
 *
 * Throws when a port is taken by another process, or when the broker exits or
 * is not ready within 90 s. In that case the error message contains the log
 * tail, and a broker that is still starting is stopped.
 *
 * NOTE: two concurrent calls are not serialised, so both may spawn a JVM, and
 * the second fails because the first holds the ports and the data directory lock.
 *
 * @param {{ quiet?: boolean, log?: (message: string) => void, timeoutMs?: number }} [options]
 *   `quiet` suppresses the message for an already running broker.
 * @returns {Promise<StartResult>}
 */
export async function startBroker({ quiet = false, log = logInfo, timeoutMs = START_TIMEOUT_MS } = {}) {
  const readyMessage =
    `Kafka broker listening on ${brokerSettings.bootstrapServer} ` +
    `(SASL_PLAINTEXT, SCRAM-SHA-512, admin user ${brokerSettings.adminUsername})`;

  const existingPid = readPidFile();
  if (existingPid !== null && isBrokerProcess(existingPid)) {
    if (!(await canConnect(port))) {
      // Another start may still be in progress, so give it the full startup time.
      log(`Broker (pid ${existingPid}) is running but not accepting connections yet. Waiting up to ${timeoutMs / 1000} s.`);
      try {
        await waitForPort(port, { timeoutMs });
      } catch {
        throw new Error(
          `Broker (pid ${existingPid}) is running but did not accept connections on ` +
            `${brokerSettings.bootstrapServer} within ${timeoutMs / 1000} s. ` +
            `Stop it with \`npm run kafka:stop\` and start again.\n\n${describeLogs()}`,
        );
      }
    }
    if (!quiet) {
      log(`Broker is already running (pid ${existingPid}). ${readyMessage}`);
    }
    return { pid: existingPid, alreadyRunning: true, formatted: false };
  }
  if (fs.existsSync(brokerSettings.pidPath)) {
    log(`Removing stale pid file ${brokerSettings.pidPath}`);
    removePidFile();
  }

  validateAdminCredentials();
  await requireFreePort(port, 'KAFKA_LOCAL_PORT');
  await requireFreePort(controllerPort, 'KAFKA_LOCAL_CONTROLLER_PORT');
  requireJava();
  fetchKafkaLibs({ log });
  writeConfigFiles();
  const formatted = formatStorageIfNeeded(log);

  const logOffset = fileSize(brokerSettings.brokerLogPath);
  const child = await spawnBroker();
  log(`Started Kafka ${KAFKA_VERSION} broker (pid ${child.pid}), logging to ${brokerSettings.brokerLogPath}`);

  const outcome = await waitForStartup(child, logOffset, timeoutMs);
  if (outcome.ready) {
    log(readyMessage);
    return { pid: child.pid, alreadyRunning: false, formatted };
  }

  // Read the logs before stopping the broker, whose shutdown messages would hide the cause.
  const logs = describeLogs();
  let failure;
  if (outcome.exitDescription !== null) {
    removePidFile();
    failure = `Broker (pid ${child.pid}) exited with ${outcome.exitDescription} during startup.`;
  } else {
    await terminateBroker(child.pid, STOP_TIMEOUT_MS, log);
    failure =
      `Broker (pid ${child.pid}) did not start within ${timeoutMs / 1000} s, so it was stopped ` +
      'to release the ports and the data directory.';
  }
  throw new Error(`${failure}\n\n${logs}`);
}

/**
 * @typedef {object} StopResult
 * @property {boolean} wasRunning True when a live broker was stopped.
 * @property {number | null} pid Pid from the pid file, or null when there was none.
 * @property {boolean} forced True when the broker ignored SIGTERM and got SIGKILL.
 */

/**
 * Stops the broker named in the pid file with SIGTERM, sends SIGKILL if it has
 * not exited after `timeoutMs` (default 30 s), and removes the pid file.
 * When no broker started by these scripts is running, it only removes a stale
 * pid file.
 *
 * @param {{ log?: (message: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<StopResult>}
 */
export async function stopBroker({ log = logInfo, timeoutMs = STOP_TIMEOUT_MS } = {}) {
  const { pidPath } = brokerSettings;
  const pid = readPidFile();
  if (pid === null) {
    if (fs.existsSync(pidPath)) {
      removePidFile();
      log(`No broker is running. Removed ${pidPath}, which contained no valid pid.`);
    } else {
      log(`No broker is running (no pid file at ${pidPath}).`);
    }
    return { wasRunning: false, pid: null, forced: false };
  }
  if (!isBrokerProcess(pid)) {
    removePidFile();
    log(`No broker is running. Removed the stale pid file for process ${pid}.`);
    return { wasRunning: false, pid, forced: false };
  }

  log(`Stopping broker (pid ${pid})`);
  const forced = await terminateBroker(pid, timeoutMs, log);
  log(forced ? `Broker (pid ${pid}) killed.` : `Broker (pid ${pid}) stopped.`);
  return { wasRunning: true, pid, forced };
}

/**
 * Stops the broker and deletes `data/` and format.json, so that the next start
 * formats a new cluster. Jars, configuration and logs are kept.
 *
 * @param {{ log?: (message: string) => void }} [options]
 * @returns {Promise<void>}
 */
export async function resetBroker({ log = logInfo } = {}) {
  await stopBroker({ log });
  fs.rmSync(brokerSettings.dataDir, { recursive: true, force: true });
  fs.rmSync(brokerSettings.formatRecordPath, { force: true });
  log(`Deleted ${brokerSettings.dataDir}. The next start formats a new cluster.`);
}
