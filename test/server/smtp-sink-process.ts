import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';

/** The SMTP server process of the delivery tests (smtp-sink.ts), started and read from. */
export interface Sink {
  readonly port: number;
  readonly process: ChildProcess;
}

/** Starts the SMTP server process (test/server/smtp-sink.ts) and waits for its port. */
export function startSink(dir: string, port = 0): Promise<Sink> {
  // node itself (tsx as a loader), so killing it really takes the SMTP server down
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/server/smtp-sink.ts', dir, String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /SMTP_SINK_READY (\d+)/.exec(out);
      if (match) resolve({ port: Number(match[1]), process: child });
    });
    child.once('exit', (code) => reject(new Error(`smtp sink exited (${code})`)));
  });
}

export function stopSink(sink: Sink): Promise<void> {
  return new Promise((resolve) => {
    sink.process.removeAllListeners('exit');
    sink.process.once('exit', () => resolve());
    sink.process.kill('SIGKILL');
  });
}

export async function received(dir: string): Promise<ParsedMail[]> {
  // in the order the SMTP server accepted them (file names restart with each sink process)
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => a.at - b.at || a.f.localeCompare(b.f));
  return Promise.all(files.map(({ f }) => simpleParser(readFileSync(join(dir, f)))));
}
