import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One temp root per run, removed at the end (tests/setup/tempRoot.ts).
    globalSetup: ['tests/setup/tempRoot.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: keep parallelism modest so heavy geometry tests don't starve each other.
    maxWorkers: 2,
    // expect.poll's default of 1 s is too short for a UI round trip on a loaded 2-core machine;
    // polls still end as soon as they pass.
    expect: { poll: { timeout: 15_000 } },
  },
})
