import { describe, expect, it } from 'vitest'
import {
  centreAccuracy,
  combineRounds,
  compareStages,
  formatAccuracy,
  formatStageTable,
  normalAngleDeg,
  parseJsonOutput,
  parseResolution,
  STAGE_MAP,
  syntheticIntrinsics,
  validateOpen3d,
  validateOurs,
  type OursOutput,
  type Open3dOutput,
} from '../../bench/lib.js'

const ours: OursOutput = {
  timingsMs: {
    noise: 1,
    filter: 2,
    backproject: 3,
    voxel: 10,
    plane: 5,
    segment: 1,
    cluster: 4,
    boxes: 2,
    naming: 0.5,
    amodal: 1,
  },
  totalMs: 30,
  objects: [
    { centerInCamera: [0, 0, 1] },
    { centerInCamera: [0.5, 0, 1] },
    { centerInCamera: [3, 3, 3] },
  ],
  plane: { normal: [0, -0.866, -0.5], offset: 0.65 },
}
const open3d: Open3dOutput = {
  stagesMs: { backproject: 2, voxel: 20, plane: 10, cluster: 5, boxes: 5 },
  totalMs: 40,
  objects: [{ centerInCamera: [0.01, 0, 1] }],
  planeNormal: [0, 0.866, 0.5],
}

describe('bench helpers', () => {
  it('gives the synthetic-tabletop intrinsics', () => {
    expect(syntheticIntrinsics(640, 480)).toEqual({
      width: 640,
      height: 480,
      fx: 525,
      fy: 525,
      cx: 319.5,
      cy: 239.5,
      depthScale: 1000,
    })
    expect(syntheticIntrinsics(1280, 960).fx).toBe(1050)
    expect(parseResolution('320x240')).toEqual({ width: 320, height: 240 })
    expect(() => parseResolution('640*480')).toThrow(/WIDTHxHEIGHT/)
  })

  it('maps every stage our CLI reports exactly once', () => {
    const mapped = STAGE_MAP.flatMap((m) => m.ours).sort()
    expect(mapped).toEqual(Object.keys(ours.timingsMs).sort())
  })

  it('parses one JSON object, pretty-printed or after log lines', () => {
    expect(parseJsonOutput('{\n  "a": 1\n}\n', 'x')).toEqual({ a: 1 })
    expect(parseJsonOutput('loading…\n{"a": 2}\n', 'x')).toEqual({ a: 2 })
    expect(() => parseJsonOutput('', 'our CLI')).toThrow(/our CLI printed nothing/)
    expect(() => parseJsonOutput('Error: boom', 'our CLI')).toThrow(
      /did not print a JSON object[\s\S]*boom/,
    )
    expect(() => parseJsonOutput('[1, 2]', 'x')).toThrow(/did not print a JSON object/)
  })

  it('names the first bad field when validating', () => {
    expect(validateOurs(ours)).toBe(ours)
    expect(validateOpen3d(open3d)).toBe(open3d)
    expect(() => validateOurs({ totalMs: 1, objects: [] })).toThrow(/missing "timingsMs"/)
    expect(() => validateOurs({ ...ours, totalMs: 'fast' })).toThrow(/totalMs/)
    expect(() => validateOpen3d({ ...open3d, objects: [{ centerInWorld: [0, 0, 0] }] })).toThrow(
      /objects\[0\]\.centerInCamera/,
    )
  })

  it('sums our stages onto Open3D stages and gives ratios', () => {
    const rows = compareStages(ours, open3d)
    const byStage = Object.fromEntries(rows.map((r) => [r.stage, r]))
    expect(byStage.backproject.oursMs).toBe(6)
    expect(byStage.backproject.ratio).toBe(3)
    expect(byStage.voxel.ratio).toBe(0.5)
    expect(byStage.cluster.oursMs).toBe(5)
    expect(byStage.boxes.oursMs).toBe(2.5)
    expect(byStage.amodal.oursMs).toBe(1)
    expect(byStage.amodal.ratio).toBeNull()
    expect(byStage['stages Σ'].oursMs).toBe(29.5)
    expect(byStage['stages Σ'].open3dMs).toBe(42)
    expect(byStage.total.ratio).toBe(0.75)
    expect(byStage.unmapped).toBeUndefined()
  })

  it('reports unknown stages and runs without Open3D', () => {
    const rows = compareStages({ ...ours, timingsMs: { ...ours.timingsMs, decode: 7 } }, null)
    const unmapped = rows.find((r) => r.stage === 'unmapped')!
    expect(unmapped.oursMs).toBe(7)
    expect(unmapped.oursStages).toEqual(['decode'])
    expect(rows.every((r) => r.open3dMs === null && r.ratio === null)).toBe(true)
  })

  it('combines rounds by the median of each stage and of the total', () => {
    const round = (voxel: number, totalMs: number): Open3dOutput => ({
      ...open3d,
      stagesMs: { ...open3d.stagesMs, voxel },
      totalMs,
    })
    const combined = combineRounds([round(20, 40), round(50, 90), round(30, 45)], 'stagesMs')
    expect(combined.stagesMs.voxel).toBe(30)
    expect(combined.stagesMs.plane).toBe(10)
    expect(combined.totalMs).toBe(45)
    expect(combined.objects).toEqual(open3d.objects)
    expect(combineRounds([ours], 'timingsMs')).toBe(ours)
    expect(combineRounds([round(20, 40), round(30, 50)], 'stagesMs').totalMs).toBe(45)
  })

  it('matches ground truth to the nearest centres one to one', () => {
    const truth = [
      { name: 'a', centre_camera: [0, 0, 1.01] as [number, number, number] },
      { name: 'b', centre_camera: [0.52, 0, 1] as [number, number, number] },
      { name: 'c', centre_camera: [-1, 0, 1] as [number, number, number] },
    ]
    const accuracy = centreAccuracy(ours.objects, truth)
    expect(accuracy.matched).toBe(2)
    expect(accuracy.missed).toEqual(['c'])
    expect(accuracy.extra).toBe(1)
    expect(accuracy.meanErrorM).toBeCloseTo(0.015, 10)
    expect(accuracy.maxErrorM).toBeCloseTo(0.02, 10)
    // One object nearest to two truths is used once.
    const one = centreAccuracy(
      [{ centerInCamera: [0, 0, 1] }],
      truth.slice(0, 1).concat({ name: 'd', centre_camera: [0, 0, 1.05] }),
    )
    expect(one.matched).toBe(1)
    expect(one.matches[0].name).toBe('a')
    expect(centreAccuracy([], truth).meanErrorM).toBeNull()
  })

  it('measures plane normal angles regardless of sign', () => {
    expect(normalAngleDeg([0, 0, 1], [0, 0, -1])).toBeCloseTo(0, 6)
    expect(normalAngleDeg([0, 0, 1], [0, 1, 0])).toBeCloseTo(90, 6)
    expect(normalAngleDeg(undefined, [0, 0, 1])).toBeNull()
  })

  it('formats an aligned table and accuracy lines', () => {
    const table = formatStageTable(compareStages(ours, open3d))
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/^stage\s+ours ms\s+open3d ms\s+ours\/o3d/)
    expect(table).toMatch(/backproject\s+6\.00\s+2\.00\s+3\.00×\s+noise\+filter\+backproject/)
    expect(table).toMatch(/total\s+30\.00\s+40\.00\s+0\.75×/)
    expect(lines.filter((l) => /^-+/.test(l))).toHaveLength(2)
    expect(formatStageTable(compareStages(ours, null))).toMatch(/total\s+30\.00\s+—\s+—/)
    const accuracy = centreAccuracy(ours.objects, [{ name: 'a', centre_camera: [0, 0, 1.01] }])
    expect(formatAccuracy('ours', accuracy, 0.25)).toBe(
      'ours: 3 objects for 1 true (1 matched, 2 extra), centre error mean 1.00 cm, max 1.00 cm, plane normal off by 0.25°',
    )
    expect(formatAccuracy('open3d', undefined)).toBe('open3d: not run')
  })
})
