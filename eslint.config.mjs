// Lint with type information: promises must be awaited or handled, switches over unions
// must be exhaustive. Formatting is Prettier's job, not the linter's.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'apps/web/vite.config.ts', 'apps/web/vitest*.config.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is the product's rules: pure TypeScript, no framework, no I/O (the clock
    // and any data are passed in), so the API, the web and the tools can all run it.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/**', '@nestjs/typeorm', 'class-validator', 'class-validator/**', 'class-transformer', 'class-transformer/**'],
              message: 'libs/domain imports no server framework, ORM or DTO validation: keep the rule pure and let apps/api adapt it.',
            },
            {
              group: ['react*', 'react*/**'],
              message: 'libs/domain imports no UI library: the web client uses the domain, not the other way round.',
            },
            {
              group: ['pg', 'pg/**', '@electric-sql/*'],
              message: 'libs/domain does no I/O: no database drivers; apps/api reads and writes, the domain decides.',
            },
            {
              group: ['fs', 'fs/**', 'node:fs', 'node:fs/**', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'http2', 'node:http2', 'child_process', 'node:child_process'],
              message: 'libs/domain does no I/O: take the data (and the clock) as arguments; files, sockets and processes belong to apps or tools.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories touch TypeORM (CONVENTIONS.md): services and controllers see plain
    // data and the repositories' methods, so a query never hides in business logic.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/**/*.entity.ts', 'apps/api/src/database/**', 'apps/api/src/ledger/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/**', '@nestjs/typeorm'],
              message: 'Only *.repository.ts, *.entity.ts, src/database/** and src/ledger/** may import TypeORM: move the query into a repository.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely typed JSON answers; the assertions are the type check there.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
