import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { McapIndexedReader, TempBuffer } from '@mcap/core'
import * as foxglove from '@foxglove/schemas/jsonschema.js'
import sharp from 'sharp'
import { McapRecorder, RECORD_TOPICS } from '../../main/live/McapRecorder'
import { Tracker } from '../../main/engine/tracking'
import { parseWatch, WatchEvaluator } from '../../main/engine/watch'
import type { Frame } from '../../main/engine/types'
import { sceneWithBoxes } from '../engine/answers/sceneFromGroundTruth'

const dir = mkdtempSync(join(tmpdir(), 'sl-record-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
}

/** Independent structural check against a JSON Schema: required keys present, primitive types right. */
function conforms(value: unknown, schema: Schema, path = '$'): string[] {
  const problems: string[] = []
  const types = schema.type === undefined ? [] : [schema.type].flat()
  if (types.includes('object') && typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>
    for (const key of schema.required ?? [])
      if (!(key in obj)) problems.push(`${path}.${key} missing`)
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in obj) problems.push(...conforms(obj[key], sub, `${path}.${key}`))
    }
  } else if (types.includes('array') && Array.isArray(value)) {
    value.forEach((v, i) => problems.push(...conforms(v, schema.items ?? {}, `${path}[${i}]`)))
  } else if (types.length > 0) {
    const actual = value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'))
    if (!ok) problems.push(`${path}: ${actual} is not ${types.join('|')}`)
  }
  return problems
}

function frameAt(i: number): Frame {
  const rgb = new Uint8Array(32 * 24 * 3).fill(40 + i * 10)
  return {
    cameraId: 'cam',
    timestampNs: 1_700_000_000_000_000_000n + BigInt(i) * 33_000_000n,
    rgb: { width: 32, height: 24, data: rgb },
    intrinsics: { width: 32, height: 24, fx: 30, fy: 30, cx: 15.5, cy: 11.5 },
    depthSource: 'sensor',
  }
}

describe('McapRecorder', () => {
  it('writes images, camera pose, tracked boxes and watch events that read back through the indexed reader', async () => {
    const path = join(dir, 'session.mcap')
    const recorder = await McapRecorder.create(path, { appVersion: 'test' })
    const tracker = new Tracker({ confirmHits: 1 })
    const parsed = parseWatch('alert when the mug is within 5 cm of the bottle')
    if (!parsed.ok) throw new Error(parsed.reason)
    const watch = new WatchEvaluator(parsed.spec)
    const bottleXs = [0.2, 0.16, 0.12] // 4 cm steps: inside the tracker's gate
    for (const [i, x] of bottleXs.entries()) {
      const frame = frameAt(i)
      const scene = sceneWithBoxes([
        { name: 'mug', c: [0, 0.6, 0.05], s: [0.08, 0.08, 0.1] },
        { name: 'bottle', c: [x, 0.6, 0.05], s: [0.08, 0.08, 0.1] },
      ])
      scene.timestampNs = frame.timestampNs
      const tracks = tracker.update(scene)
      await recorder.addFrame(frame, scene, tracks)
      await recorder.addWatchEvents(
        parsed.spec.text,
        watch.evaluate(scene, i, frame.timestampNs).events,
      )
    }
    await recorder.close()

    const reader = await McapIndexedReader.Initialize({
      readable: new TempBuffer(readFileSync(path)),
    })
    const byTopic = new Map([...reader.channelsById.values()].map((c) => [c.topic, c]))
    const schemaOf = (topic: string) => reader.schemasById.get(byTopic.get(topic)!.schemaId)!
    expect(schemaOf(RECORD_TOPICS.image).name).toBe('foxglove.CompressedImage')
    expect(schemaOf(RECORD_TOPICS.scene).name).toBe('foxglove.SceneUpdate')
    expect(schemaOf(RECORD_TOPICS.tf).name).toBe('foxglove.FrameTransform')
    for (const topic of [RECORD_TOPICS.image, RECORD_TOPICS.scene, RECORD_TOPICS.tf]) {
      expect(schemaOf(topic).encoding).toBe('jsonschema')
      expect(byTopic.get(topic)!.messageEncoding).toBe('json')
    }
    const schemaFor: Record<string, Schema> = {
      [RECORD_TOPICS.image]: foxglove.CompressedImage as Schema,
      [RECORD_TOPICS.scene]: foxglove.SceneUpdate as Schema,
      [RECORD_TOPICS.tf]: foxglove.FrameTransform as Schema,
    }
    const messages: { topic: string; body: Record<string, unknown>; logTime: bigint }[] = []
    for await (const m of reader.readMessages()) {
      const topic = reader.channelsById.get(m.channelId)!.topic
      messages.push({
        topic,
        body: JSON.parse(new TextDecoder().decode(m.data)),
        logTime: m.logTime,
      })
    }
    for (const m of messages) {
      const schema = schemaFor[m.topic]
      if (schema) expect(conforms(m.body, schema)).toEqual([])
    }
    const count = (topic: string) => messages.filter((m) => m.topic === topic).length
    expect([
      count(RECORD_TOPICS.image),
      count(RECORD_TOPICS.scene),
      count(RECORD_TOPICS.tf),
    ]).toEqual([3, 3, 3])

    const image = messages.find((m) => m.topic === RECORD_TOPICS.image)!.body
    const meta = await sharp(Buffer.from(String(image.data), 'base64')).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 32, 24])

    const lastScene = messages.filter((m) => m.topic === RECORD_TOPICS.scene).at(-1)!.body as {
      entities: {
        id: string
        cubes: { pose: { position: { x: number } }; size: { x: number } }[]
      }[]
    }
    expect(lastScene.entities.map((e) => e.id)).toEqual(['track-1', 'track-2'])
    expect(lastScene.entities[0].cubes[0].size.x).toBeCloseTo(0.08, 6)

    // Gaps 0.2−0.08, 0.16−0.08, 0.12−0.08 = 0.04 m: the alert enters at frame 2 only.
    const watchBodies = messages.filter((m) => m.topic === RECORD_TOPICS.watch).map((m) => m.body)
    const alerts = watchBodies.filter((b) => b.type === 'alert_entered')
    expect(alerts).toHaveLength(1)
    expect(alerts[0].frame_index).toBe(2)
    expect(alerts[0].value_m as number).toBeCloseTo(0.04, 6)
  })
})
