import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadRgbdFrame } from '../../../main/sources/rgbdFrame'
import { loadPcdFrame } from '../../../main/sources/pcd'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { answerQuestion } from '../../../main/engine/answers/answerQuestion'
import type { Scene, Vec3 } from '../../../main/engine/types'
import { FIXTURES } from '../../helpers/syntheticTabletop'
import {
  SUNRGBD,
  SUNRGBD_FRAMES,
  loadSunBoxes,
  regionsFromGroundTruth,
} from '../../helpers/sunrgbd'
import { readFileSync } from 'node:fs'

const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
const angleDeg = (a: Vec3, b: Vec3) =>
  (Math.acos(Math.min(1, Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))) * 180) / Math.PI

/** Up (gravity) in the camera frame from SUN RGB-D's Rtilt: third row, mapped (x, y, z) → (x, −z, y). */
function upFromRtilt(frame: string): Vec3 {
  const boxes = JSON.parse(readFileSync(join(SUNRGBD, 'boxes', `${frame}.json`), 'utf8'))
  const r = boxes.Rtilt_rowmajor[2]
  return [r[0], -r[2], r[1]]
}

/** Every object's distance to every other: finite and inside the room. */
function expectPlausibleDistances(scene: Scene, maxM: number): void {
  const objects = scene.objects.slice(0, 6)
  for (let i = 0; i < objects.length; i++) {
    for (let j = i + 1; j < objects.length; j++) {
      const d = distance(objects[i].centerInWorld, objects[j].centerInWorld)
      expect(d).toBeGreaterThan(0.02)
      expect(d).toBeLessThan(maxM)
    }
  }
}

describe('SUN RGB-D with region prompts from the 17 ground-truth boxes', async () => {
  // The boxes are amodal (they include the hidden back and bottom of each object) and loose
  // (PROVENANCE: ±10–20 cm), while we lift only what the camera sees, from the floor to the visible
  // top. Beds occluded by an ottoman and mirrors standing on dressers are the hard cases. We expect
  // most centres within half a metre and the median around a third of a metre; the bounds below are
  // what we measured (median 0.33 m, 10/17 within 0.5 m) with margin, so a regression still fails.
  const results: { frame: string; label: string; centreErrorM: number; heightErrorM: number }[] = []
  const planeAnglesDeg: number[] = []
  for (const frame of SUNRGBD_FRAMES) {
    const rgbd = await loadRgbdFrame({
      rgbPath: join(SUNRGBD, 'image', `${frame}.jpg`),
      depthPath: join(SUNRGBD, 'depth', `${frame}.png`),
      intrinsicsPath: join(SUNRGBD, 'intrinsics.json'),
    })
    const { objects, K } = loadSunBoxes(frame)
    const scene = buildScene(rgbd, { regions: regionsFromGroundTruth(objects, K, 730, 530) })
    if (scene.plane) planeAnglesDeg.push(angleDeg(scene.plane.normal, upFromRtilt(frame)))
    for (const object of scene.objects) {
      const truth = objects.find((o) => o.class.replace('_', ' ') === object.label)!
      results.push({
        frame,
        label: object.label,
        centreErrorM: distance(object.centerInCamera, truth.centroid_camera_m),
        heightErrorM: Math.abs(object.sizeM.height - truth.size_m.vertical),
      })
    }
  }
  const sorted = results.map((r) => r.centreErrorM).sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  console.table(
    results.map((r) => ({
      ...r,
      centreErrorM: r.centreErrorM.toFixed(2),
      heightErrorM: r.heightErrorM.toFixed(2),
    })),
  )

  it('lifts an object for every one of the 17 prompts', () => {
    expect(results).toHaveLength(17)
  })

  it("finds a gravity-aligned support plane in every frame, within 5° of SUN RGB-D's own gravity (Rtilt)", () => {
    expect(planeAnglesDeg).toHaveLength(4)
    for (const angle of planeAnglesDeg) expect(angle).toBeLessThan(5)
  })

  it('bounds the centre error against the amodal boxes', () => {
    console.log(
      `SUN RGB-D: median centre error ${median.toFixed(2)} m, ${results.filter((r) => r.centreErrorM < 0.5).length}/17 within 0.5 m`,
    )
    expect(median).toBeLessThan(0.45)
    expect(results.filter((r) => r.centreErrorM < 0.5).length).toBeGreaterThanOrEqual(10)
    // The worst case is an occluded object whose box is filled by the occluder in front (frame 1 night stand).
    expect(Math.max(...sorted)).toBeLessThan(3)
  })

  it('bounds the height error (visible top vs amodal box)', () => {
    const heights = results.map((r) => r.heightErrorM).sort((a, b) => a - b)
    expect(heights[Math.floor(heights.length / 2)]).toBeLessThan(0.35)
  })
})

const frames = [
  {
    name: 'TUM office (depthScale 5000)',
    load: () =>
      loadRgbdFrame({
        rgbPath: join(FIXTURES, 'tum-open3d', 'TUM_color.png'),
        depthPath: join(FIXTURES, 'tum-open3d', 'TUM_depth.png'),
        intrinsicsPath: join(FIXTURES, 'tum-open3d', 'intrinsics.json'),
      }),
    maxDistanceM: 8,
  },
  {
    name: 'NYU basement',
    load: () =>
      loadRgbdFrame({
        rgbPath: join(FIXTURES, 'nyu-metric3d', 'rgb', 'rgb_00000.jpg'),
        depthPath: join(FIXTURES, 'nyu-metric3d', 'depth', 'sync_depth_00000.png'),
        intrinsicsPath: join(FIXTURES, 'nyu-metric3d', 'intrinsics.json'),
      }),
    maxDistanceM: 9,
  },
  {
    name: 'PCL Kinect laptop and box',
    load: () =>
      loadRgbdFrame({
        rgbPath: join(FIXTURES, 'pcl-kinect', 'rgbd', 'frame_20121214T142255.814212_rgb.png'),
        depthPath: join(FIXTURES, 'pcl-kinect', 'rgbd', 'frame_20121214T142255.814212_depth.png'),
        intrinsicsPath: join(FIXTURES, 'pcl-kinect', 'intrinsics.json'),
      }),
    maxDistanceM: 2,
  },
  {
    name: 'PCD milk carton and bottles',
    load: () =>
      loadPcdFrame(join(FIXTURES, 'pcl-kinect', 'pcd', 'milk_cartoon_all_small_clorox.pcd')),
    maxDistanceM: 3,
  },
  {
    name: 'PCD mug on a table (stereo)',
    load: () =>
      loadPcdFrame(join(FIXTURES, 'pcl-kinect', 'pcd', 'table_scene_mug_stereo_textured.pcd')),
    maxDistanceM: 3,
  },
  {
    name: 'PCD office',
    load: () => loadPcdFrame(join(FIXTURES, 'pcl-kinect', 'pcd', 'office1.pcd')),
    maxDistanceM: 8,
    allowsFallback: true,
  },
]

describe.each(frames)('$name', ({ load, maxDistanceM, allowsFallback }) => {
  it('produces a frame, objects and plausible distances', async () => {
    const scene = buildScene(await load())
    if (!allowsFallback) {
      expect(scene.plane).not.toBeNull()
      // Every camera here is roughly upright: the floor or table normal points up in the image (−y).
      expect(-scene.plane!.normal[1]).toBeGreaterThan(0.6)
    } else {
      expect(
        scene.provenance.frameKind === 'camera-fallback' ? scene.warnings.join(' ') : 'plane',
      ).toMatch(/plane/)
    }
    expect(scene.objects.length).toBeGreaterThanOrEqual(1)
    expect(scene.objects.length).toBeLessThanOrEqual(40)
    expectPlausibleDistances(scene, maxDistanceM)
    for (const object of scene.objects) {
      expect(object.sizeM.height).toBeGreaterThan(0)
      expect(object.sizeM.width).toBeLessThan(2.6)
    }
  })
})

describe('the mug on the stereo table (PCL)', () => {
  it('is one object of mug size standing on the table', async () => {
    const scene = buildScene(
      await loadPcdFrame(
        join(FIXTURES, 'pcl-kinect', 'pcd', 'table_scene_mug_stereo_textured.pcd'),
      ),
    )
    expect(scene.objects).toHaveLength(1)
    const mug = scene.objects[0]
    // A coffee mug: about 8–12 cm across and 9–12 cm tall.
    expect(mug.sizeM.height).toBeGreaterThan(0.07)
    expect(mug.sizeM.height).toBeLessThan(0.14)
    expect(Math.min(mug.sizeM.width, mug.sizeM.depth)).toBeGreaterThan(0.06)
    expect(Math.max(mug.sizeM.width, mug.sizeM.depth)).toBeLessThan(0.16)
  })
})

describe('the PCL laptop and box', () => {
  it('measures the laptop and the box next to each other, as a person would', async () => {
    const frame = await loadRgbdFrame({
      rgbPath: join(FIXTURES, 'pcl-kinect', 'rgbd', 'frame_20121214T142255.814212_rgb.png'),
      depthPath: join(FIXTURES, 'pcl-kinect', 'rgbd', 'frame_20121214T142255.814212_depth.png'),
      intrinsicsPath: join(FIXTURES, 'pcl-kinect', 'intrinsics.json'),
    })
    // Boxes drawn around the laptop and the box in the image, as a user would.
    const scene = buildScene(frame, {
      regions: [
        { label: 'laptop', box: [130, 140, 380, 320] },
        { label: 'box', box: [370, 175, 505, 315] },
      ],
    })
    const answer = answerQuestion(scene, 'how far is the laptop from the box')
    expect(answer.unit).toBe('m')
    // They stand side by side: centres roughly a laptop-half plus a box-half apart.
    expect(answer.value as number).toBeGreaterThan(0.15)
    expect(answer.value as number).toBeLessThan(0.5)
    const leftOf = answerQuestion(scene, 'is the laptop left of the box')
    expect(leftOf.value).toBe(true)
    const laptop = scene.objects.find((o) => o.label === 'laptop')!
    // A 13-inch laptop with its lid open: 30–36 cm wide, 18–26 cm tall.
    expect(laptop.sizeM.width).toBeGreaterThan(0.27)
    expect(laptop.sizeM.width).toBeLessThan(0.4)
    expect(laptop.sizeM.height).toBeGreaterThan(0.17)
    expect(laptop.sizeM.height).toBeLessThan(0.28)
  })
})
