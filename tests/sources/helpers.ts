import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { SourceError } from '../../main/sources/SourceError'

/** Absolute path of a file under tests/fixtures. */
export function fixture(relativePath: string): string {
  return fileURLToPath(new URL(`../fixtures/${relativePath}`, import.meta.url))
}

/** A fresh temp directory for bad inputs made by a test; `cleanup` removes it. */
export function makeTempDir(): {
  dir: string
  write: (name: string, data: Uint8Array | string) => string
  cleanup: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-sources-'))
  return {
    dir,
    write: (name, data) => {
      const path = join(dir, name)
      writeFileSync(path, data)
      return path
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Asserts that `run` throws (or rejects with) a one-line SourceError whose message matches every pattern. */
export async function expectSourceError(
  run: () => unknown,
  ...patterns: RegExp[]
): Promise<SourceError> {
  let caught: unknown
  try {
    await run()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a SourceError to be thrown').toBeInstanceOf(SourceError)
  const error = caught as SourceError
  expect(error.message).not.toContain('\n')
  for (const pattern of patterns) expect(error.message).toMatch(pattern)
  return error
}

/** Number of positions where two float arrays differ, NaN equal to NaN. */
export function countFloatMismatches(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length)
  let mismatches = 0
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) mismatches++
  }
  return mismatches
}
