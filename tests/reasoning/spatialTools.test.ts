import { describe, expect, it } from 'vitest'
import { gapBetween, matchObject } from '../../main/engine/answers'
import { moveToward } from '../../main/engine/reasoning'
import type { SceneObject } from '../../main/engine/types'
import { runTool } from '../../main/reasoning/guard'
import { createSpatialTools } from '../../main/reasoning/spatialTools'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'

const scene = sceneFromGroundTruth(loadGroundTruth())
const tools = createSpatialTools(scene)
const obj = (n: string): SceneObject => {
  const m = matchObject(scene, n)
  if (m.status !== 'ok') throw new Error(n)
  return m.object
}
const call = async (name: string, args: Record<string, unknown>): Promise<any> => {
  const s = await runTool(tools, name, args)
  return s.startsWith('Error:') ? s : JSON.parse(s)
}

describe('spatial tools', () => {
  it('offers the documented tools', () => {
    expect(tools.map((t) => t.name)).toEqual([
      'list_objects',
      'measure',
      'object_size',
      'relation',
      'direction',
      'fits_between',
      'what_if_move',
      'point_at_pixel',
      'convert_units',
      'distance_from_camera',
      'elevation',
      'count_objects',
      'rank_objects',
      'verify_relation',
    ])
  })

  it('exposes the grammar operations (values from the ground truth)', async () => {
    const cam = await call('distance_from_camera', { object: 'mug' })
    expect(cam.value).toBeCloseTo(Math.hypot(-0.08, 0.044615, 1.122724), 4)
    const top = await call('elevation', { object: 'bottle', level: 'top' })
    expect(top.value).toBeCloseTo(0.25, 4)
    const n = await call('count_objects', {
      what: 'everything',
      relation: 'left',
      reference: 'mug',
    })
    expect(n.value).toBe(2) // box_small (x −0.30) and laptop (x −0.25) are left of the mug (x −0.08)
    const boxes = await call('count_objects', { what: 'boxes' })
    expect(boxes.value).toBe(2)
    const tallest = await call('rank_objects', { quantity: 'height', extreme: 'max' })
    expect(tallest.value).toBe('bottle')
    const nearMug = await call('rank_objects', {
      quantity: 'distance',
      extreme: 'min',
      from: 'mug',
    })
    expect(nearMug.value).toBe('box_small')
    expect(await call('count_objects', { relation: 'on' })).toMatch(/^Error: give both/)
  })

  it('lists objects and measures through the engine', async () => {
    const list = await call('list_objects', {})
    expect(list.objects.map((o: any) => o.name)).toContain('laptop')
    const gap = await call('measure', { quantity: 'gap', a: 'mug', b: 'laptop' })
    expect(gap.value_m).toBeCloseTo(gapBetween(scene, obj('mug'), obj('laptop')).value as number, 4)
    const size = await call('object_size', { object: 'bottle' })
    expect(size.height_m).toBeCloseTo(0.25, 6)
    const rel = await call('relation', { relation: 'left', a: 'mug', b: 'can' })
    expect(rel.holds).toBe(true)
    const dir = await call('direction', { from: 'mug', to: 'bottle' })
    expect(dir.clock_hour).toBeGreaterThanOrEqual(1)
    const fits = await call('fits_between', { a: 'mug', b: 'box_tall', width_m: 0.05 })
    expect(typeof fits.fits).toBe('boolean')
    const conv = await call('convert_units', { value: 20, from: 'cm', to: 'in' })
    expect(conv.value).toBeCloseTo(7.874, 3)
  })

  it('what_if_move re-measures on the moved scene', async () => {
    const r = await call('what_if_move', { object: 'mug', toward: 'laptop', distance_m: 0.2 })
    const m = moveToward(scene, obj('mug'), obj('laptop'), 0.2)
    const after = gapBetween(m.scene, m.moved, obj('laptop')).value as number
    expect(r.quantity).toBe('gap')
    expect(r.after_m).toBeCloseTo(after, 4)
    expect(r.before_m - r.after_m).toBeGreaterThan(0.1)
    const up = await call('what_if_move', {
      object: 'mug',
      dz_m: 0.3,
      measure_to: 'bottle',
      quantity: 'vertical_distance',
    })
    expect(up.after_m).toBeCloseTo(Math.abs(0.35 - 0.125), 4)
  })

  it('returns errors as text listing the known names', async () => {
    const unknown = await call('measure', { quantity: 'gap', a: 'cup', b: 'laptop' })
    expect(unknown).toMatch(/^Error: unknown object "cup"\. Known objects: .*"mug".*"laptop"/)
    expect(await call('object_size', { object: 'box' })).toMatch(
      /matches several objects: "box_small", "box_tall"/,
    )
    expect(await call('point_at_pixel', { u: 1, v: 1 })).toMatch(/no depth image/)
    expect(await call('what_if_move', { object: 'mug', toward: 'laptop' })).toMatch(/distance_m/)
    expect(await call('measure', { quantity: 'diagonal', a: 'mug', b: 'laptop' })).toMatch(
      /do not match its schema/,
    )
    expect(await call('fly', {})).toMatch(/unknown tool "fly".*list_objects/)
  })

  it('answers point queries when the frame has depth', async () => {
    const { width, height } = scene.intrinsics
    const depth = { width, height, data: new Float32Array(width * height).fill(1.2) }
    const withDepth = createSpatialTools(scene, { depth })
    const r = JSON.parse(
      await runTool(withDepth, 'point_at_pixel', {
        u: scene.intrinsics.cx,
        v: scene.intrinsics.cy,
      }),
    )
    expect(r.depth_m).toBeCloseTo(1.2, 6)
    expect(r.point_camera_m[2]).toBeCloseTo(1.2, 4)
  })
})
