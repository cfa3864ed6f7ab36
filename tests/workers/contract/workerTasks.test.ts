import { beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import {
  hostMessageSchema,
  replyMessageSchema,
  taskNames,
  workerTasks,
  type TaskName,
} from '../../../main/workers/contract/workerTasks'
import { InlineSceneExecutor } from '../../../main/workers/sceneExecutor'
import type { SceneComputation } from '../../../main/frames/analyzeFrame'

// Every task of the worker contract: a request and a reply survive the trip through structured
// clone (what postMessage does) and the schema on the other side, values and typed arrays intact.

const image = { width: 2, height: 1, data: new Uint8Array([1, 2, 3, 4, 5, 6]) }
const intrinsics = { width: 2, height: 1, fx: 2, fy: 2, cx: 1, cy: 0.5 }
const fit = {
  fitted: {
    space: 'depth',
    scale: 0.5,
    shift: 0,
    method: 'rgbd-frame',
    residualRmsM: 0.01,
    residualRel: 0.02,
    pointCount: 10,
    inlierCount: 9,
  },
  warnings: ['few points'],
  modelRun: { output: 'metric', provider: 'cpu', inferenceMs: 12 },
}

let computation: SceneComputation

/**
 * The value with each typed array replaced by its type and a hash of its bytes: the same comparison
 * as element by element, without the seconds a deep equality over a 300 000-point cloud takes.
 */
function digest(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    return `${value.constructor.name}:${createHash('sha256').update(bytes).digest('hex')}`
  }
  if (Array.isArray(value)) return value.map(digest)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, digest(item)]))
  return value
}

/** One hand-written request and reply per task (the analysis' reply is a real one, made below). */
function examples(): Record<TaskName, { request: unknown; reply: unknown }> {
  return {
    analyze: {
      request: {
        sceneId: 'scene-1',
        frame: { kind: 'sample' },
        regions: [{ label: 'mug', point: [1, 0] }],
      },
      reply: computation,
    },
    detect2d: {
      request: {
        image: new Uint8Array([137, 80]),
        name: 'cam.png',
        perception: { provider: 'cpu' },
      },
      reply: { width: 2, height: 1, detections: [], step: null },
    },
    'vision:model': { request: { provider: 'cpu' }, reply: 'smolvlm-256m-instruct' },
    'vision:ask': {
      request: { modelId: 'm', image, question: 'colour?', region: [0, 0, 1, 1], maxNewTokens: 8 },
      reply: {
        text: 'red',
        tokenIds: [5, 6],
        stopReason: 'end_of_turn',
        promptTokens: 30,
        provider: 'cpu',
        timings: { preprocessMs: 1, encoderMs: 2, decoderMs: 3, decoderSteps: 2 },
      },
    },
    'relation:classify': {
      request: { image, caption: 'the cup is left of the laptop' },
      reply: 0.25,
    },
    'calibration:fit': {
      request: {
        modelId: 'depth-anything-v2-small',
        image,
        intrinsics,
        depth: { width: 2, height: 1, data: new Float32Array([1.5, 2]) },
        method: { kind: 'known-distance', distances: [{ a: [0, 0], b: [1, 0], distanceM: 0.3 }] },
      },
      reply: fit,
    },
  }
}

describe('the worker contract', () => {
  beforeAll(async () => {
    computation = await new InlineSceneExecutor().analyze(
      { frame: { kind: 'sample' }, regions: [] },
      'scene-1',
    )
  }, 60_000)

  it('has an example for every task (a new task needs one)', () => {
    expect(Object.keys(examples()).sort()).toEqual([...taskNames].sort())
  })

  for (const task of taskNames) {
    it(`${task}: request and reply round-trip through structured clone and the schemas`, () => {
      const { request, reply } = examples()[task]
      const schema = workerTasks[task]
      const sentRequest = hostMessageSchema.parse(structuredClone({ requestId: 1, task, request }))
      expect(digest(schema.request.parse((sentRequest as { request: unknown }).request))).toEqual(
        digest(schema.request.parse(request)),
      )
      const sentReply = replyMessageSchema.parse(
        structuredClone({ requestId: 1, ok: true, result: reply }),
      )
      expect(sentReply.ok).toBe(true)
      expect(digest(schema.reply.parse((sentReply as { result: unknown }).result))).toEqual(
        digest(reply),
      )
    })
  }

  it('the analysis keeps the engine scene: typed arrays, bigint time and pixel indices', () => {
    const received = workerTasks.analyze.reply.parse(structuredClone(computation))
    expect(received.scene.worldFromCamera).toBeInstanceOf(Float64Array)
    expect(received.scene.timestampNs).toBe(computation.scene.timestampNs)
    expect(received.scene.objects.length).toBeGreaterThan(0)
    received.scene.objects.forEach((object, index) => {
      expect(object.pixelIndices).toBeInstanceOf(Uint32Array)
      expect(digest(object.pixelIndices)).toEqual(
        digest(computation.scene.objects[index].pixelIndices),
      )
    })
    expect(received.depth.data).toBeInstanceOf(Float32Array)
  })
})
