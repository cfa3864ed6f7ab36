/**
 * Test runs left hundreds of spatial-lens-* folders in the system temp folder (files that forgot to clean up, or
 * were killed by a timeout). Every temp path of a run now lives under the run's own root, removed at its end.
 */
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { basename, dirname } from 'node:path'
import { expect, it } from 'vitest'

it('test files and the processes they start write temp files under the run root', () => {
  expect(basename(tmpdir())).toMatch(/^spatial-lens-test-run-/)
  const child = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], {
    encoding: 'utf8',
  })
  expect(child.trim()).toBe(tmpdir())
  expect(dirname(tmpdir())).not.toBe(tmpdir())
})
