/**
 * Where ffmpeg and ffprobe are (PATH, or SPATIAL_LENS_FFMPEG / SPATIAL_LENS_FFPROBE), and what a video file holds
 * according to ffprobe — size, frame rate, frame count, duration — checked with zod before anything trusts it.
 */
import { execFile } from 'node:child_process'
import { basename } from 'node:path'
import { z } from 'zod'
import { SourceError, describeCause } from '../SourceError'

export const ffmpegPath = (): string => process.env.SPATIAL_LENS_FFMPEG || 'ffmpeg'
export const ffprobePath = (): string => process.env.SPATIAL_LENS_FFPROBE || 'ffprobe'

/** ffprobe may not take longer than this on one file (a hostile file cannot hang the caller). */
const PROBE_TIMEOUT_MS = 20_000

export interface VideoInfo {
  width: number
  height: number
  /** Average frames per second (avg_frame_rate). */
  fps: number
  /** Frames in the stream when the container says, else estimated from the duration; null when unknown. */
  frameCount: number | null
  durationS: number | null
  codec: string
}

const rate = z.string().regex(/^\d+\/\d+$/)
const probeSchema = z.object({
  streams: z
    .array(
      z.object({
        codec_name: z.string().optional(),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        avg_frame_rate: rate.optional(),
        r_frame_rate: rate.optional(),
        nb_frames: z.string().optional(),
        duration: z.string().optional(),
      }),
    )
    .min(1),
  format: z.object({ duration: z.string().optional() }).optional(),
})

/** The message for a missing ffmpeg/ffprobe, with how to get it. */
export function missingTool(tool: string): string {
  return (
    `video files need ${tool}, which was not found; install it (Debian/Ubuntu: sudo apt install ffmpeg; ` +
    `macOS: brew install ffmpeg) or set SPATIAL_LENS_${tool.toUpperCase()} to its path`
  )
}

/**
 * Probes the first video stream of `path`.
 * @throws SourceError when ffprobe is missing, the file is not a video it can read, or it reports nonsense.
 */
export async function probeVideo(path: string): Promise<VideoInfo> {
  const name = basename(path)
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries']
  args.push(
    'stream=codec_name,width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration',
  )
  args.push('-of', 'json', path)
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      ffprobePath(),
      args,
      { timeout: PROBE_TIMEOUT_MS, maxBuffer: 1 << 20 },
      (error, out, err) => {
        if (!error) return resolve(out)
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new SourceError(missingTool('ffprobe')))
        const why = String(err).trim().split('\n')[0] || describeCause(error)
        reject(
          new SourceError(`${name} is not a video ffprobe can read: ${why}`, {
            file: path,
            cause: error,
          }),
        )
      },
    )
  })
  let parsed: z.infer<typeof probeSchema>
  try {
    parsed = probeSchema.parse(JSON.parse(stdout))
  } catch (error) {
    throw new SourceError(`${name} has no video stream with a size ffprobe can read`, {
      file: path,
      cause: error,
    })
  }
  const stream = parsed.streams[0]
  const fps = ratio(stream.avg_frame_rate) ?? ratio(stream.r_frame_rate)
  if (fps === undefined || fps <= 0 || fps > 10_000)
    throw new SourceError(`${name}: ffprobe gives no usable frame rate`, { file: path })
  const durationS = finite(stream.duration) ?? finite(parsed.format?.duration) ?? null
  const counted = finite(stream.nb_frames)
  const frameCount =
    counted !== undefined && counted > 0
      ? counted
      : durationS !== null
        ? Math.round(durationS * fps)
        : null
  return {
    width: stream.width,
    height: stream.height,
    fps,
    frameCount,
    durationS,
    codec: stream.codec_name ?? '?',
  }
}

function ratio(text: string | undefined): number | undefined {
  if (!text) return undefined
  const [a, b] = text.split('/').map(Number)
  return b > 0 ? a / b : undefined
}

function finite(text: string | undefined): number | undefined {
  const n = Number(text)
  return text !== undefined && Number.isFinite(n) ? n : undefined
}
