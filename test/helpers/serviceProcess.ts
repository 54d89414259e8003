import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A Puente process started as an operator would start it (`node dist/bot/index.js`, or tsx over the sources). */
export interface ServiceProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Milliseconds from spawn to the "listening" log line. */
  listeningAfterMs: number;
  /** Resident set size now, in MiB (from /proc). */
  rssMiB(): number;
  output(): string;
  /** SIGTERM, then the exit code (null when killed by a signal). */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  cwd: string;
  /** Arguments to node, e.g. ['dist/bot/index.js']. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Run as this user (when the test runs as root), as the container does. */
  uid?: number;
  gid?: number;
  timeoutMs?: number;
}

/** Spawns the service with PORT=0 and resolves once its "Puente is listening" line names the URL. */
export function startService(options: StartOptions): Promise<ServiceProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...options.env, PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<ServiceProcess>((resolve, reject) => {
    let listening = false;
    const fail = (why: string) => {
      if (listening) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}; output:\n${out}`));
    };
    const timer = setTimeout(() => fail('no "listening" line in time'), options.timeoutMs ?? 60_000);
    void exited.then((code) => fail(`exited with ${code} before listening`));
    child.stdout.on('data', () => {
      // Whole lines only: a chunk of the pipe may end in the middle of one.
      const line = listening ? undefined : out.split('\n').slice(0, -1).find((l) => l.includes('"Puente is listening"'));
      if (!line) return;
      listening = true;
      clearTimeout(timer);
      const listeningAfterMs = performance.now() - started;
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        child,
        listeningAfterMs,
        rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
        output: () => out,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
