import type { Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { expect } from './fixtures';

/**
 * A page at a laptop's and a small laptop's size: no axe violations and no sideways scroll at
 * either. With SHOTS set to a folder, a full-page screenshot of each, to look at.
 */
export async function atBothSizes(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoAccessibilityViolations(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `no sideways scroll at ${width}×${height}`).toBeLessThanOrEqual(clientWidth);
    if (process.env.SHOTS)
      await page.screenshot({ path: `${process.env.SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}
