/**
 * Bundles the CLI (src/cli/bin.ts and everything it imports, lazily loaded parts as separate
 * chunks) and the training worker (src/pipeline/train-worker.ts) into dist/bundle/ with esbuild. Node 20's ESM loader resolves and reads every file on
 * its own, and a run-all touches about 150 files from dist/ and node_modules (commander, pino,
 * vega's ~40 packages): one file per lazily loaded part cuts the start-up and vega's load time
 * (measured in README "Speed"). `tsc` still type-checks and emits dist/ for the Cloud Function
 * entry and the dev servers.
 *
 * Kept out of the bundle: the Google Cloud clients (they read proto and JSON files next to
 * their code at run time) and resvg (a native addon).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunk names carry content hashes: clear the old ones.
rmSync(`${root}/dist/bundle`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The training worker is an entry of its own (worker-pool.ts finds it next to the bundle),
  // sharing the engine's chunk with the CLI.
  entryPoints: { bin: 'src/cli/bin.ts', 'train-worker': 'src/pipeline/train-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@google-cloud/*', 'google-auth-library', '@resvg/resvg-js'],
  alias: {
    // vega-canvas's Node build probes for the optional `canvas` addon with a top-level await;
    // charts here are drawn without a canvas (renderer 'none', our own text metrics), which is
    // exactly what its browser build does when no DOM is present.
    // (The package's exports map names that build only as its `default` condition.)
    'vega-canvas': `${root}/node_modules/vega-canvas/build/vega-canvas.browser.js`,
  },
  // Bundled CommonJS packages (commander, pino, papaparse) call require() for Node built-ins.
  banner: { js: "import { createRequire as __forecastRequire } from 'node:module'; const require = __forecastRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'external',
  logLevel: 'warning',
});
