/** Foxglove protobuf schemas (foxglove.RawImage, foxglove.CameraCalibration) in an MCAP written here. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import protobufjs from 'protobufjs'
import descriptor from 'protobufjs/ext/descriptor/index.js'
import { McapWriter, TempBuffer } from '@mcap/core'
import { McapFrameSource } from '../../../main/sources/mcap/mcapFrameSource'

// Field numbers as in Foxglove's published .proto files.
const PROTO = `syntax = "proto3";
package foxglove;
message RawImage { google.protobuf.Timestamp timestamp = 1; string frame_id = 7; fixed32 width = 2; fixed32 height = 3;
  string encoding = 4; fixed32 step = 5; bytes data = 6; }
message CameraCalibration { google.protobuf.Timestamp timestamp = 1; string frame_id = 9; fixed32 width = 2; fixed32 height = 3;
  string distortion_model = 4; repeated double D = 5; repeated double K = 6; repeated double R = 7; repeated double P = 8; }`

const dir = mkdtempSync(join(tmpdir(), 'mcap-pb-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('decodes protobuf RawImage colour + 16UC1 depth and CameraCalibration K', async () => {
  const root = new protobufjs.Root()
  protobufjs.parse(
    'syntax = "proto3"; package google.protobuf; message Timestamp { int64 seconds = 1; int32 nanos = 2; }',
    root,
  )
  protobufjs.parse(PROTO, root, { keepCase: true }) // field names as in Foxglove's files (snake_case)
  const set = (root as unknown as { toDescriptor(v: string): unknown }).toDescriptor('proto3')
  const schemaData = descriptor.FileDescriptorSet.encode(set as never).finish()
  const buffer = new TempBuffer()
  const writer = new McapWriter({ writable: buffer })
  await writer.start({ profile: '', library: 'test' })
  const channel = async (topic: string, name: string) => {
    const schemaId = await writer.registerSchema({ name, encoding: 'protobuf', data: schemaData })
    return writer.registerChannel({
      topic,
      schemaId,
      messageEncoding: 'protobuf',
      metadata: new Map(),
    })
  }
  const colorId = await channel('/rgb', 'foxglove.RawImage')
  const depthId = await channel('/depth', 'foxglove.RawImage')
  const calId = await channel('/calibration', 'foxglove.CameraCalibration')
  const RawImage = root.lookupType('foxglove.RawImage')
  const Calibration = root.lookupType('foxglove.CameraCalibration')
  const timestamp = { seconds: 1_700_000_000, nanos: 500_000_000 }
  const t = 1_700_000_000_500_000_000n
  const add = async (channelId: number, data: Uint8Array) =>
    writer.addMessage({ channelId, sequence: 0, logTime: t, publishTime: t, data })
  await add(
    calId,
    Calibration.encode({
      timestamp,
      frame_id: 'cam',
      width: 2,
      height: 1,
      distortion_model: 'plumb_bob',
      // fy 50: across a 1-px-high image the contract's rules need a field of view ≥ 1°, i.e. fy ≤ 57 px.
      K: [100, 0, 0.5, 0, 50, 0, 0, 0, 1],
    }).finish(),
  )
  await add(
    colorId,
    RawImage.encode({
      timestamp,
      frame_id: 'cam',
      width: 2,
      height: 1,
      encoding: 'rgb8',
      step: 6,
      data: Uint8Array.from([1, 2, 3, 4, 5, 6]),
    }).finish(),
  )
  // 16UC1 little-endian: 1500 mm and 0 (no depth).
  await add(
    depthId,
    RawImage.encode({
      timestamp,
      frame_id: 'cam',
      width: 2,
      height: 1,
      encoding: '16UC1',
      step: 4,
      data: Uint8Array.from([0xdc, 0x05, 0, 0]),
    }).finish(),
  )
  await writer.end()
  const path = join(dir, 'pb.mcap')
  writeFileSync(path, buffer.get())

  const source = await McapFrameSource.open(path, { colorTopic: '/rgb', depthTopic: '/depth' })
  const frames = []
  for await (const f of source) frames.push(f)
  await source.close()
  expect(source.stats().decodeErrors).toBe(0)
  expect(frames).toHaveLength(1)
  const f = frames[0].frame
  expect(f.timestampNs).toBe(t)
  expect([...f.rgb.data]).toEqual([1, 2, 3, 4, 5, 6])
  expect([...f.depth!.data]).toEqual([1.5, 0])
  expect(f.intrinsics).toEqual({ width: 2, height: 1, fx: 100, fy: 50, cx: 0.5, cy: 0 })
  expect(frames[0].cameraFrameId).toBe('cam')
})
