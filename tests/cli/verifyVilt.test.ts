import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, runCli } from '../helpers/runCli'
import { installTinyVilt, tinyViltGraph } from '../helpers/tinyVilt'

const TUM = join(ROOT, 'tests/fixtures/tum-open3d')
const frame = [
  '--rgb',
  join(TUM, 'TUM_color.png'),
  '--depth',
  join(TUM, 'TUM_depth.png'),
  '--intrinsics',
  join(TUM, 'intrinsics.json'),
]

describe('spatial-lens verify with the ViLT classifier installed', () => {
  it('adds the "vilt" vote; without the model there is none', async () => {
    const models = mkdtempSync(join(tmpdir(), 'vilt-verify-'))
    try {
      // Logits [+1, −1] whatever the image (meanScale 0): P(true) = 1/(1+e^2), so the vote is false at 88 %.
      const { runner } = installTinyVilt(tinyViltGraph([1, -1], [0, 0]), { cache: models })
      await runner.dispose()
      const statement = 'the chair is left of the table'
      const run = runCli(['verify', ...frame, '--vlm', 'none', '--json', statement], {
        ...process.env,
        SPATIAL_LENS_MODELS: models,
      })
      expect(run.stderr).toBe('')
      const vilt = JSON.parse(run.stdout).votes.find(
        (v: { voterId: string }) => v.voterId === 'vilt',
      )
      expect(vilt.verdict).toBe('false')
      expect(vilt.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 5)
      expect(vilt.reason).toContain('The chair is left of the table.')

      const none = mkdtempSync(join(tmpdir(), 'vilt-none-'))
      const without = runCli(['verify', ...frame, '--vlm', 'none', '--json', statement], {
        ...process.env,
        SPATIAL_LENS_MODELS: none,
      })
      rmSync(none, { recursive: true, force: true })
      expect(
        JSON.parse(without.stdout).votes.map((v: { voterId: string }) => v.voterId),
      ).not.toContain('vilt')
    } finally {
      rmSync(models, { recursive: true, force: true })
    }
  })
})
