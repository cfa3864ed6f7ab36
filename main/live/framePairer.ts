/**
 * Pairs colour and depth images by header stamp within a tolerance and attaches the latest intrinsics. Buffers are
 * bounded (a few images per stream), so a stalled stream can never grow memory. Colour-only streams (no depth topic)
 * give frames as soon as intrinsics are known.
 */

import type { DepthImage, Frame, Intrinsics, RgbImage } from '../engine/types'

interface Stamped<T> {
  stampNs: bigint
  value: T
}

export interface PairerOptions {
  cameraId: string
  /** Largest |colour stamp − depth stamp| still paired, nanoseconds (default 20 ms, under one frame at 30 Hz). */
  toleranceNs: bigint
  /** Whether a depth stream is expected; false emits colour-only frames. */
  hasDepth: boolean
  /** Images kept per stream while waiting for a partner. */
  bufferSize: number
  sourceDescription: string
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v
}

export class FramePairer {
  private colors: Stamped<RgbImage>[] = []
  private depths: Stamped<DepthImage>[] = []
  private intrinsics: Intrinsics | null = null
  /** Images dropped unpaired (too old, or pushed out of a full buffer). */
  unpaired = 0

  constructor(private readonly options: PairerOptions) {}

  setIntrinsics(k: Intrinsics): void {
    this.intrinsics = k
  }

  hasIntrinsics(): boolean {
    return this.intrinsics !== null
  }

  /** Adds a colour image; returns a frame when it completes one. */
  addColor(stampNs: bigint, rgb: RgbImage): Frame | null {
    if (!this.options.hasDepth) return this.frame(stampNs, rgb, undefined)
    return this.add(this.colors, { stampNs, value: rgb })
  }

  /** Adds a depth image (metres); returns a frame when it completes one. */
  addDepth(stampNs: bigint, depth: DepthImage): Frame | null {
    return this.add(this.depths, { stampNs, value: depth })
  }

  private add<T>(own: Stamped<T>[], item: Stamped<T>): Frame | null {
    own.push(item)
    if (own.length > this.options.bufferSize) {
      own.shift()
      this.unpaired++
    }
    return this.tryPair()
  }

  /** Finds the closest colour/depth pair within tolerance; drops everything older than it. */
  private tryPair(): Frame | null {
    let best: { ci: number; di: number; gap: bigint } | null = null
    this.colors.forEach((c, ci) =>
      this.depths.forEach((d, di) => {
        const gap = abs(c.stampNs - d.stampNs)
        if (gap <= this.options.toleranceNs && (best === null || gap < best.gap))
          best = { ci, di, gap }
      }),
    )
    if (best === null) return null
    const { ci, di } = best
    const color = this.colors[ci]
    const depth = this.depths[di]
    this.unpaired += ci + di
    this.colors = this.colors.slice(ci + 1)
    this.depths = this.depths.slice(di + 1)
    return this.frame(color.stampNs, color.value, depth.value)
  }

  private frame(stampNs: bigint, rgb: RgbImage, depth: DepthImage | undefined): Frame | null {
    const k = this.intrinsics
    if (k === null) {
      this.unpaired++
      return null
    }
    const scaled =
      k.width === rgb.width && k.height === rgb.height
        ? k
        : scaleIntrinsics(k, rgb.width, rgb.height)
    return {
      cameraId: this.options.cameraId,
      timestampNs: stampNs,
      rgb,
      depth,
      intrinsics: scaled,
      depthSource: depth ? 'sensor' : 'monocular',
      sourceDescription: this.options.sourceDescription,
    }
  }
}

/** Intrinsics of a resized image (CameraInfo for a different resolution than the image stream). */
export function scaleIntrinsics(k: Intrinsics, width: number, height: number): Intrinsics {
  const sx = width / k.width
  const sy = height / k.height
  return {
    width,
    height,
    fx: k.fx * sx,
    fy: k.fy * sy,
    cx: (k.cx + 0.5) * sx - 0.5,
    cy: (k.cy + 0.5) * sy - 0.5,
  }
}
