import type { DepthImage, Frame, Intrinsics, RgbImage } from '../engine/types'
import { type PcdCloud, parsePcd } from './pcdParse'
import { readSourceFile } from './readSourceFile'
import { SourceError } from './SourceError'

/** Grey for clouds without colour: mid-grey keeps shading and overlays readable in the viewer. */
const NO_COLOR_GREY = 128

/**
 * Turns an organized point cloud into a Frame: depth = z per pixel, colour from the packed colours, and the
 * pinhole intrinsics recovered from the points themselves (PCD files do not store them).
 * @param cloud an organized cloud (height > 1), row-major; not modified, not retained.
 * @param name file name for messages and provenance.
 * @returns a Frame with depthSource 'pointcloud' and depth in metres (0 where the point is NaN or z ≤ 0).
 * @throws SourceError for an unorganized cloud, a cloud with no finite point, or points that fit no pinhole.
 */
export function pcdToFrame(cloud: PcdCloud, name: string, cameraId = 'pcd'): Frame {
  if (cloud.height <= 1) {
    throw new SourceError(
      `${name} is an unorganized point cloud (HEIGHT 1, ${cloud.width} points); a frame needs an organized cloud ` +
        '(WIDTH × HEIGHT = image size), as saved by an RGB-D camera driver',
      { file: name },
    )
  }
  const pixelCount = cloud.width * cloud.height
  const points = cloud.pointsInCamera
  const depthData = new Float32Array(pixelCount)
  let validCount = 0
  for (let i = 0; i < pixelCount; i++) {
    const z = points[i * 3 + 2]
    // NaN fails z > 0, so invalid points become 0, the engine's "no depth" value.
    if (z > 0 && Number.isFinite(z)) {
      depthData[i] = z
      validCount++
    }
  }
  if (validCount === 0) {
    const problem =
      'has no finite points (every point is NaN or behind the camera); nothing to measure'
    throw new SourceError(`${name} ${problem}`, { file: name })
  }
  const intrinsics = fitPinholeIntrinsics(cloud, name)
  const depth: DepthImage = { width: cloud.width, height: cloud.height, data: depthData }
  return {
    cameraId,
    timestampNs: 0n,
    rgb: colorImage(cloud),
    depth,
    intrinsics,
    depthSource: 'pointcloud',
    sourceDescription: `organized point cloud ${name} (intrinsics fitted to its points)`,
  }
}

/** Reads and parses a PCD file and converts it with {@link pcdToFrame}. */
export async function loadPcdFrame(path: string, cameraId?: string): Promise<Frame> {
  const bytes = await readSourceFile(path)
  return pcdToFrame(parsePcd(bytes, path), path, cameraId)
}

/**
 * Recovers fx, cx (and fy, cy) by least squares: u = fx·x/z + cx over every finite point, u its column;
 * v = fy·y/z + cy with v its row. Organized clouds from a pinhole camera fit this exactly (up to float rounding).
 * Sums are centred (two passes) so millions of points do not lose precision.
 * @returns intrinsics in pixels for the cloud's width × height.
 */
export function fitPinholeIntrinsics(cloud: PcdCloud, name: string): Intrinsics {
  const { width, height, pointsInCamera: points } = cloud
  const u = new LineFit()
  const v = new LineFit()
  for (let pass = 0; pass < 2; pass++) {
    for (let row = 0, i = 0; row < height; row++) {
      for (let col = 0; col < width; col++, i++) {
        const z = points[i * 3 + 2]
        if (!(z > 0) || !Number.isFinite(z)) continue // NaN x/y come with NaN z (see parsePcd)
        const a = points[i * 3] / z
        const b = points[i * 3 + 1] / z
        if (pass === 0) {
          u.addMean(a, col)
          v.addMean(b, row)
        } else {
          u.addCentred(a, col)
          v.addCentred(b, row)
        }
      }
    }
    if (pass === 0) {
      u.finishMean()
      v.finishMean()
    }
  }
  const [fx, cx] = u.solve()
  const [fy, cy] = v.solve()
  if (!(fx > 0) || !(fy > 0) || !Number.isFinite(cx) || !Number.isFinite(cy)) {
    throw new SourceError(
      `${name}: cannot recover camera intrinsics from the points (they span too few rows or columns, or are not ` +
        'a pinhole projection); give the intrinsics with a colour + depth image instead',
      { file: name },
    )
  }
  return { width, height, fx, fy, cx, cy }
}

/** Least-squares line pixel = slope · ratio + intercept, accumulated in two passes. */
class LineFit {
  private n = 0
  private sumRatio = 0
  private sumPixel = 0
  private meanRatio = 0
  private meanPixel = 0
  private sxx = 0
  private sxy = 0

  addMean(ratio: number, pixel: number): void {
    this.n++
    this.sumRatio += ratio
    this.sumPixel += pixel
  }

  finishMean(): void {
    this.meanRatio = this.sumRatio / this.n
    this.meanPixel = this.sumPixel / this.n
  }

  addCentred(ratio: number, pixel: number): void {
    const dx = ratio - this.meanRatio
    this.sxx += dx * dx
    this.sxy += dx * (pixel - this.meanPixel)
  }

  /** [slope, intercept]; NaN when the ratios do not vary (a single row or column of points). */
  solve(): [number, number] {
    if (this.n < 2 || !(this.sxx > 0)) return [NaN, NaN]
    const slope = this.sxy / this.sxx
    return [slope, this.meanPixel - slope * this.meanRatio]
  }
}

function colorImage(cloud: PcdCloud): RgbImage {
  const data =
    cloud.colors === null
      ? new Uint8Array(cloud.width * cloud.height * 3).fill(NO_COLOR_GREY)
      : cloud.colors.slice()
  return { width: cloud.width, height: cloud.height, data }
}
