import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers' import rules are enforced by lint (and, for shared/, by its tsconfig). These
 * tests lint virtual files with the project's real config to prove the rules bite.
 */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    "import { app } from 'electron';",
    "import { readFile } from 'node:fs';",
    "import Dexie from 'dexie';",
    "import { useState } from 'react';",
    "import { db } from '../../renderer/db/database';",
    "import { startApp } from '../electron/app';",
    "import { buildApp } from '../../server/app';",
  ])('shared/ may not: %s', async (code) => {
    expect(
      await restrictedImports('shared/billing/example.ts', `${code}\nexport {};\n`),
    ).toHaveLength(1);
  });

  it('shared/ may import other shared modules and pure libraries', async () => {
    expect(
      await restrictedImports(
        'shared/billing/example.ts',
        "import { z } from 'zod';\nimport { IPC_CHANNELS } from '../ipc-channels';\nexport { z, IPC_CHANNELS };\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ['renderer/features/x.ts', "import { app } from 'electron';"],
    ['renderer/features/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/features/x.ts', "import { buildApp } from '../../server/app';"],
    ['electron/x.ts', "import { db } from '../renderer/db/database';"],
    ['server/x.ts', "import { startApp } from '../electron/app';"],
    ['server/x.ts', "import Dexie from 'dexie';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });
});
