import nx from '@nx/eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import security from 'eslint-plugin-security';

// Module boundaries from ARCHITECTURE.md: server → server|shared, web → web|shared, shared → shared;
// apps compose, features never import apps, testing libs only from tests.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/tmp',
      '**/coverage',
      '**/.nx',
      '**/gql/**',
      '**/vite.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // The all-in-one launcher composes the apps' start functions (ARCHITECTURE.md: embedded default).
          allow: ['@pa/api', '@pa/worker', '@pa/sms-router'],
          depConstraints: [
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:tools',
              onlyDependOnLibsWithTags: ['scope:tools', 'scope:server', 'scope:shared'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:tool',
                'type:feature',
                'type:data-access',
                'type:ui',
                'type:util',
                'type:testing',
              ],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
            // type:testing and type:tool are allowed so specs can use them; no-restricted-imports below keeps them out of non-test code.
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:ui',
                'type:util',
                'type:testing',
                'type:tool',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:testing', 'type:tool'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:data-access',
                'type:util',
                'type:app',
                'type:tool',
              ],
            },
            // Development tools (Twilio sandbox, SMTP catcher): started by the launcher in development.
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  {
    // Security lint (docs/security.md): eslint-plugin-security's recommended rules as errors, two of them
    // replaced by something that tells a real finding from noise.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    plugins: { security, regexp },
    rules: {
      ...Object.fromEntries(Object.keys(security.configs.recommended.rules).map((rule) => [rule, 'error'])),
      // Flags every `obj[key]` (261 places here, nearly all typed Record and array reads): the noise
      // would bury any real finding. Untrusted keys meet Maps or allowlists in the code that takes them.
      'security/detect-object-injection': 'off',
      // safe-regex's star-height guess both misses and over-reports; this rule analyses the regex and
      // names the attack string (ReDoS in user text: the assistant's parsers read every message).
      'security/detect-unsafe-regex': 'off',
      'regexp/no-super-linear-backtracking': 'error',
    },
  },
  {
    // Tests, test helpers, end-to-end and development tools write temp files, spawn servers and build
    // patterns from fixtures by design; product code (apps/*/src, libs) keeps these rules.
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.int-spec.ts',
      '**/*.e2e.ts',
      '**/jest.*',
      'libs/server/testing/**',
      'apps/*/src/testing/**',
      'apps/web-e2e/**',
      'tools/**',
    ],
    rules: {
      'security/detect-non-literal-fs-filename': 'off',
      'security/detect-child-process': 'off',
      'security/detect-non-literal-require': 'off',
      'security/detect-non-literal-regexp': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Jest configs share the workspace's coverage settings (tools/jest) by path: build tooling, not a
    // module dependency of the project.
    files: ['**/jest.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Test helpers and development tools (mail catcher, Twilio and push stand-ins) are for tests,
    // tools and the launcher's development mode only: never in production code.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e.ts',
      'libs/server/testing/**',
      'apps/*/src/testing/**',
      'libs/server/*/src/testing/**',
      'apps/launcher/**',
      '**/jest.*',
      'apps/web-e2e/**',
      'tools/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@pa/server-testing', message: 'Testing helpers are for tests only.' },
            ...['@pa/smtp-catcher', '@pa/twilio-sandbox', '@pa/push-sandbox'].map((name) => ({
              name,
              message: 'Development tools are started by the launcher, never imported by production code.',
            })),
          ],
        },
      ],
    },
  },
];
