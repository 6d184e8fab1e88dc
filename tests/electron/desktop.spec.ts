import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, MISSING_BINARY_HELP } from '../../build/scripts/electron-path.mjs';
import { tempDatabase } from '../support/web-bridge';

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, `Skipped: the Electron binary is not installed on this machine. ${MISSING_BINARY_HELP}`);

  test('opens sandboxed on app://, with window.api and no Node, and keeps a round', async () => {
    const db = tempDatabase();
    const launch = () =>
      electron.launch({
        executablePath: binary ?? undefined,
        args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: { ...process.env, TRANCHE_DB: db },
      });
    const app = await launch();
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://tranche/index.html');
    expect(
      await page.evaluate(() => ({
        api: typeof (globalThis as { api?: unknown }).api,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      })),
    ).toEqual({
      api: 'object',
      require: 'undefined',
      process: 'undefined',
    });
    await page.getByRole('link', { name: 'Create a round' }).click();
    await page.getByLabel('Fund').fill('Invest to Save');
    await page.getByLabel('Round name').fill('2013-14 tranche 2');
    await page.getByLabel('Budget').fill('£350,000');
    await page.getByRole('button', { name: 'Create round' }).click();
    await expect(page.getByRole('row', { name: /2013-14 tranche 2/ })).toContainText('£350,000');
    await app.close();

    const again = await launch();
    const reopened = await again.firstWindow();
    await expect(reopened.getByRole('row', { name: /2013-14 tranche 2/ })).toContainText('£350,000');
    await again.close();
  });
});
