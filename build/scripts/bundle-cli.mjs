// Bundles the command line into dist/cli (ES modules, split at each dynamic import) so that a
// command starts in a fraction of a second: no TypeScript compiler at start-up, one file to parse,
// and the Excel, Word and PDF libraries in chunks loaded only by the commands that write or read
// those files. Built at install (postinstall) and again by `npm run tranche` whenever a source is
// newer than the bundle (build/scripts/tranche.mjs), so a user never runs the sources through tsx.
import { build } from 'esbuild';
import * as nodeCrypto from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const CLI_BUNDLE = path.join(root, 'dist/cli/main.mjs');

/**
 * Node's crypto module takes about 4 ms to load, and a command that only reads (`rounds list`) never
 * hashes, signs or draws a random id. A bundled module's `import { createHash } from 'node:crypto'`
 * would load it at start-up all the same, so here it imports a stand-in whose functions load the
 * real module on their first call. Only functions are offered: importing anything else (a class
 * such as KeyObject as a value, a constant) from node:crypto fails the build rather than misbehave.
 */
const lazyCrypto = {
  name: 'lazy-node-crypto',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.kind === 'import-statement' ? { path: 'node:crypto', namespace: 'lazy-crypto' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => {
      const names = Object.keys(nodeCrypto).filter(
        (name) => /^[a-z]/.test(name) && typeof nodeCrypto[name] === 'function',
      );
      return {
        loader: 'js',
        contents: [
          "const real = () => process.getBuiltinModule('node:crypto');",
          ...names.map((name) => `export const ${name} = (...args) => real().${name}(...args);`),
          `export default { ${names.join(', ')} };`,
        ].join('\n'),
      };
    });
  },
};

/** How long a file no build has written is kept: far longer than any command runs. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Moves a finished build into dist/cli beside what is there. A command loads some chunks only after
 * it has started (a channel's schemas and handler, the audit recording of a write, Excel…), so a
 * rebuild meanwhile (`npm run tranche` after a source changed, or a second one building at the same
 * moment) must leave the chunks it started with in place: chunk names are hashes of their contents,
 * so the build's files are renamed in one by one, the migrations' journal after their files, and
 * main.mjs, the entry, last. Files that no build has written for a day are removed.
 */
function moveIn(fresh, target) {
  const moved = new Set();
  const move = (name) => {
    mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    renameSync(path.join(fresh, name), path.join(target, name));
    moved.add(name);
  };
  const last = ['migrations/meta/_journal.json', 'main.mjs.map', 'main.mjs'];
  for (const entry of readdirSync(fresh, { recursive: true, withFileTypes: true })) {
    const name = path.relative(fresh, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !last.includes(name)) move(name);
  }
  for (const name of last) move(name);
  rmSync(fresh, { recursive: true, force: true });
  const now = Date.now();
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (
      entry.isFile() &&
      !moved.has(path.relative(target, file)) &&
      now - statSync(file).mtimeMs > STALE_AFTER_MS
    )
      rmSync(file, { force: true });
  }
}

/**
 * Builds into a folder of its own and then moves it in (moveIn), so that a command started
 * meanwhile never loads half a bundle, nor misses a chunk it loads later.
 */
export async function bundleCli() {
  const target = path.join(root, 'dist/cli');
  const fresh = `${target}.${process.pid}.new`;
  rmSync(fresh, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: root,
    metafile: true,
    // entry.ts turns on Node's compile cache before the rest loads: later starts skip parsing.
    entryPoints: { main: 'electron/cli/entry.ts' },
    outdir: fresh,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: 'linked',
    // Smaller to read and parse at every start; the source map keeps stack traces readable.
    minify: true,
    logLevel: 'warning',
    // pdfmake (through pdfkit) reads its font metrics from files beside its own modules, by
    // __dirname, which an ES module bundle does not have: it loads from node_modules instead.
    external: ['better-sqlite3', 'pdfmake', 'pdfmake/*', 'pdfkit'],
    plugins: [lazyCrypto],
    // Bundled CommonJS libraries call require(); an ES module has none unless it is made.
    banner: {
      js:
        "import { createRequire as __trancheRequire } from 'node:module';\n" +
        'const require = __trancheRequire(import.meta.url);',
    },
  });
  // db/migrations-folder.ts finds the migrations beside the module that asks: here, dist/cli.
  cpSync(path.join(root, 'db/migrations'), path.join(fresh, 'migrations'), { recursive: true });
  // What it was built from, so `npm run tranche` can tell a stale bundle by those files alone
  // (build/scripts/tranche.mjs) rather than by reading every folder of sources at each start.
  // (Files only: a stand-in module of a plugin, such as lazy-crypto's, is no file to compare.)
  const sources = Object.keys(metafile.inputs).filter(
    (file) => !file.startsWith('node_modules/') && existsSync(path.join(root, file)),
  );
  const migrations = readdirSync(path.join(root, 'db/migrations'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  writeFileSync(path.join(fresh, 'inputs.json'), JSON.stringify([...sources, ...migrations].sort()));
  moveIn(fresh, target);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
