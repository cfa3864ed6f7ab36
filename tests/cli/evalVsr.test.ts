import { describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vsrEvalReportSchema } from '../../main/contract/vsrEvalSchema'
import { ROOT, runCli } from '../helpers/runCli'

const IMAGES = join(ROOT, 'tests/fixtures/vsr-images')

describe('spatial-lens eval vsr', () => {
  it('zero-shot split with ground-truth boxes: JSON per subset, the verifier judged apart from detection', () => {
    const run = runCli([
      'eval',
      'vsr',
      '--split',
      'zeroshot',
      '--boxes',
      join(IMAGES, 'coco_boxes.json'),
      '--voters',
      'language-prior,geometry-gt-boxes',
      '--json',
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = vsrEvalReportSchema.parse(JSON.parse(run.stdout))
    expect(report.subsets.map((s) => s.subset)).toEqual([
      'all test lines, text only',
      'test lines with an image vote',
    ])
    const all = report.subsets[0]
    expect(all.counts).toEqual({ train: 3489, dev: 340, test: 1222, testWithImages: 0 })
    const withImages = report.subsets[1]
    // coco_boxes.json covers 52 zero-shot test lines with both categories boxed (its PROVENANCE.md) — a few more
    // lines have one of the two boxed and get an abstention; the verifier answers most.
    expect(withImages.counts.testWithImages).toBeGreaterThanOrEqual(52)
    expect(withImages.voters['geometry-gt-boxes'].coverage).toBeGreaterThan(0.8)
    expect(withImages.ensembles.map((e) => e.method)).toEqual(['static', 'kfold'])
    expect(report.paper.find((p) => p.name.startsWith('SpatialEnsemble'))?.accuracy).toBe(0.7262)
  })

  it('runs NanoDet-m on the images it finds, with a progress bar on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vsr-images-'))
    try {
      for (const name of ['000000000142.jpg', '000000000370.jpg', '000000000397.jpg'])
        cpSync(join(IMAGES, 'images', name), join(dir, name))
      const run = runCli([
        'eval',
        'vsr',
        '--split',
        'random',
        '--images',
        dir,
        '--voters',
        'language-prior,geometry-nanodet',
      ])
      expect(run.status).toBe(0)
      expect(run.stderr).toMatch(/NanoDet-m on the images \[#+\] 3\/3/)
      expect(run.stdout).toMatch(/geometry-nanodet/)
      expect(run.stdout).toMatch(/Validation → test gap/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says how to point it at COCO images when the folder is missing, and refuses unknown voters', () => {
    const missing = runCli(['eval', 'vsr', '--images', '/nowhere/coco'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(
      /image folder not found: \/nowhere\/coco \(point --images at a folder of COCO-2017 images/,
    )
    const voter = runCli(['eval', 'vsr', '--voters', 'clip'])
    expect(voter.stderr).toMatch(/unknown voter "clip"/)
  })
})
