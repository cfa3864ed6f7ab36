import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Frame, Scene } from '../../main/engine/types'
import { CalibrationStore } from '../../main/calibration/CalibrationStore'
import { ModelStore } from '../../main/models/ModelStore'
import { ModelFactory } from '../../main/models/modelFactory'
import { PerceptionService } from '../../main/perception/PerceptionService'
import {
  perceptionSettingsSchema,
  type PerceptionReport,
} from '../../main/contract/perceptionSettings'
import { nameGeometryObjects } from '../../main/perception/vlmObjectNames'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'
import {
  brightnessLogits,
  installTinySmolVlm,
  VLM_ID,
  type InstalledVlm,
} from '../helpers/tinySmolVlm'
import { DEFAULT_PATCHES, paintedScene } from '../helpers/paintedScene'

/**
 * Names for geometry-only objects from the vision model. The tiny decoder answers "mug" for a
 * bright crop and "object" (too vague to be a name) for a dark one.
 */
const { vocab } = tinySmolVlmTokenizer()
const ENCODER = 'vision_encoder_int8.onnx'

/** mug and can: white geometry clusters; laptop: a black cluster; bottle: a red detector region. */
function clusterScene(): { scene: Scene; frame: Frame; idOf: Record<string, number> } {
  const { scene, image } = paintedScene({
    ...DEFAULT_PATCHES,
    can: { x: 400, y: 300, rgb: [255, 255, 255] },
  })
  const idOf = Object.fromEntries(scene.objects.map((o) => [o.name, o.id]))
  const asCluster = { mug: 'white object', can: 'white object', laptop: 'black object' } as Record<
    string,
    string
  >
  const objects = scene.objects.map((o) =>
    asCluster[o.name]
      ? { ...o, origin: 'cluster' as const, label: asCluster[o.name], name: asCluster[o.name] }
      : o,
  )
  const frame: Frame = {
    cameraId: 'test',
    timestampNs: 0n,
    rgb: image,
    intrinsics: scene.intrinsics,
    depthSource: 'sensor',
  }
  return { scene: { ...scene, objects }, frame, idOf }
}

let installed: InstalledVlm
beforeAll(() => {
  installed = installTinySmolVlm(
    brightnessLogits(vocab['Ġmug'], vocab['Ġobject'], SPECIAL_IDS.endOfUtterance),
  )
})
afterAll(() => installed.runner.dispose())

describe('object names from the vision-language model', () => {
  it('names bright geometry clusters "mug", keeps a vague answer\'s descriptive label, and makes names unique', async () => {
    const { scene, frame, idOf } = clusterScene()
    installed.runner.runs.length = 0
    const naming = await nameGeometryObjects(
      scene,
      frame.rgb,
      await installed.factory.smolVlm(VLM_ID),
    )
    const after = (name: string) => naming.scene.objects.find((o) => o.id === idOf[name])!
    const [mug, can, laptop, bottle] = ['mug', 'can', 'laptop', 'bottle'].map(after)
    expect([mug.label, can.label]).toEqual(['mug', 'mug'])
    const leftFirst = mug.centerInWorld[0] < can.centerInWorld[0]
    expect([mug.name, can.name]).toEqual(
      leftFirst ? ['left mug', 'right mug'] : ['right mug', 'left mug'],
    )
    expect(mug.description).toMatch(/^\w+ mug, \d+ cm wide, \d+ cm tall$/)
    expect(laptop.label).toBe('black object')
    expect(bottle.label).toBe('bottle')
    expect(naming.answers.map((a) => [a.before, a.answer, a.label])).toEqual(
      expect.arrayContaining([
        ['white object', 'mug', 'mug'],
        ['black object', 'object', undefined],
      ]),
    )
    expect(naming.answers).toHaveLength(3)
    // Only the three clusters were looked at; the input scene is unchanged.
    expect(installed.runner.of(ENCODER)).toHaveLength(3)
    expect(scene.objects.filter((o) => o.label === 'white object')).toHaveLength(2)
  })

  it('runs in perception only when vlmNames is on, and says how to install a missing model', async () => {
    const { scene, frame } = clusterScene()
    const report = (): PerceptionReport => ({ steps: [], detections: [], notes: [] })
    const perception = new PerceptionService(installed.factory, new CalibrationStore())

    const off = report()
    expect(
      await perception.nameObjects(scene, frame, perceptionSettingsSchema.parse({}), off),
    ).toBe(scene)
    expect(off.steps).toEqual([])

    const on = report()
    const named = await perception.nameObjects(
      scene,
      frame,
      perceptionSettingsSchema.parse({ vlmNames: true }),
      on,
    )
    expect(named.objects.filter((o) => o.label === 'mug')).toHaveLength(2)
    expect(on.steps).toEqual([
      expect.objectContaining({
        stage: 'naming',
        modelId: VLM_ID,
        provider: 'cpu',
        note: '2 of 3 geometry objects named: white object → mug, white object → mug',
      }),
    ])

    const emptyStore = new ModelStore({
      cacheDirectory: mkdtempSync(join(tmpdir(), 'spatial-lens-novlm-')),
    })
    const without = new PerceptionService(
      new ModelFactory(installed.runner, emptyStore),
      new CalibrationStore(),
    )
    const missing = report()
    expect(
      await without.nameObjects(
        scene,
        frame,
        perceptionSettingsSchema.parse({ vlmNames: true }),
        missing,
      ),
    ).toBe(scene)
    expect(missing.notes).toEqual([
      expect.stringContaining('run `npx spatial-lens models download smolvlm-256m-instruct`'),
    ])
  })
})
