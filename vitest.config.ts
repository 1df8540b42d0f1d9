import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // Every area's strings, as an extension page loads them (content scripts load fewer).
          setupFiles: ['test/setup/i18n.ts'],
          // The forest and data-set tests are CPU-bound: keep to the machine's two cores.
          maxWorkers: 2,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          // The store packages in .output/ (`npm run test:packages` builds them first).
          name: 'packages',
          include: ['test/packages/**/*.package.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          // One Chromium at a time: each test file owns a browser and local servers.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
