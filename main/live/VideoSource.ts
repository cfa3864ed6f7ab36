/**
 * Frames from a video file (any container and codec the installed ffmpeg decodes: MP4/H.264, MKV, AVI, WebM …):
 * ffmpeg decodes to raw RGB on a pipe and each width×height×3 bytes become a colour-only frame (depth then comes
 * from an installed depth model, as for the webcam). Pull-based: ffmpeg blocks on the full pipe while the pipeline
 * is busy, so memory stays at one frame plus the pipe buffer and nothing is dropped; `fps` resamples in ffmpeg.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { basename } from 'node:path'
import type { Frame, Intrinsics } from '../engine/types'
import type { FrameSource, SourceEvent } from './FrameSource'
import { assertPixelLimit } from '../sources/pixelLimit'
import { SourceError } from '../sources/SourceError'
import { ffmpegPath, missingTool, probeVideo, type VideoInfo } from '../sources/video/ffmpegTools'

export interface VideoSourceOptions {
  path: string
  /** The camera's intrinsics at the video's size (see {@link intrinsicsFromFov} when only the field of view is known). */
  intrinsics: Intrinsics | ((info: VideoInfo) => Intrinsics)
  /** Resample to this many frames per second (ffmpeg's fps filter); default: every frame. */
  fps?: number
  /** Start this many seconds into the video. */
  startS?: number
}

/** Bytes of ffmpeg's stderr kept for the error message. */
const STDERR_KEEP = 4096

/** Pinhole intrinsics for a horizontal field of view, principal point at the centre. */
export function intrinsicsFromFov(
  width: number,
  height: number,
  horizontalFovDeg: number,
): Intrinsics {
  if (!(horizontalFovDeg > 1 && horizontalFovDeg < 179))
    throw new SourceError(
      `a horizontal field of view of ${horizontalFovDeg}° is not a camera's (1°–179°)`,
    )
  const fx = width / 2 / Math.tan((horizontalFovDeg * Math.PI) / 360)
  return { width, height, fx, fy: fx, cx: width / 2, cy: height / 2 }
}

export class VideoSource implements FrameSource {
  readonly description: string
  private child?: ChildProcessWithoutNullStreams
  private closed = false

  private constructor(
    private readonly options: VideoSourceOptions,
    readonly info: VideoInfo,
    private readonly intrinsics: Intrinsics,
  ) {
    this.description = `video ${basename(options.path)} (${info.width}×${info.height}, ${round(info.fps)} fps, ${info.codec})`
  }

  /**
   * Probes the file and checks size, pixel limit and intrinsics; decoding starts on the first pull.
   * @throws SourceError when ffmpeg/ffprobe is missing, the file is not a readable video, or the intrinsics do not fit.
   */
  static async open(options: VideoSourceOptions): Promise<VideoSource> {
    const name = basename(options.path)
    if (options.fps !== undefined && !(options.fps > 0 && options.fps <= 1000))
      throw new SourceError(`--fps must be in (0, 1000], got ${options.fps}`)
    if (options.startS !== undefined && !(options.startS >= 0 && Number.isFinite(options.startS)))
      throw new SourceError(`the start time must be ≥ 0 seconds, got ${options.startS}`)
    const info = await probeVideo(options.path)
    assertPixelLimit(info.width, info.height, name)
    const k =
      typeof options.intrinsics === 'function' ? options.intrinsics(info) : options.intrinsics
    if (k.width !== info.width || k.height !== info.height)
      throw new SourceError(
        `${name} is ${info.width}×${info.height} but the intrinsics are for ${k.width}×${k.height}; ` +
          'give the intrinsics of the video as recorded (or --fov-deg)',
        { file: options.path },
      )
    return new VideoSource(options, info, k)
  }

  droppedFrames(): number {
    return 0
  }

  totalFrames(): number | null {
    const { frameCount, durationS, fps } = this.info
    const rate = this.options.fps ?? fps
    const seconds = durationS ?? (frameCount !== null ? frameCount / fps : null)
    if (seconds === null) return null
    return Math.max(0, Math.round((seconds - (this.options.startS ?? 0)) * rate))
  }

  async close(): Promise<void> {
    this.closed = true
    this.child?.kill('SIGKILL')
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceEvent> {
    const { width, height } = this.info
    const frameBytes = width * height * 3
    const child = this.spawn()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP)
    })
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    )
    const spawnError = new Promise<Error>((resolve) => child.on('error', resolve))
    let buffer = new Uint8Array(frameBytes)
    let filled = 0
    let index = 0
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        let at = 0
        while (at < chunk.length) {
          const take = Math.min(frameBytes - filled, chunk.length - at)
          buffer.set(chunk.subarray(at, at + take), filled)
          filled += take
          at += take
          if (filled === frameBytes) {
            yield {
              kind: 'frame',
              frame: this.frame(buffer, index++),
              receivedAtMs: performance.now(),
            }
            buffer = new Uint8Array(frameBytes) // the yielded frame owns the old one
            filled = 0
          }
          if (this.closed) return
        }
      }
    } finally {
      if (!this.closed) child.kill('SIGKILL')
    }
    const code = await Promise.race([exited, spawnError.then((e) => e)])
    if (code instanceof Error) {
      const missing = (code as NodeJS.ErrnoException).code === 'ENOENT'
      yield { kind: 'error', message: missing ? missingTool('ffmpeg') : code.message }
      return
    }
    const name = basename(this.options.path)
    if (code !== 0 && !this.closed)
      yield {
        kind: 'error',
        message: `${name}: ffmpeg stopped (${lastLine(stderr) || `exit ${code}`}) after ${index} frames`,
      }
    else if (filled > 0)
      yield { kind: 'error', message: `${name} ended inside frame ${index + 1} (truncated?)` }
    else if (lastLine(stderr) !== '')
      yield { kind: 'status', message: `${name}: ffmpeg reported: ${lastLine(stderr)}` }
  }

  private spawn(): ChildProcessWithoutNullStreams {
    const args = ['-v', 'error', '-nostdin']
    if (this.options.startS) args.push('-ss', String(this.options.startS))
    args.push('-i', this.options.path)
    if (this.options.fps !== undefined) args.push('-vf', `fps=${this.options.fps}`)
    args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1')
    this.child = spawn(ffmpegPath(), args, { stdio: ['pipe', 'pipe', 'pipe'] })
    return this.child
  }

  private frame(data: Uint8Array, index: number): Frame {
    const rate = this.options.fps ?? this.info.fps
    const seconds = (this.options.startS ?? 0) + index / rate
    return {
      cameraId: basename(this.options.path),
      timestampNs: BigInt(Math.round(seconds * 1e9)),
      rgb: { width: this.info.width, height: this.info.height, data },
      intrinsics: this.intrinsics,
      depthSource: 'monocular',
      sourceDescription: `${basename(this.options.path)} frame ${index} (${round(seconds)} s)`,
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? ''
}

const round = (x: number) => Math.round(x * 100) / 100
