/**
 * rosbag2 .db3 bags through the streaming SQLite reader: the real evo TF bag (checked against its ROS 1 twin read by
 * @foxglove/rosbag), and bags written here by sql.js (real SQLite) with camera topics, out-of-order rows, several
 * page sizes (overflow chains), with and without the timestamp index and stored definitions; corrupt files.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import initSqlJs from 'sql.js'
import { decode as decodePng } from 'fast-png'
import sharp from 'sharp'
import { openMcap, listMcapTopics } from '../../../main/sources/mcap/openMcap'
import { McapFrameSource } from '../../../main/sources/mcap/mcapFrameSource'
import { loadRecordingTf } from '../../../main/sources/robot/recordingTf'
import { SourceError } from '../../../main/sources/SourceError'
import type { RobotFrame } from '../../../main/sources/robot/frameSource'
import { ROS2 } from '../robot/rosDefinitions'
import { stamp2 } from '../robot/mcapBuilder'
import { Db3Builder } from './db3Builder'

const EVO_DB3 = 'tests/fixtures/mcap/evo_tf_example.db3'
const EVO_BAG = 'tests/fixtures/mcap/evo_tf_example.bag'
const FIX = 'tests/fixtures/pcl-kinect/rgbd/frame_20121214T142255.814212_'
const W = 640
const H = 480
const T0 = 1_700_000_000_000_000_000n
const PERIOD = 100_000_000n

let dir: string
let rgb: Uint8Array
let depthMm: Uint16Array

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spatial-lens-db3-'))
  rgb = new Uint8Array(
    await sharp(FIX + 'rgb.png')
      .removeAlpha()
      .raw()
      .toBuffer(),
  )
  depthMm = new Uint16Array(decodePng(readFileSync(FIX + 'depth.png')).data as Uint16Array)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const header = (t: bigint) => ({ stamp: stamp2(t), frame_id: 'camera_color_optical_frame' })
const cameraInfo = (t: bigint) => ({
  header: header(t),
  height: H,
  width: W,
  distortion_model: 'plumb_bob',
  d: [0, 0, 0, 0, 0],
  k: [525, 0, 320, 0, 525, 240, 0, 0, 1],
  r: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  p: [525, 0, 320, 0, 0, 525, 240, 0, 0, 0, 1, 0],
  binning_x: 0,
  binning_y: 0,
  roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
})
const TOPICS = [
  { name: '/camera/color/image_raw', type: 'sensor_msgs/msg/Image', definition: ROS2.image },
  { name: '/camera/depth/image_raw', type: 'sensor_msgs/msg/Image', definition: ROS2.image },
  {
    name: '/camera/color/camera_info',
    type: 'sensor_msgs/msg/CameraInfo',
    definition: ROS2.cameraInfo,
  },
]

/** Three RGB-D frames at 10 Hz, rows inserted newest first (the reader must order by time). */
async function cameraBag(path: string, options: ConstructorParameters<typeof Db3Builder>[1] = {}) {
  const b = new Db3Builder(TOPICS, options)
  for (let k = 2; k >= 0; k--) {
    const t = T0 + BigInt(k) * PERIOD
    b.message('/camera/color/image_raw', t, {
      header: header(t),
      height: H,
      width: W,
      encoding: 'rgb8',
      is_bigendian: 0,
      step: W * 3,
      data: rgb,
    })
    b.message('/camera/depth/image_raw', t + 3_000_000n, {
      header: header(t + 3_000_000n),
      height: H,
      width: W,
      encoding: '16UC1',
      is_bigendian: 0,
      step: W * 2,
      data: new Uint8Array(depthMm.buffer, depthMm.byteOffset, depthMm.byteLength),
    })
    b.message('/camera/color/camera_info', t, cameraInfo(t))
  }
  await b.write(path)
}

async function frames(path: string): Promise<RobotFrame[]> {
  const source = await McapFrameSource.open(path, {
    colorTopic: '/camera/color/image_raw',
    depthTopic: '/camera/depth/image_raw',
  })
  const out: RobotFrame[] = []
  for await (const f of source) out.push(f)
  await source.close()
  return out
}

describe('the real evo TF bag (rosbag2 .db3 written by the rosbags library)', () => {
  it('lists its topics with the counts PROVENANCE.md gives', async () => {
    const { reader, readable } = await openMcap(EVO_DB3)
    const topics = await listMcapTopics(reader)
    await readable.close()
    expect(topics.map((t) => [t.topic, t.schemaName, t.messageCount])).toEqual([
      ['/tf', 'tf2_msgs/msg/TFMessage', 517],
      ['/tf_static', 'tf2_msgs/msg/TFMessage', 1],
    ])
    // PROVENANCE: /tf_static at t0 1714741164.112 s, /tf spanning 51.60 s.
    expect(Number(reader.statistics!.messageStartTime) / 1e9).toBeCloseTo(1714741164.112, 3)
    const tf = topics[0]
    expect(Number(tf.endNs! - tf.startNs!) / 1e9).toBeCloseTo(51.6, 2)
  })

  it('gives the same TF poses as the same recording read from its ROS 1 .bag twin', async () => {
    const fromDb3 = await loadRecordingTf(EVO_DB3)
    const fromBag = await loadRecordingTf(EVO_BAG)
    expect(fromDb3.errors).toEqual([])
    expect(fromDb3.transformCount).toBe(fromBag.transformCount)
    for (const seconds of [1714741170, 1714741190, 1714741210]) {
      const t = BigInt(seconds) * 1_000_000_000n
      const a = fromDb3.tree.lookup('odom', 'base_link', t)
      const b = fromBag.tree.lookup('odom', 'base_link', t)
      expect(Array.from(a.translationM)).toEqual(Array.from(b.translationM))
      expect(Array.from(a.rotation)).toEqual(Array.from(b.rotation))
    }
  })
})

describe('camera bags written by SQLite itself', () => {
  for (const pageSize of [512, 4096, 65536]) {
    it(`frames come in time order with the fixture's pixels and intrinsics (page size ${pageSize})`, async () => {
      const path = join(dir, `camera-${pageSize}.db3`)
      await cameraBag(path, { pageSize })
      const got = await frames(path)
      expect(got.map((f) => f.frame.timestampNs)).toEqual([T0, T0 + PERIOD, T0 + 2n * PERIOD])
      for (const f of got) {
        expect(Buffer.from(f.frame.rgb.data).equals(Buffer.from(rgb))).toBe(true)
        expect(f.frame.intrinsics.fx).toBe(525)
        // 16UC1 millimetres → metres.
        expect(f.frame.depth!.data[1000]).toBeCloseTo(depthMm[1000] / 1000, 6)
      }
    })
  }

  it('without the timestamp index, rows come in recording (rowid) order and still pair', async () => {
    const path = join(dir, 'noindex.db3')
    await cameraBag(path, { timestampIndex: false })
    const got = await frames(path)
    // Rows were written newest first; without an index the pairer still pairs each colour with its depth.
    expect(got.length).toBeGreaterThan(0)
    expect(new Set(got.map((f) => f.frame.timestampNs)).size).toBe(got.length)
  })

  it('time bounds and reverse reading match the rows written', async () => {
    const path = join(dir, 'bounds.db3')
    const b = new Db3Builder([{ name: '/n', type: 'std_msgs/msg/Int32', definition: 'int32 data' }])
    const times = [5n, 1n, 9n, 3n, 7n, 3n].map((s) => T0 + s * 1_000_000_000n)
    times.forEach((t, i) => b.message('/n', t, { data: i }))
    await b.write(path)
    const { reader, readable } = await openMcap(path)
    const read = async (args: Parameters<typeof reader.readMessages>[0]) => {
      const out: bigint[] = []
      for await (const m of reader.readMessages(args)) out.push((m.logTime - T0) / 1_000_000_000n)
      return out
    }
    const s = (x: bigint) => T0 + x * 1_000_000_000n
    expect(await read({})).toEqual([1n, 3n, 3n, 5n, 7n, 9n])
    expect(await read({ startTime: s(3n), endTime: s(7n) })).toEqual([3n, 3n, 5n, 7n])
    expect(await read({ reverse: true })).toEqual([9n, 7n, 5n, 3n, 3n, 1n])
    expect(await read({ reverse: true, endTime: s(6n) })).toEqual([5n, 3n, 3n, 1n])
    expect(await read({ reverse: true, endTime: s(3n), startTime: s(2n) })).toEqual([3n, 3n])
    expect(await read({ topics: ['/other'] })).toEqual([])
    await readable.close()
  })

  it('a type the bag defines itself decodes; an unknown type without a definition is a clear per-topic error', async () => {
    const custom = {
      name: '/thing',
      type: 'my_msgs/msg/Thing',
      definition: 'float64 x\nstring note',
    }
    for (const storeDefinitions of [true, false]) {
      const path = join(dir, `custom-${storeDefinitions}.db3`)
      const b = new Db3Builder([custom], { storeDefinitions })
      b.message('/thing', T0, { x: 1.5, note: 'hi' })
      await b.write(path)
      const { reader, readable } = await openMcap(path)
      const schema = reader.schemasById.get(1)!
      await readable.close()
      if (storeDefinitions) {
        expect(schema.encoding).toBe('ros2msg')
        expect(new TextDecoder().decode(schema.data)).toBe(custom.definition)
      } else {
        expect(schema.encoding).toBe('') // the frame source reports "CDR needs a ros2msg schema" for it
      }
    }
  })
})

describe('damaged bags give a clear message', () => {
  const sqlitePage = async (path: string, name: string) => {
    const SQL = await initSqlJs()
    const db = new SQL.Database(readFileSync(path))
    const root = db.exec(`SELECT rootpage FROM sqlite_master WHERE name = '${name}'`)[0]
      .values[0][0]
    db.close()
    return Number(root)
  }

  it('a truncated bag', async () => {
    const path = join(dir, 'truncated.db3')
    copyFileSync(EVO_DB3, path)
    writeFileSync(path, readFileSync(path).subarray(0, 50_000))
    await expect(openMcap(path)).rejects.toThrow(/truncated/)
    await expect(openMcap(path)).rejects.toBeInstanceOf(SourceError)
  })

  it('a messages page overwritten with garbage', async () => {
    const path = join(dir, 'garbage.db3')
    await cameraBag(path)
    const root = await sqlitePage(path, 'messages')
    const bytes = readFileSync(path)
    bytes.fill(0x77, (root - 1) * 4096, root * 4096)
    writeFileSync(path, bytes)
    await expect(openMcap(path)).rejects.toThrow(/corrupt rosbag2 \.db3.*not a b-tree page/)
  })

  it('an overflow chain pointing at itself ends with an error, not a loop', async () => {
    const path = join(dir, 'loop.db3')
    await cameraBag(path)
    const bytes = readFileSync(path)
    // Every overflow page begins with its successor's number; make one of the image chains point to itself.
    const pages = bytes.length / 4096
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    let patched = false
    for (let p = pages; p > 2 && !patched; p--) {
      const next = view.getUint32((p - 1) * 4096)
      if (next === p + 1) {
        view.setUint32((p - 1) * 4096, p)
        patched = true
      }
    }
    expect(patched).toBe(true)
    writeFileSync(path, bytes)
    const { reader, readable } = await openMcap(path)
    const read = async () => {
      for await (const m of reader.readMessages({})) void m
    }
    await expect(read()).rejects.toThrow(/overflow chain loops/)
    await readable.close()
  })

  it('un-merged WAL data is named with the command that merges it', async () => {
    const path = join(dir, 'wal.db3')
    await cameraBag(path)
    const bytes = readFileSync(path)
    bytes[18] = 2
    bytes[19] = 2
    writeFileSync(path, bytes)
    writeFileSync(`${path}-wal`, Buffer.alloc(4096, 1))
    await expect(openMcap(path)).rejects.toThrow(/wal\.db3-wal.*wal_checkpoint/)
  })

  it('a SQLite database that is not a bag', async () => {
    const path = join(dir, 'plain.db3')
    const SQL = await initSqlJs()
    const db = new SQL.Database()
    db.run('CREATE TABLE t(a)')
    writeFileSync(path, db.export())
    db.close()
    await expect(openMcap(path)).rejects.toThrow(/not a rosbag2 bag/)
  })
})
