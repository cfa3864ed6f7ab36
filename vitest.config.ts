import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: keep parallelism modest so heavy geometry tests don't starve each other.
    maxWorkers: 2,
  },
})
