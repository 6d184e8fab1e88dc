import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder borders are lint rules; prove they bite by linting code that crosses them.
const eslint = new ESLint();

async function messages(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process borders', () => {
  it('stop the renderer importing Node, Electron or the database', async () => {
    expect(
      await messages('renderer/src/bad.ts', "import fs from 'node:fs';\nexport const x = fs;"),
    ).toHaveLength(1);
    expect(
      await messages(
        'renderer/src/bad.ts',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      ),
    ).toHaveLength(1);
    expect(
      await messages(
        'renderer/src/bad.ts',
        "import { rounds } from '../../db/schema';\nexport const x = rounds;",
      ),
    ).toHaveLength(1);
    expect(
      await messages(
        'renderer/src/ok.ts',
        "import { formatMoney } from '../../shared/money';\nexport const x = formatMoney;",
      ),
    ).toEqual([]);
  });

  it('keep shared/ pure and away from db/', async () => {
    expect(await messages('shared/bad.ts', "import path from 'path';\nexport const x = path;")).toHaveLength(
      1,
    );
    expect(
      await messages('shared/bad.ts', "import { funds } from '../db/schema';\nexport const x = funds;"),
    ).toHaveLength(1);
  });

  it('keep Electron out of the handlers, the command line and the bridge', async () => {
    for (const file of [
      'electron/handlers/bad.ts',
      'electron/cli/bad.ts',
      'electron/bridge/bad.ts',
      'db/bad.ts',
    ]) {
      expect(
        await messages(file, "import { app } from 'electron';\nexport const x = app;"),
        file,
      ).toHaveLength(1);
    }
  });
});
