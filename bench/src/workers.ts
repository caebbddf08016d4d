/** The orchestrator's handle on one forked load-client process (clientWorker.ts), with typed IPC requests. */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ParentMsg, WorkerMsg } from './clientWorker.js';
import { sleep } from './latency.js';
import { ROOT, track } from './servers.js';

const WORKER_JS = path.join(ROOT, 'bench', 'dist', 'clientWorker.js');

export class Worker {
  readonly proc: ChildProcess;
  private waiters: Array<{ type: WorkerMsg['type']; resolve: (m: WorkerMsg) => void }> = [];
  private failure: Error | null = null;
  private stderr = '';

  constructor(readonly index: number) {
    this.proc = fork(WORKER_JS, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    track(this.proc);
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    this.proc.on('message', (m: WorkerMsg) => {
      if (m.type === 'error') this.fail(new Error(`worker ${index}: ${m.message}`));
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
    });
    this.proc.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`worker ${index} exited with ${code}: ${this.stderr}`));
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
  }

  send(msg: ParentMsg): void {
    this.proc.send(msg);
  }

  /** Waits for the next message of a type; rejects on worker failure or after timeoutMs. */
  async request<T extends WorkerMsg['type']>(type: T, timeoutMs: number, msg?: ParentMsg) {
    const reply = new Promise<WorkerMsg>((resolve) => this.waiters.push({ type, resolve }));
    if (msg) this.send(msg);
    const deadline = Date.now() + timeoutMs;
    let done: WorkerMsg | null = null;
    void reply.then((m) => {
      done = m;
    });
    while (!done && Date.now() < deadline) {
      if (this.failure) throw this.failure;
      await sleep(20);
    }
    if (!done) throw new Error(`worker ${this.index}: no '${type}' within ${timeoutMs} ms ${this.stderr}`);
    return done as Extract<WorkerMsg, { type: T }>;
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
