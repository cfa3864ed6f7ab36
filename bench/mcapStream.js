#!/usr/bin/env node
// Recordings larger than memory: generates an MCAP of 640×480 RGB-D frames (ROS 2 CDR sensor_msgs/msg/Image,
// rgb8 + 16UC1, CameraInfo, /tf — the pcl-kinect fixture frame repeated at 30 Hz) into a temp dir, then, in a fresh
// child process, opens it with the indexed MCAP source, lists its topics and streams every paired frame, sampling
// RSS. Deletes the file afterwards. Writes bench/results/mcap.json.
//
//   node bench/mcapStream.js [--size-gb 2] [--chunk-mb 4] [--keep]
//
// Default 2 GB (about 1,360 frame pairs): on the 2-core dev machine it takes about two minutes, most of it writing.

import { spawnSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { McapWriter } from '@mcap/core'
import { parse } from '@foxglove/rosmsg'
import { MessageWriter } from '@foxglove/rosmsg2-serialization'
import { decode as decodePng } from 'fast-png'
import sharp from 'sharp'
import { build } from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FIX = join(ROOT, 'tests', 'fixtures', 'pcl-kinect', 'rgbd')
const W = 640
const H = 480

const SEP =
  '\n================================================================================\nMSG: '
const HEADER =
  'std_msgs/Header\nbuiltin_interfaces/Time stamp\nstring frame_id' +
  SEP +
  'builtin_interfaces/Time\nint32 sec\nuint32 nanosec'
const IMAGE =
  'std_msgs/Header header\nuint32 height\nuint32 width\nstring encoding\nuint8 is_bigendian\nuint32 step\nuint8[] data' +
  SEP +
  HEADER
const INFO =
  'std_msgs/Header header\nuint32 height\nuint32 width\nstring distortion_model\nfloat64[] d\nfloat64[9] k\nfloat64[9] r\nfloat64[12] p\nuint32 binning_x\nuint32 binning_y\nsensor_msgs/RegionOfInterest roi' +
  SEP +
  'sensor_msgs/RegionOfInterest\nuint32 x_offset\nuint32 y_offset\nuint32 height\nuint32 width\nbool do_rectify' +
  SEP +
  HEADER

const opts = parseArgs(process.argv.slice(2))

await main(opts)

async function main(o) {
  const tmp = mkdtempSync(join(os.tmpdir(), 'spatial-lens-mcap-bench-'))
  const file = join(tmp, 'rgbd.mcap')
  try {
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
    )
    const t0 = performance.now()
    const written = await generate(file, o.sizeGb * 1e9, o.chunkMb * 2 ** 20)
    const writeS = (performance.now() - t0) / 1000
    const bytes = statSync(file).size
    console.log(
      `generated ${(bytes / 1e9).toFixed(2)} GB, ${written} RGB-D frame pairs, ${o.chunkMb} MiB chunks, in ${writeS.toFixed(1)} s`,
    )
    const reader = join(tmp, 'reader.mjs')
    await build({
      stdin: { contents: readerSource(), resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: reader,
      logLevel: 'error',
    })
    // The bundle imports packages by name: run it from the project so node_modules resolves.
    const bundled = join(ROOT, 'bench', `.mcap-reader-${process.pid}.mjs`)
    writeFileSync(bundled, readFileSync(reader))
    let result
    try {
      const child = spawnSync(process.execPath, [bundled, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      })
      if (child.status !== 0)
        throw new Error(`reader failed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`)
      result = JSON.parse(child.stdout.trim().split('\n').pop())
    } finally {
      rmSync(bundled, { force: true })
    }
    const report = {
      date: new Date().toISOString(),
      fileBytes: bytes,
      framePairsWritten: written,
      chunkMiB: o.chunkMb,
      writeSeconds: writeS,
      ...result,
    }
    printReport(report)
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
    writeFileSync(
      join(ROOT, 'bench', 'results', 'mcap.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    )
  } finally {
    if (!o.keep) rmSync(tmp, { recursive: true, force: true })
    else console.log(`kept ${file}`)
  }
}

/** Writes frame pairs until the file reaches `targetBytes`; returns the number of pairs. */
async function generate(path, targetBytes, chunkSize) {
  const rgb = new Uint8Array(
    await sharp(readFileSync(join(FIX, 'frame_20121214T142255.814212_rgb.png')))
      .removeAlpha()
      .raw()
      .toBuffer(),
  )
  const depth = decodePng(readFileSync(join(FIX, 'frame_20121214T142255.814212_depth.png'))).data
  const depthBytes = new Uint8Array(depth.buffer, depth.byteOffset, depth.byteLength)
  const fd = openSync(path, 'w')
  let position = 0n
  const writable = {
    write: async (buffer) => {
      writeSync(fd, buffer)
      position += BigInt(buffer.byteLength)
    },
    position: () => position,
  }
  const writer = new McapWriter({ writable, chunkSize })
  await writer.start({ profile: 'ros2', library: 'spatial-lens bench' })
  const imageWriter = new MessageWriter(parse(IMAGE, { ros2: true }))
  const infoWriter = new MessageWriter(parse(INFO, { ros2: true }))
  const imageSchema = await writer.registerSchema({
    name: 'sensor_msgs/msg/Image',
    encoding: 'ros2msg',
    data: new TextEncoder().encode(IMAGE),
  })
  const infoSchema = await writer.registerSchema({
    name: 'sensor_msgs/msg/CameraInfo',
    encoding: 'ros2msg',
    data: new TextEncoder().encode(INFO),
  })
  const channel = (topic, schemaId) =>
    writer.registerChannel({ topic, schemaId, messageEncoding: 'cdr', metadata: new Map() })
  const colorId = await channel('/camera/color/image_raw', imageSchema)
  const depthId = await channel('/camera/aligned_depth_to_color/image_raw', imageSchema)
  const infoId = await channel('/camera/color/camera_info', infoSchema)
  const t0 = 1_700_000_000_000_000_000n
  let pairs = 0
  let seq = 0
  while (position < BigInt(Math.round(targetBytes))) {
    const t = t0 + BigInt(pairs) * 33_333_333n
    const header = {
      stamp: { sec: Number(t / 1_000_000_000n), nanosec: Number(t % 1_000_000_000n) },
      frame_id: 'camera_color_optical_frame',
    }
    const add = (channelId, data) =>
      writer.addMessage({ channelId, sequence: seq++, logTime: t, publishTime: t, data })
    if (pairs % 30 === 0) {
      await add(
        infoId,
        infoWriter.writeMessage({
          header,
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
        }),
      )
    }
    await add(
      colorId,
      imageWriter.writeMessage({
        header,
        height: H,
        width: W,
        encoding: 'rgb8',
        is_bigendian: 0,
        step: W * 3,
        data: rgb,
      }),
    )
    await add(
      depthId,
      imageWriter.writeMessage({
        header,
        height: H,
        width: W,
        encoding: '16UC1',
        is_bigendian: 0,
        step: W * 2,
        data: depthBytes,
      }),
    )
    pairs++
  }
  await writer.end()
  closeSync(fd)
  return pairs
}

/** The child: open, list topics, stream every frame; prints one JSON line. */
function readerSource() {
  return `
import { McapFrameSource } from './main/sources/mcap/mcapFrameSource'
import { chunkMemoryBound } from './main/sources/mcap/openMcap'
const path = process.argv[2]
let peak = process.memoryUsage().rss
const sample = () => { const r = process.memoryUsage().rss; if (r > peak) peak = r }
const baselineRss = process.memoryUsage().rss
const t0 = performance.now()
const source = await McapFrameSource.open(path, { colorTopic: '/camera/color/image_raw', depthTopic: '/camera/aligned_depth_to_color/image_raw' })
const openMs = performance.now() - t0
sample()
const afterOpenRss = process.memoryUsage().rss
const topics = await source.topics()
const bound = chunkMemoryBound((source as any).reader)
const t1 = performance.now()
let frames = 0
let checksum = 0
for await (const f of source) { frames++; checksum += f.frame.depth.data[240 * 640 + 320]; sample() }
const streamS = (performance.now() - t1) / 1000
await source.close()
console.log(JSON.stringify({ openMs, topicsListed: topics.length, frames, streamSeconds: streamS, framesPerSecond: frames / streamS,
  stats: source.stats(), baselineRssMiB: baselineRss / 2 ** 20, afterOpenRssMiB: afterOpenRss / 2 ** 20, peakRssMiB: peak / 2 ** 20,
  maxRssMiB: process.resourceUsage().maxRSS / 1024, chunkBoundMiB: bound.boundBytes / 2 ** 20, largestChunkMiB: bound.largestChunkBytes / 2 ** 20, checksum }))
`
}

function printReport(r) {
  console.log(
    `open (footer + summary, indexed reader): ${r.openMs.toFixed(0)} ms, RSS ${r.baselineRssMiB.toFixed(0)} → ${r.afterOpenRssMiB.toFixed(0)} MiB`,
  )
  console.log(
    `streamed ${r.frames} paired 640×480 RGB-D frames in ${r.streamSeconds.toFixed(1)} s (${r.framesPerSecond.toFixed(1)} frames/s, decode to engine frames)`,
  )
  console.log(
    `peak RSS ${r.peakRssMiB.toFixed(0)} MiB (maxRSS ${r.maxRssMiB.toFixed(0)} MiB) for a ${(r.fileBytes / 1e9).toFixed(2)} GB file; chunk bound ${r.chunkBoundMiB.toFixed(1)} MiB (largest chunk ${r.largestChunkMiB.toFixed(1)} MiB)`,
  )
  console.log(`dropped ${r.stats.framesDropped}, decode errors ${r.stats.decodeErrors}`)
}

function parseArgs(argv) {
  const o = { sizeGb: 2, chunkMb: 4, keep: false }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size-gb') o.sizeGb = Number(argv[++i])
    else if (argv[i] === '--chunk-mb') o.chunkMb = Number(argv[++i])
    else if (argv[i] === '--keep') o.keep = true
    else
      throw new Error(
        `unknown option ${argv[i]} (node bench/mcapStream.js [--size-gb 2] [--chunk-mb 4] [--keep])`,
      )
  }
  if (!(o.sizeGb > 0) || !(o.chunkMb > 0)) throw new Error('--size-gb and --chunk-mb must be > 0')
  return o
}
