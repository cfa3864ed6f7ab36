import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { sizeRules } from './eslint.config.size.js'

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/results/**', '.tmp/**', '.gpu/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The engine is pure: it runs in workers, browsers and tests, never touching a host.
    files: ['main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'],
              message: 'The engine is pure TypeScript: no Node built-ins.',
            },
            {
              group: [
                'electron',
                'three',
                'three/*',
                'react',
                'react-dom',
                'onnxruntime-node',
                'onnxruntime-*',
                '@langchain/*',
                'sharp',
                'fast-png',
              ],
              message:
                'The engine is pure TypeScript: hosts and libraries with side effects stay outside main/engine.',
            },
            {
              group: [
                '../sources/*',
                '../services/*',
                '../cli/*',
                '../server/*',
                '../electron/*',
                '../../sources/*',
                '../../services/*',
              ],
              message: 'The engine may import only engine files.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is a leaf: zod and itself at run time; engine types only as `import type` (to check schemas
    // against them). tests/architecture/layers.test.ts holds the same rule over the whole import graph.
    files: ['main/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '../../*'],
              allowTypeImports: true,
              message:
                'main/contract imports only zod and itself (engine types with `import type`).',
            },
            {
              group: [
                'node:*',
                'electron',
                'sharp',
                'onnxruntime-*',
                '@langchain/*',
                'three',
                'react',
              ],
              message: 'main/contract imports only zod and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches the Node side only through the contract and the engine (it runs sandboxed in a browser).
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)main/(?!contract/|engine/)',
              message: 'The renderer imports main/ only from main/contract and main/engine.',
            },
            {
              group: [
                'node:*',
                'electron',
                'sharp',
                'onnxruntime-node',
                'fs',
                'path',
                'child_process',
              ],
              message: 'The renderer runs in a browser: no Node or Electron modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Files ≤ 300 lines, functions ≤ 60, with today's offenders capped (eslint.config.size.js).
  ...sizeRules,
)
