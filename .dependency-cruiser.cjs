/**
 * Dependency rules for `src/` (run by `npm run lint:deps` and by test/architecture/dependencies.test.ts).
 *
 * Folders are layered from the inside out; a module may import its own folder, the kernel (`src/*.ts`)
 * and any folder of a lower layer, never a higher one. Folders of one layer may import each other as
 * long as no folder cycle forms (the test checks cycles between folders).
 */

/** Inner layers first. */
const LAYERS = [
  ['language', 'ingest', 'feedback'],
  ['numbers'],
  ['tables'],
  ['indicators', 'retrieval'],
  ['answer'],
  ['metrics'],
  ['openai-compat', 'slack'],
  ['http', 'store'],
  ['composition'],
  ['eval'],
  ['bench', 'soak'],
  ['cli'],
];

const folders = (list) => `^src/(${list.join('|')})/`;

/** One rule per layer: nothing in it imports a folder of a higher layer. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} must not import the outer layers (${LAYERS.slice(i + 1).flat().join(', ')})`,
  severity: 'error',
  from: { path: folders(layer) },
  to: { path: folders(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules do not import each other in a cycle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-only-from-cli',
      comment: 'src/cli holds the command-line entry points; nothing else imports it (wiring lives in src/composition).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'kernel-imports-no-folder',
      comment: 'The kernel (src/config.ts, errors.ts, logger.ts, prng.ts, types.ts) depends on no folder of src.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'widget-reads-only-answer-types',
      comment: 'The browser widget shares only the response types with the server.',
      severity: 'error',
      from: { path: '^src/widget/' },
      to: { path: '^src/', pathNot: ['^src/widget/', '^src/answer/schema\\.ts$'] },
    },
    {
      name: 'server-code-never-imports-the-widget',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/widget/', '^src/http/widget-bundle\\.ts$'] },
      to: { path: '^src/widget/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};
