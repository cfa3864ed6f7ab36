import { describe, expect, it } from 'vitest'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { labelCheckText } from '../../main/cli/labelCheckText'
import { runCli } from '../helpers/runCli'

const MUG_PCD = 'tests/fixtures/pcl-kinect/pcd/table_scene_mug_stereo_textured.pcd'
const TUM = [
  '--rgb',
  'tests/fixtures/tum-open3d/TUM_color.png',
  '--depth',
  'tests/fixtures/tum-open3d/TUM_depth.png',
  '--intrinsics',
  'tests/fixtures/tum-open3d/intrinsics.json',
]

describe('labelCheckText', () => {
  it('shows the confidence of a trusted label, and the note of a demoted one', () => {
    const check = {
      detectorLabel: 'bottle',
      confidence: 0.679,
      isPlausible: true,
      hasFewPoints: false,
    }
    expect(labelCheckText(check)).toBe('detector 68 %')
    expect(
      labelCheckText({
        ...check,
        isPlausible: false,
        note: 'detector said "bottle" (68 %), but …',
      }),
    ).toBe('(detector said "bottle" (68 %), but …)')
  })
})

describe('spatial-lens scene: label checks and frame warnings (built CLI, NanoDet-m)', () => {
  it('prints the PCL mug as a described object with the detector\'s "fire hydrant" as a note', () => {
    const run = runCli(['scene', '--pcd', MUG_PCD])
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    const mug = lines.find((line) => line.includes('(detector said "fire hydrant"'))
    expect(mug).toBeDefined()
    expect(mug).toMatch(/^ {2}\S+ object /)
    expect(lines.some((line) => line.startsWith('  fire hydrant'))).toBe(false)
  })

  it('carries the label check in the JSON scene', () => {
    const run = runCli(['scene', '--pcd', MUG_PCD, '--json'])
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    const mug = scene.objects.find((o) => o.labelCheck?.detectorLabel === 'fire hydrant')
    expect(mug?.labelCheck).toMatchObject({ isPlausible: false, hasFewPoints: false })
    expect(mug?.label).not.toBe('fire hydrant')
  })

  it("shows each detected object's confidence on the TUM frame, with no warning at its own depthScale 5000", () => {
    const run = runCli(['scene', ...TUM])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^ {2}bottle .* points {2}detector \d+ %$/m)
    expect(run.stdout).not.toContain('warning: camera')
  })

  it('warns that TUM read with --depth-scale 1000 is 5× too far, naming the fix', () => {
    const run = runCli(['scene', ...TUM, '--depth-scale', '1000'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /^warning: camera 8\.\d\d m above the support plane: depth looks 5× too far/m,
    )
    expect(run.stdout).toContain('use depthScale 5000 (--depth-scale 5000')
  })
})
