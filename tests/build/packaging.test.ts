import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

const targets = (platform: string) =>
  ((config[platform] as { target: (string | { target: string })[] }).target ?? []).map((t) =>
    typeof t === 'string' ? t : t.target,
  );

describe('electron-builder.yml', () => {
  it('builds NSIS, dmg, AppImage and deb installers under one app id', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Tranche');
    expect(targets('win')).toContain('nsis');
    expect(targets('mac')).toContain('dmg');
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('packs into an asar and unpacks native modules, shipping better-sqlite3 13 as it is', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // From 13, better-sqlite3 is a Node-API addon: one binary loads in Node and in Electron, so
    // nothing needs rebuilding for Electron (and a rebuild would need Electron's headers online).
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^1[3-9]\./);
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the fuses that close Node-level doors into the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the app and its migrations but not the web bridge, command line or tests', () => {
    const files = config.files as string[];
    expect(files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'db/migrations/**']),
    );
    expect(
      files.some(
        (f) => /bridge|cli|tests|electron\/\*\*$/.test(f) && !f.startsWith('!') && !f.startsWith('dist/'),
      ),
    ).toBe(false);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('keeps electron a dev dependency whose own download script is replaced by ours', () => {
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.allowScripts.electron).toBe(false);
  });
});
