import { describe, expect, it } from 'vitest'
import { sceneEvalReportSchema } from '../../main/contract/sceneEvalSchema'
import { runCli } from '../helpers/runCli'

// `spatial-lens eval scenes` through the built CLI (npm run eval), on the smallest synthetic frame.

describe('spatial-lens eval scenes', () => {
  it('--json prints a report that its schema accepts, with the 6 synthetic solids', () => {
    const run = runCli([
      'eval',
      'scenes',
      '--datasets',
      'synthetic-320x240',
      '--no-open3d',
      '--json',
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = sceneEvalReportSchema.parse(JSON.parse(run.stdout))
    expect(report.datasets.map((d) => d.id)).toEqual(['synthetic-320x240'])
    expect(report.datasets[0].summary.ours).toMatchObject({ found: 6, total: 6 })
  })

  it('prints the accuracy table as text, with progress on stderr', () => {
    const run = runCli(['eval', 'scenes', '--datasets', 'synthetic-320x240', '--no-open3d'])
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('evaluating synthetic-320x240…\n')
    expect(run.stdout).toMatch(/^Scene evaluation: ours vs Open3D \(not run\) on the same frames/)
    expect(run.stdout).toMatch(/\| Synthetic tabletop 320×240 [^|]*\| ours, visible box \| 6\/6 \|/)
    // Scenes carry amodal boxes: the amodal row has numbers (the cylinders' centres move onto their axes).
    expect(run.stdout).toMatch(
      /\| ours, amodal box \(6 of 6; visible box for the rest\) \| 6\/6 \|/,
    )
  })

  it('refuses an unknown dataset, naming the valid ones', () => {
    const run = runCli(['eval', 'scenes', '--datasets', 'kitchen'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /^error: unknown dataset "kitchen"; choose from sunrgbd, synthetic-320x240/,
    )
  })

  it('says where the fixtures should be when they are missing', () => {
    const run = runCli(['eval', 'scenes', '--fixtures', '/nonexistent-fixtures', '--no-open3d'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /^error: missing fixtures: \/nonexistent-fixtures\/sunrgbd-mmdet3d does not exist/,
    )
  })

  it('--help prints the usage and exits 0', () => {
    const run = runCli(['eval', 'scenes', '--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^npx spatial-lens eval scenes \[--datasets LIST\]/)
  })

  it('leaves `eval cot` as it was: it still asks for an LLM', () => {
    const run = runCli(['eval', 'cot'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^error: eval cot needs an LLM/)
  })

  it('names both evaluations for an unknown one', () => {
    const run = runCli(['eval', 'nothing'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/unknown evaluation "nothing"/)
    expect(run.stderr).toContain('spatial-lens eval scenes')
  })
})
