import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMainModule } from '../../scripts/main-module';
import { electronRunner, type ElectronChild } from '../../scripts/dev';

describe('isMainModule (scripts/main-module.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bordereau-scripts-'));
  const folder = join(dir, 'Mes documents', 'Électron');
  mkdirSync(folder, { recursive: true });
  const script = join(folder, 'build-electron.ts');
  writeFileSync(script, '');
  const moduleUrl = pathToFileURL(script).href;

  it('recognises the started script when its path has spaces and accents', () => {
    // The old string-built `file://${argv[1]}` never matched this URL, so nothing was built.
    expect(moduleUrl).not.toBe(`file://${script}`);
    expect(isMainModule(script, moduleUrl)).toBe(true);
  });

  it('recognises it through a symlinked checkout', () => {
    const link = join(dir, 'checkout');
    symlinkSync(folder, link, 'junction');
    expect(isMainModule(join(link, 'build-electron.ts'), moduleUrl)).toBe(true);
  });

  it('is false for another entry script, or none', () => {
    const other = join(folder, 'dev.ts');
    writeFileSync(other, '');
    expect(isMainModule(other, moduleUrl)).toBe(false);
    expect(isMainModule(undefined, moduleUrl)).toBe(false);
  });
});

/** A stand-in Electron process: kill() only records; the test decides when it exits. */
class FakeChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  kills: (NodeJS.Signals | number | undefined)[] = [];
  kill(signal?: NodeJS.Signals | number) {
    this.kills.push(signal);
    return true;
  }
  exit(code = 0) {
    this.exitCode = code;
    this.emit('exit', code, null);
  }
}

function setup(killTimeoutMs?: number) {
  const children: FakeChild[] = [];
  let quits = 0;
  const runner = electronRunner({
    spawn: () => {
      const child = new FakeChild();
      children.push(child);
      // The fake implements what the runner uses of a ChildProcess.
      return child as unknown as ElectronChild;
    },
    onQuit: () => quits++,
    ...(killTimeoutMs === undefined ? {} : { killTimeoutMs }),
  });
  return { runner, children, quits: () => quits };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('electronRunner (scripts/dev.ts)', () => {
  it('starts the new Electron only after the old one has exited, without ending the session', async () => {
    const { runner, children, quits } = setup();
    await runner.restart();
    expect(children).toHaveLength(1);

    const restarted = runner.restart();
    await tick();
    expect(children[0]!.kills).toEqual([undefined]);
    // The old one still holds the single-instance lock: nothing spawned yet.
    expect(children).toHaveLength(1);
    children[0]!.exit();
    await restarted;
    expect(children).toHaveLength(2);
    expect(quits()).toBe(0);
  });

  it('ends the session when the developer closes the current Electron', async () => {
    const { runner, children, quits } = setup();
    await runner.restart();
    children[0]!.exit();
    expect(quits()).toBe(1);
  });

  it('folds rebuilds of main and preload arriving together into one restart', async () => {
    const { runner, children } = setup();
    await runner.restart();
    const first = runner.restart();
    const second = runner.restart();
    await tick();
    children[0]!.exit();
    await Promise.all([first, second]);
    expect(children).toHaveLength(2);
    expect(children[0]!.kills).toHaveLength(1);
  });

  it('kills with SIGKILL an Electron that does not exit', async () => {
    const { runner, children } = setup(10);
    await runner.restart();
    const restarted = runner.restart();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(children[0]!.kills).toEqual([undefined, 'SIGKILL']);
    children[0]!.exit();
    await restarted;
    expect(children).toHaveLength(2);
  });

  it('stops for good: no restart after stop, and no quit callback for its exit', async () => {
    const { runner, children, quits } = setup();
    await runner.restart();
    const stopped = runner.stop();
    children[0]!.exit();
    await stopped;
    await runner.restart();
    expect(children).toHaveLength(1);
    expect(quits()).toBe(0);
  });
});
