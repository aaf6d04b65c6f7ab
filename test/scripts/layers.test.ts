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

  // Inside renderer/: app → features → ui / use-cases → sync / db → platform. A virtual
  // feature folder (`example`), so no temporary override of eslint.config.js applies.
  it.each([
    ['renderer/features/example/Screen.tsx', "import { getDb } from '../../db/database';"],
    [
      'renderer/features/example/Screen.tsx',
      "import { listClients } from '../../db/repositories/clients';",
    ],
    ['renderer/features/example/Screen.tsx', "import { syncNow } from '../../sync/sync-service';"],
    [
      'renderer/features/example/Screen.tsx',
      "import { ClientSyncBadges } from '../sync/RefusalNotices';",
    ],
    [
      'renderer/features/example/Screen.tsx',
      "import { InventoryTable } from '../inventory/InventoryTable';",
    ],
    ['renderer/features/example/Screen.tsx', "import { router } from '../../app/router';"],
    ['renderer/app/Layout.tsx', "import { BackupPanel } from '../features/backup/BackupPanel';"],
    ['renderer/app/Layout.tsx', "import { getDb } from '../db/database';"],
    ['renderer/ui/Widget.tsx', "import { ClientsPage } from '../features/clients';"],
    ['renderer/ui/Widget.tsx', "import { getDb } from '../db/database';"],
    ['renderer/use-cases/example/act.ts', "import { FormError } from '../../ui/FormError';"],
    ['renderer/use-cases/example/act.ts', "import { ClientsPage } from '../../features/clients';"],
    ['renderer/sync/example.ts', "import { saveClient } from '../use-cases/clients/save-client';"],
    ['renderer/db/example.ts', "import { ClientsPage } from '../features/clients/ClientsPage';"],
    ['renderer/db/repositories/example.ts', "import { syncNow } from '../../sync/sync-service';"],
    ['renderer/platform/example.ts', "import { getDb } from '../db/database';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['renderer/features/example/Screen.tsx', "import { ClientSyncBadges } from '../sync';"],
    [
      'renderer/features/example/Screen.tsx',
      "import { InventoryTable } from '../inventory/index';",
    ],
    ['renderer/features/example/Screen.tsx', "import { Field } from '../../ui/Field';"],
    [
      'renderer/features/example/Screen.tsx',
      "import { useClients } from '../../use-cases/clients/clients';",
    ],
    ['renderer/features/example/Screen.tsx', "import { Row } from './Row';"],
    [
      'renderer/features/example/Screen.tsx',
      "import { formatMoney } from '../../../shared/format/money';",
    ],
    ['renderer/app/Layout.tsx', "import { BackupFailureNotice } from '../features/backup';"],
    ['renderer/use-cases/example/act.ts', "import { getDb } from '../../db/database';"],
    ['renderer/use-cases/example/act.ts', "import { syncNow } from '../../sync/sync-service';"],
    ['renderer/db/example.ts', "import { desktop } from '../platform/desktop';"],
    ['renderer/db/example.ts', "import { mutationSchema } from '../../shared/sync/mutation';"],
    ['renderer/sync/example.ts', "import { getDb } from '../db/database';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
