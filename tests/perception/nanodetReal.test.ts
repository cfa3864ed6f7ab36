import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { NanoDetDetector, type NanoDetOptions } from '../../main/inference/models/nanodet'
import { decodeColorImage } from '../../main/sources/colorImage'
import { loadRgbdFrame } from '../../main/sources/rgbdFrame'
import { buildScene } from '../../main/engine/scene/buildScene'
import { detectionsToRegions } from '../../main/engine/scene/objectsFromDetections'
import { boxIou, type Box } from '../../main/engine/perception/nms'
import type { Detection } from '../../main/engine/perception/types'
import type { Frame, RgbImage } from '../../main/engine/types'

// The real NanoDet-m weights (models/builtin/nanodet-m/PROVENANCE.md) on real photos, CPU.
const MODEL_DIR = 'models/builtin/nanodet-m'
const MODEL = join(MODEL_DIR, 'nanodet_m.onnx')
const PCL = 'tests/fixtures/pcl-kinect'
const PCL_FRAME = join(PCL, 'rgbd/frame_20121214T142255.814212')
const TUM_RGB = 'tests/fixtures/tum-open3d/TUM_color.png'

// Boxes measured by eye on zoomed crops of the images (pixels, [x0, y0, x1, y1]).
/** PCL frame: the open laptop seen from behind (lid corners ≈ (132, 152), (375, 143), (150, 318), (372, 293)). */
const LAPTOP: Box = [132, 143, 375, 320]
/** TUM frame: the two office chairs, from armrest/backrest top to the wheels. */
const YELLOW_CHAIR: Box = [373, 232, 532, 435]
const RED_CHAIR: Box = [4, 256, 239, 476]
/** TUM frame: bottles a person sees: two water bottles and a green one on the shelf, four on the desk. */
const SHELF_BOTTLES: Box[] = [
  [160, 27, 183, 100],
  [180, 32, 210, 107],
  [284, 23, 312, 107],
]
const DESK_BOTTLES: Box[] = [
  [335, 117, 355, 192],
  [362, 133, 381, 187],
  [387, 141, 402, 183],
  [428, 138, 448, 183],
]

/** CPU only, so scores do not depend on which accelerator a machine has. */
const CPU: NanoDetOptions = { providers: ['cpu'] }

const bestMatch = (detections: Detection[], label: string, box: Box) =>
  Math.max(0, ...detections.filter((d) => d.label === label).map((d) => boxIou(d.box, box)))

describe('NanoDet-m on real photos (CPU)', () => {
  const runner = new InlineModelRunner()
  let detector: NanoDetDetector
  let pclRgb: RgbImage
  let tumRgb: RgbImage

  beforeAll(async () => {
    const labels = readFileSync(join(MODEL_DIR, 'coco.names'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim())
    detector = new NanoDetDetector(runner, MODEL, labels)
    pclRgb = await decodeColorImage(readFileSync(`${PCL_FRAME}_rgb.png`), 'pcl rgb')
    tumRgb = await decodeColorImage(readFileSync(TUM_RGB), 'tum rgb')
  })
  afterAll(() => runner.dispose())

  it('finds the laptop on the carpet, its box around the lid (IoU ≥ 0.6 with the measured box)', async () => {
    const result = await detector.detect(pclRgb, CPU)
    expect(result.provider).toBe('cpu')
    const laptops = result.detections.filter((d) => d.label === 'laptop')
    expect(laptops.length).toBeGreaterThan(0)
    expect(boxIou(laptops[0].box, LAPTOP)).toBeGreaterThanOrEqual(0.6)
    // Nothing else is called a laptop on the lid's place with a better score.
    for (const other of result.detections)
      if (boxIou(other.box, LAPTOP) > 0.6) expect(other.score).toBeLessThan(0.6)
  })

  it('finds the office chairs and the bottles a person sees, each box on its object', async () => {
    const { detections } = await detector.detect(tumRgb, { ...CPU, scoreThreshold: 0.3 })
    expect(bestMatch(detections, 'chair', YELLOW_CHAIR)).toBeGreaterThanOrEqual(0.6)
    expect(bestMatch(detections, 'chair', RED_CHAIR)).toBeGreaterThanOrEqual(0.6)
    for (const bottle of DESK_BOTTLES)
      expect(bestMatch(detections, 'bottle', bottle)).toBeGreaterThanOrEqual(0.5)
    expect(bestMatch(detections, 'bottle', SHELF_BOTTLES[2])).toBeGreaterThanOrEqual(0.5)
    expect(
      SHELF_BOTTLES.filter((b) => bestMatch(detections, 'bottle', b) >= 0.5).length,
    ).toBeGreaterThanOrEqual(2)
    // The confident detections are all right: every one with score ≥ 0.45 is a bottle on a measured bottle.
    const confident = detections.filter((d) => d.score >= 0.45)
    expect(confident.length).toBeGreaterThanOrEqual(4)
    for (const d of confident) {
      expect(d.label).toBe('bottle')
      expect(
        Math.max(...[...SHELF_BOTTLES, ...DESK_BOTTLES].map((b) => boxIou(d.box, b))),
      ).toBeGreaterThanOrEqual(0.5)
    }
  })

  it('raising the score threshold keeps only the more confident detections', async () => {
    const loose = await detector.detect(tumRgb, { ...CPU, scoreThreshold: 0.3 })
    const strict = await detector.detect(tumRgb, { ...CPU, scoreThreshold: 0.5, maxDetections: 2 })
    expect(strict.detections.length).toBe(2)
    expect(strict.detections.every((d) => d.score >= 0.5)).toBe(true)
    expect(loose.detections.length).toBeGreaterThan(strict.detections.length)
  })

  describe('end to end: detections → regions → scene on the PCL RGB-D frame', () => {
    let frame: Frame
    beforeAll(async () => {
      frame = await loadRgbdFrame({
        rgbPath: `${PCL_FRAME}_rgb.png`,
        depthPath: `${PCL_FRAME}_depth.png`,
        intrinsicsPath: join(PCL, 'intrinsics.json'),
      })
    })

    it('gives an object labelled "laptop" of a 13-inch laptop\'s width', async () => {
      const { detections } = await detector.detect(frame.rgb, CPU)
      const regions = detectionsToRegions(detections, [])
      const scene = buildScene(frame, { regions })
      const laptop = scene.objects.find((o) => o.label === 'laptop')
      expect(laptop).toBeDefined()
      expect(laptop!.origin).toBe('region')
      expect(laptop!.sizeM.width).toBeGreaterThan(0.3)
      expect(laptop!.sizeM.width).toBeLessThan(0.4)
      // Standing open on the floor: the lid is about 22 cm tall, well under the width.
      expect(laptop!.sizeM.height).toBeGreaterThan(0.15)
      expect(laptop!.sizeM.height).toBeLessThan(0.3)
    })

    it('lets a user box on the laptop win over the detector', async () => {
      const { detections } = await detector.detect(frame.rgb, CPU)
      const regions = detectionsToRegions(detections, [
        { label: 'my computer', box: [130, 140, 380, 325] },
      ])
      const labels = buildScene(frame, { regions }).objects.map((o) => o.label)
      expect(labels).toContain('my computer')
      expect(labels).not.toContain('laptop')
    })
  })
})
