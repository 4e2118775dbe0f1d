// Child processes of a bench run: every one is tracked so that any exit path (normal end, error,
// SIGINT/SIGTERM, even process.exit) can stop it.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

const live = new Set();

/**
 * Starts `node <script> [args…]` with a clean environment (PATH and HOME plus `env`, nothing else inherited,
 * so a DATABASE_URL in the caller's shell cannot leak in); its output goes to <logDir>/<label>.log.
 */
export function spawnNode(label, script, env, logDir, args = [], nodeArgs = []) {
  const logFile = path.join(logDir, `${label}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const handle = { label, child, logFile };
  live.add(handle);
  handle.exited = new Promise((resolve) => {
    const done = (code, signal) => {
      live.delete(handle);
      resolve({ code, signal });
    };
    child.once('exit', done);
    child.once('error', () => done(null, null));
  });
  return handle;
}

export function isRunning(handle) {
  return handle.child.exitCode === null && handle.child.signalCode === null && live.has(handle);
}

/** SIGTERM, then SIGKILL after graceMs; resolves when the process is gone. */
export async function stopChild(handle, graceMs = 5000) {
  if (!isRunning(handle)) return handle.exited;
  handle.child.kill('SIGTERM');
  const timer = setTimeout(() => handle.child.kill('SIGKILL'), graceMs);
  const result = await handle.exited;
  clearTimeout(timer);
  return result;
}

export async function stopAll(graceMs = 5000) {
  await Promise.all([...live].map((h) => stopChild(h, graceMs)));
}

/** Last resort on process exit: synchronous, so it also runs from process.on('exit'). */
export function killAllNow() {
  for (const h of live) {
    try {
      h.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function logTail(handle, lines = 20) {
  try {
    return readFileSync(handle.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
