/**
 * `scene:analyze` with a raw frame that carries the robot's TF frames (located in the camera frame by the host):
 * the service places them in the scene's world frame, and questions can name them. Distances are checked
 * against hand values (a frame put exactly 0.5 m behind the mug's centre along the optical axis), so a wrong
 * placement (the camera-frame point used as a world point, a transposed pose) cannot pass.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { rawFrameInputSchema, type RawFrameInput } from '../../main/contract/rawFrameSchema'
import type { Vec3 } from '../../main/engine/types'
import { MUG_AND_LAPTOP, loadSyntheticFrame } from '../helpers/syntheticTabletop'

const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-analyze-'))
const service = new SpatialService(new InlineSceneExecutor(), 'cli', {
  log: new MeasurementLog({ path: join(temp, 'log.jsonl') }),
})
afterAll(() => service.dispose())

/** The synthetic 640×480 frame as a raw frame, decoded by the test helper (not our loaders). */
function rawSynthetic(extra: Partial<RawFrameInput> = {}) {
  const frame = loadSyntheticFrame('640x480')
  return {
    kind: 'raw' as const,
    name: 'synthetic',
    cameraId: 'synthetic',
    timestampNs: '0',
    rgb: frame.rgb,
    depth: frame.depth!,
    intrinsics: frame.intrinsics,
    ...extra,
  }
}

async function analyze(frame: ReturnType<typeof rawSynthetic>) {
  const result = await service.handle('scene:analyze', {
    frame,
    regions: MUG_AND_LAPTOP.regions,
    perception: { detector: 'none' },
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.summary
}

/** Column-major 4×4 · point, written out here (the test's own reference). */
function apply(m: number[], p: Vec3): Vec3 {
  return [0, 1, 2].map((r) => m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r]) as Vec3
}

const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

describe('scene:analyze places the TF frames a raw frame carries', () => {
  it('puts each frame at worldFromCamera · pointInCamera, and answers distances from it', async () => {
    const plain = await analyze(rawSynthetic())
    expect(plain.robotFrames).toBeUndefined()
    const mug = plain.objects.find((o) => o.name === 'mug')!
    const laptop = plain.objects.find((o) => o.name === 'laptop')!
    const gripperInCamera: Vec3 = [
      mug.centerInCamera[0],
      mug.centerInCamera[1],
      mug.centerInCamera[2] + 0.5,
    ]
    const summary = await analyze(
      rawSynthetic({
        robotFrames: {
          points: [
            { frameId: 'tool0', pointInCamera: gripperInCamera },
            { frameId: 'base_link', pointInCamera: [0, 0.4, 1] },
          ],
          gripperFrameId: 'tool0',
          warnings: ['frame "wrist" has no transform at that time'],
        },
      }),
    )
    expect(summary.robotFrames!.gripperFrameId).toBe('tool0')
    const [tool0, base] = summary.robotFrames!.points
    expect(tool0).toMatchObject({ frameId: 'tool0', name: 'tool0' })
    expect(base.name).toBe('base link')
    const expectedWorld = apply(summary.worldFromCamera, gripperInCamera)
    tool0.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(expectedWorld[i], 9))
    expect(summary.warnings).toContain('frame "wrist" has no transform at that time')

    const ask = async (question: string) => {
      const reply = await service.handle('qa:ask', { sceneId: summary.sceneId, question })
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value
    }
    expect((await ask('how far is the gripper from the mug')).value).toBeCloseTo(0.5, 6)
    const fromLaptop = dist(gripperInCamera, laptop.centerInCamera)
    expect((await ask('how far is the gripper from the laptop')).value).toBeCloseTo(fromLaptop, 6)
  })

  it('keeps a point cloud as a point cloud and the depth file scale for its warnings', async () => {
    const summary = await analyze(rawSynthetic({ depthSource: 'pointcloud', depthScale: 1000 }))
    expect(summary.provenance.depthSource).toBe('pointcloud')
    expect((await analyze(rawSynthetic())).provenance.depthSource).toBe('sensor')
  })
})

describe('the raw frame contract: robot frames and depth source', () => {
  const base = rawSynthetic()
  const withFrames = (points: unknown) => ({ ...base, robotFrames: { points } })
  const issuePath = (value: unknown) => {
    const parsed = rawFrameInputSchema.safeParse(value)
    return parsed.success ? null : parsed.error.issues[0].path.join('.')
  }

  it('refuses non-finite, huge or too many frame origins, naming the field', () => {
    expect(issuePath(withFrames([{ frameId: 'a', pointInCamera: [0, 0, 1] }]))).toBeNull()
    expect(issuePath(withFrames([{ frameId: 'a', pointInCamera: [Number.NaN, 0, 1] }]))).toBe(
      'robotFrames.points.0.pointInCamera.0',
    )
    expect(issuePath(withFrames([{ frameId: 'a', pointInCamera: [0, 1e308, 1] }]))).toBe(
      'robotFrames.points.0.pointInCamera.1',
    )
    expect(issuePath(withFrames([{ frameId: ' ', pointInCamera: [0, 0, 1] }]))).toBe(
      'robotFrames.points.0.frameId',
    )
    const many = Array.from({ length: 513 }, (_, i) => ({
      frameId: `f${i}`,
      pointInCamera: [0, 0, 1],
    }))
    expect(issuePath(withFrames(many))).toBe('robotFrames.points')
  })

  it('refuses a depth source without depth', () => {
    const { depth: _depth, ...colourOnly } = base
    expect(issuePath({ ...colourOnly, depthSource: 'pointcloud' })).toBe('depthSource')
  })
})
