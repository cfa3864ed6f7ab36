/**
 * vitest global setup: every test run writes its temporary files (mkdtemp under os.tmpdir(), model caches, homes,
 * settings, child processes' files) under one fresh directory, removed when the run ends — so a run leaves nothing
 * behind in the system temp folder even when a test file forgets to clean up or is killed by a timeout.
 * Test workers and the processes they spawn inherit TMPDIR from here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const root = mkdtempSync(join(tmpdir(), 'spatial-lens-test-run-'))
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
