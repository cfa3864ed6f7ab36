import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vsrEvalReportSchema } from '../../main/contract/vsrEvalSchema'
import { ROOT, runCli } from '../helpers/runCli'
import { installTinyVilt, tinyViltGraph } from '../helpers/tinyVilt'

const IMAGES = join(ROOT, 'tests/fixtures/vsr-images')

describe('spatial-lens eval vsr --voters vilt', () => {
  it('runs the installed ViLT classifier (tiny graph) on the captions of the images it finds', async () => {
    const models = mkdtempSync(join(tmpdir(), 'vilt-models-'))
    const dir = mkdtempSync(join(tmpdir(), 'vsr-images-'))
    try {
      const { runner } = installTinyVilt(tinyViltGraph([0, 0], [-1, 1]), { cache: models })
      await runner.dispose()
      for (const name of ['000000000142.jpg', '000000000370.jpg', '000000000397.jpg'])
        cpSync(join(IMAGES, 'images', name), join(dir, name))
      const env = { ...process.env, SPATIAL_LENS_MODELS: models }
      const run = runCli(
        [
          'eval',
          'vsr',
          '--split',
          'random',
          '--images',
          dir,
          '--voters',
          'language-prior,vilt',
          '--json',
        ],
        env,
      )
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr).toMatch(/ViLT VSR classifier on the captions \[#+\] \d+\/\d+/)
      const report = vsrEvalReportSchema.parse(JSON.parse(run.stdout))
      expect(report.voters).toEqual(['language-prior', 'vilt'])
      const withImages = report.subsets.find((s) => s.subset === 'test lines with an image vote')
      // The tiny classifier never abstains: every test line with one of the three images gets its vote.
      expect(withImages?.voters.vilt.coverage).toBe(1)
    } finally {
      rmSync(models, { recursive: true, force: true })
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('asked for by name without the model: says how to install it', () => {
    const models = mkdtempSync(join(tmpdir(), 'vilt-none-'))
    try {
      const env = { ...process.env, SPATIAL_LENS_MODELS: models }
      const run = runCli(
        ['eval', 'vsr', '--images', join(IMAGES, 'images'), '--voters', 'vilt'],
        env,
      )
      expect(run.status).not.toBe(0)
      expect(run.stderr).toMatch(/model "vilt-vsr" .* is not installed: it has no public download/)
    } finally {
      rmSync(models, { recursive: true, force: true })
    }
  })
})
