import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InlineModelRunner } from '../../../main/inference/InlineModelRunner'
import { NanoDetDetector } from '../../../main/inference/models/nanodet'
import { loadRgbdFrame } from '../../../main/sources/rgbdFrame'
import { loadPcdFrame } from '../../../main/sources/pcd'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { detectionsToRegions } from '../../../main/engine/scene/objectsFromDetections'
import type { Detection } from '../../../main/engine/perception/types'
import type { Frame, Scene, SceneObject } from '../../../main/engine/types'

// The examples on the real fixtures, with the real NanoDet-m weights on the CPU.
const MODEL_DIR = 'models/builtin/nanodet-m'
const F = 'tests/fixtures'
const rgbd = (rgb: string, depth: string, intrinsics: string, depthScale?: number) => () =>
  loadRgbdFrame({
    rgbPath: join(F, rgb),
    depthPath: join(F, depth),
    intrinsicsPath: join(F, intrinsics),
    depthScale,
  })
const FRAMES: Record<string, () => Promise<Frame>> = {
  tum: rgbd('tum-open3d/TUM_color.png', 'tum-open3d/TUM_depth.png', 'tum-open3d/intrinsics.json'),
  tumAt1000: rgbd(
    'tum-open3d/TUM_color.png',
    'tum-open3d/TUM_depth.png',
    'tum-open3d/intrinsics.json',
    1000,
  ),
  pcl: rgbd(
    'pcl-kinect/rgbd/frame_20121214T142255.814212_rgb.png',
    'pcl-kinect/rgbd/frame_20121214T142255.814212_depth.png',
    'pcl-kinect/intrinsics.json',
  ),
  pclMug: () => loadPcdFrame(join(F, 'pcl-kinect/pcd/table_scene_mug_stereo_textured.pcd')),
  nyu: rgbd(
    'nyu-metric3d/rgb/rgb_00000.jpg',
    'nyu-metric3d/depth/sync_depth_00000.png',
    'nyu-metric3d/intrinsics.json',
  ),
  ...Object.fromEntries(
    ['000001', '000002', '000003', '000004'].map((id) => [
      `sun${id}`,
      rgbd(
        `sunrgbd-mmdet3d/image/${id}.jpg`,
        `sunrgbd-mmdet3d/depth/${id}.png`,
        'sunrgbd-mmdet3d/intrinsics.json',
      ),
    ]),
  ),
}
/** Warnings of the frame plausibility checks (not the region warnings a scene may also carry). */
const PLAUSIBILITY = /above the support plane|field of view|detected objects are far/

const largest = (o: SceneObject) => Math.max(o.sizeM.width, o.sizeM.depth, o.sizeM.height)
const fromDetector = (scene: Scene) => scene.objects.filter((o) => o.regionSource === 'detector')

describe('labels and frame checks on real frames with NanoDet-m (CPU)', () => {
  const runner = new InlineModelRunner()
  const scenes = new Map<string, { scene: Scene; detections: Detection[] }>()
  beforeAll(async () => {
    const labels = readFileSync(join(MODEL_DIR, 'coco.names'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
    const detector = new NanoDetDetector(runner, join(MODEL_DIR, 'nanodet_m.onnx'), labels)
    for (const [name, load] of Object.entries(FRAMES)) {
      const frame = await load()
      const { detections } = await detector.detect(frame.rgb, { providers: ['cpu'] })
      const regions = detectionsToRegions(detections, [], { minScore: 0.35 })
      scenes.set(name, {
        scene: buildScene(frame, { regions, includeUnmatchedClusters: true }),
        detections,
      })
    }
  }, 300_000)
  afterAll(() => runner.dispose())

  it('prints what it found per frame (the numbers docs/how-it-works.md quotes)', () => {
    const rows = [...scenes].map(([name, { scene }]) => ({
      frame: name,
      cameraAboveM: scene.plane ? Number(scene.plane.offset.toFixed(2)) : null,
      detectorObjects: fromDetector(scene).length,
      demoted: fromDetector(scene)
        .filter((o) => !o.labelCheck!.isPlausible)
        .map((o) => `${o.labelCheck!.detectorLabel} ${Math.round(largest(o) * 100)} cm → ${o.name}`)
        .join('; '),
      fewPoints: fromDetector(scene).filter((o) => o.labelCheck!.hasFewPoints).length,
      warnings: scene.warnings.filter((w) => PLAUSIBILITY.test(w)).length,
    }))
    console.table(rows)
    expect(rows).toHaveLength(Object.keys(FRAMES).length)
  })

  it("gives every detector object its detector's label and score", () => {
    for (const [name, { scene, detections }] of scenes) {
      for (const object of fromDetector(scene)) {
        const check = object.labelCheck
        expect(check, `${name} ${object.name}`).toBeDefined()
        const scores = detections
          .filter((d) => d.label === check!.detectorLabel)
          .map((d) => d.score)
        expect(scores, `${name} ${object.name}`).toContain(check!.confidence)
        expect(check!.confidence).toBeGreaterThanOrEqual(0.35)
      }
      for (const object of scene.objects.filter((o) => o.origin === 'cluster'))
        expect(object.labelCheck).toBeUndefined()
    }
  })

  it('demotes the PCL mug that NanoDet calls a fire hydrant, keeping the guess in the note', () => {
    const { scene } = scenes.get('pclMug')!
    expect(scene.objects.map((o) => o.label)).not.toContain('fire hydrant')
    const mug = scene.objects.find((o) => o.labelCheck?.detectorLabel === 'fire hydrant')!
    expect(mug.labelCheck!.isPlausible).toBe(false)
    expect(mug.labelCheck!.note).toMatch(
      /^detector said "fire hydrant" \(\d+ %\), but at \d+ cm it is too small for one/,
    )
    // A mug: about 9 cm across and 12 cm tall (PCL's table_scene_mug), far below a hydrant's 40 cm.
    expect(largest(mug)).toBeLessThan(0.2)
    expect(mug.name).toMatch(/object/)
  })

  it('demotes the 1.76 m "suitcase" on SUN RGB-D frame 1 (a bed)', () => {
    const { scene } = scenes.get('sun000001')!
    const bed = scene.objects.find(
      (o) => o.labelCheck?.detectorLabel === 'suitcase' && largest(o) > 1.5,
    )!
    expect(bed.labelCheck!.isPlausible).toBe(false)
    expect(bed.label).not.toContain('suitcase')
    expect(bed.labelCheck!.note).toContain('too big for one')
    for (const object of scene.objects.filter((o) => o.label === 'suitcase'))
      expect(largest(object)).toBeLessThan(1.2)
  })

  it('says the SUN RGB-D frame 2 bed NanoDet calls a "couch" matches a bed better (low and wide)', () => {
    const { scene } = scenes.get('sun000002')!
    const couch = scene.objects.find((o) => o.labelCheck?.detectorLabel === 'couch')!
    // The frame's only large object is its bed (ground truth: bed 2.40 × 2.14 m with its headboard, and a night
    // stand); what the detector boxes is the mattress, about 40 cm high and over 1 m across.
    expect(couch.sizeM.height).toBeLessThan(0.6)
    expect(Math.min(couch.sizeM.width, couch.sizeM.depth)).toBeGreaterThan(1.05)
    expect(couch.labelCheck!.betterLabel).toBe('bed')
    expect(couch.labelCheck!.note).toMatch(/matches a bed better/)
    for (const name of ['sun000003', 'sun000004'])
      for (const o of fromDetector(scenes.get(name)!.scene))
        expect(o.labelCheck!.betterLabel, `${name} ${o.name}`).toBeUndefined()
  })

  it('demotes the 4 × 10 × 4 cm "chair" from 58 points on the NYU frame and flags its points; the real chair stays', () => {
    const { scene } = scenes.get('nyu')!
    const tiny = scene.objects.find(
      (o) => o.labelCheck?.detectorLabel === 'chair' && o.pointCount < 100,
    )!
    expect(tiny.labelCheck).toMatchObject({ isPlausible: false, hasFewPoints: true })
    expect(tiny.labelCheck!.note).toContain(`only ${tiny.pointCount} points`)
    const chairs = scene.objects.filter((o) => o.label === 'chair')
    expect(chairs).toHaveLength(1)
    expect(largest(chairs[0])).toBeGreaterThan(0.4)
  })

  it('keeps the labels of real instances: bottles, chair, book and phone on TUM; laptop and book on PCL; the beds', () => {
    for (const name of ['tum', 'pcl', 'sun000003', 'sun000004']) {
      for (const object of fromDetector(scenes.get(name)!.scene)) {
        expect(object.labelCheck!.isPlausible, `${name} ${object.name} ${largest(object)}`).toBe(
          true,
        )
        expect(object.label).toBe(object.labelCheck!.detectorLabel)
      }
    }
  })

  it('warns that the TUM frame read with depthScale 1000 is 5× too far, naming depthScale 5000', () => {
    const { scene } = scenes.get('tumAt1000')!
    const warnings = scene.warnings.filter((w) => PLAUSIBILITY.test(w))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^camera 8\.\d\d m above the support plane: depth looks 5× too far/)
    expect(warnings[0]).toContain('use depthScale 5000 (--depth-scale 5000')
  })

  it('warns from the camera height alone, with no detector (geometry clusters only)', async () => {
    const scene = buildScene(await FRAMES.tumAt1000())
    expect(scene.warnings.filter((w) => PLAUSIBILITY.test(w))).toEqual([
      expect.stringMatching(/^camera 8\.\d\d m above the support plane: depth looks 5× too far/),
    ])
  })

  it('gives no plausibility warning on correctly scaled real frames (TUM at 5000, PCL, NYU, SUN RGB-D)', () => {
    for (const name of [
      'tum',
      'pcl',
      'pclMug',
      'nyu',
      'sun000001',
      'sun000002',
      'sun000003',
      'sun000004',
    ]) {
      expect(
        scenes.get(name)!.scene.warnings.filter((w) => PLAUSIBILITY.test(w)),
        name,
      ).toEqual([])
    }
  })
})
