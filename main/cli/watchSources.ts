/**
 * The source kinds of `spatial-lens watch`: each claims one flag and builds a FrameSource from the parsed flags.
 * Another kind plugs in by adding one entry here.
 */

import { UserError } from '../app/userError'
import type { FrameSource } from '../live/FrameSource'
import { RosbridgeSource } from '../live/RosbridgeSource'
import { FolderSource, preloadFolderFrames } from '../live/FolderSource'
import { MemoryFrameSource } from '../live/MemoryFrameSource'
import { McapWatchSource } from '../live/McapWatchSource'
import { TF_TOPICS } from '../live/robotFrameAttacher'
import { SourceError } from '../sources/SourceError'
import { listMcapTopics, openMcap } from '../sources/mcap/openMcap'
import { VideoSource, intrinsicsFromFov } from '../live/VideoSource'
import { parseIntrinsicsJson } from '../sources/intrinsics'
import { readFile } from 'node:fs/promises'

export type WatchFlags = Readonly<Record<string, string | boolean | undefined>>

export interface WatchSourceKind {
  /** The flag that selects this kind (its value is the URL, path or folder). */
  flag: string
  usage: string
  /** Builds and starts the source (connects, opens the file, lists topics). */
  open(value: string, flags: WatchFlags, print: (line: string) => void): Promise<FrameSource>
}

const text = (flags: WatchFlags, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined

function required(flags: WatchFlags, name: string, kind: string): string {
  const v = text(flags, name)
  if (v === undefined)
    throw new UserError(`--${name} is needed with ${kind} (see spatial-lens watch --help)`)
  return v
}

function positiveNumber(flags: WatchFlags, name: string): number | undefined {
  const v = text(flags, name)
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0)
    throw new UserError(`--${name} must be a positive number, got "${v}"`)
  return n
}

const rosbridge: WatchSourceKind = {
  flag: 'rosbridge',
  usage:
    '--rosbridge ws://host:9090 --color-topic T --info-topic T [--depth-topic T] [--list-topics]',
  async open(url, flags, print) {
    if (!/^wss?:\/\//.test(url))
      throw new UserError(`--rosbridge wants a ws:// or wss:// URL, got "${url}"`)
    const source = new RosbridgeSource({
      url,
      colorTopic: text(flags, 'color-topic') ?? '',
      depthTopic: text(flags, 'depth-topic'),
      infoTopic: text(flags, 'info-topic') ?? '',
      // TF comes along as messages, so robot frames ("the gripper") can be placed in each scene.
      extraTopics: TF_TOPICS,
    })
    const topics = await source.start().catch((error: unknown) => {
      throw new UserError(error instanceof Error ? error.message : String(error))
    })
    if (
      flags['list-topics'] === true ||
      !text(flags, 'color-topic') ||
      !text(flags, 'info-topic')
    ) {
      await source.close()
      const images = topics.filter((t) => /Image|CameraInfo/.test(t.type))
      print(
        images.map((t) => `${t.name}\t${t.type}`).join('\n') || '(no image or CameraInfo topics)',
      )
      if (flags['list-topics'] === true) return source
      throw new UserError(
        'choose the topics with --color-topic, --depth-topic and --info-topic (image topics above)',
      )
    }
    return source
  },
}

const folder: WatchSourceKind = {
  flag: 'rgb-dir',
  usage:
    '--rgb-dir DIR --intrinsics K.json [--depth-scale S] [--fps F] [--preload]   (DIR: *_rgb.png with *_depth.png;\n' +
    '      --preload: decode every frame once first and replay from memory, like a camera: no PNG decoding per frame)',
  async open(dir, flags) {
    if (flags.preload === true) return preloadedFolder(dir, flags)
    return new FolderSource({
      dir,
      intrinsicsPath: required(flags, 'intrinsics', '--rgb-dir'),
      depthScale: positiveNumber(flags, 'depth-scale'),
      fps: positiveNumber(flags, 'fps'),
    })
  },
}

/** `--rgb-dir DIR --preload`: the folder decoded once, replayed from memory at `--fps` (or on demand). */
async function preloadedFolder(dir: string, flags: WatchFlags): Promise<FrameSource> {
  const frames = await preloadFolderFrames({
    dir,
    intrinsicsPath: required(flags, 'intrinsics', '--rgb-dir'),
    depthScale: positiveNumber(flags, 'depth-scale'),
  }).catch((error: unknown) => {
    throw new UserError(error instanceof Error ? error.message : String(error))
  })
  return new MemoryFrameSource({
    frames,
    fps: positiveNumber(flags, 'fps'),
    description: `folder ${dir} (preloaded, replayed from memory)`,
  })
}

/** `--mcap FILE --list-topics`: prints the recording's topics; the returned source is empty (nothing is held open). */
async function listRecordingTopics(
  path: string,
  print: (line: string) => void,
): Promise<FrameSource> {
  const { reader, readable } = await openMcap(path).catch((error: unknown) => {
    throw new UserError(error instanceof Error ? error.message : String(error))
  })
  const topics = await listMcapTopics(reader).finally(() => readable.close())
  print(topics.map((t) => `${t.topic}\t${t.schemaName}\t${t.messageCount ?? '?'} msgs`).join('\n'))
  return {
    description: path,
    droppedFrames: () => 0,
    close: async () => {},
    async *[Symbol.asyncIterator]() {},
  }
}

const mcap: WatchSourceKind = {
  flag: 'mcap',
  usage:
    '--mcap FILE [--color-topic T] [--depth-topic T] [--camera-info-topic T] [--realtime] [--list-topics]\n      (topics picked when the file has one colour + one depth image topic; --realtime: at the recorded pace)',
  async open(path, flags, print) {
    if (flags['list-topics'] === true) return listRecordingTopics(path, print)
    return McapWatchSource.open(
      path,
      {
        colorTopic: text(flags, 'color-topic'),
        depthTopic: text(flags, 'depth-topic'),
        cameraInfoTopic: text(flags, 'camera-info-topic') ?? text(flags, 'info-topic'),
      },
      { realtime: flags.realtime === true },
      print,
    ).catch((error: unknown) => {
      throw error instanceof SourceError ? new UserError(error.message) : error
    })
  },
}

const video: WatchSourceKind = {
  flag: 'video',
  usage:
    '--video FILE (--intrinsics K.json | --fov-deg F) [--fps N] [--start S]\n      (any video ffmpeg decodes; colour only: depth comes from an installed depth model)',
  async open(path, flags) {
    const intrinsicsPath = text(flags, 'intrinsics')
    const fovDeg = positiveNumber(flags, 'fov-deg')
    if ((intrinsicsPath === undefined) === (fovDeg === undefined))
      throw new UserError(
        '--video needs exactly one of --intrinsics K.json or --fov-deg F (the horizontal field of view)',
      )
    const fromFile =
      intrinsicsPath === undefined
        ? undefined
        : parseIntrinsicsJson(await readFile(intrinsicsPath, 'utf8'), intrinsicsPath).intrinsics
    const start = text(flags, 'start')
    return VideoSource.open({
      path,
      intrinsics: (info) => fromFile ?? intrinsicsFromFov(info.width, info.height, fovDeg!),
      fps: positiveNumber(flags, 'fps'),
      startS: start === undefined ? undefined : Number(start),
    }).catch((error: unknown) => {
      throw error instanceof SourceError ? new UserError(error.message) : error
    })
  },
}

export const WATCH_SOURCE_KINDS: WatchSourceKind[] = [rosbridge, folder, mcap, video]

/** The one source kind the flags name; a clear error for none or several. */
export function chooseSourceKind(flags: WatchFlags): { kind: WatchSourceKind; value: string } {
  const named = WATCH_SOURCE_KINDS.filter((k) => typeof flags[k.flag] === 'string')
  if (named.length !== 1) {
    const all = WATCH_SOURCE_KINDS.map((k) => `--${k.flag}`).join(', ')
    throw new UserError(`give exactly one source: ${all} (see spatial-lens watch --help)`)
  }
  return { kind: named[0], value: flags[named[0].flag] as string }
}
