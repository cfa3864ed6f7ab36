/** One camera frame, encoded: the bytes the service decodes, and the size they decode to. */
export interface CapturedFrame {
  bytes: Uint8Array<ArrayBuffer>
  widthPx: number
  heightPx: number
}

/** JPEG keeps a 640×480 frame near 50 kB (a PNG is ten times that) at no visible cost to detection. */
const FRAME_TYPE = 'image/jpeg'
const FRAME_QUALITY = 0.85

/**
 * Draws the video's current frame on `canvas` and encodes it (the browser encodes off the main
 * thread). Returns null while the video has no frame yet.
 */
export async function captureFrame(
  video: HTMLVideoElement,
  canvas: HTMLCanvasElement,
): Promise<CapturedFrame | null> {
  const widthPx = video.videoWidth
  const heightPx = video.videoHeight
  if (widthPx === 0 || heightPx === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
    return null
  if (canvas.width !== widthPx) canvas.width = widthPx
  if (canvas.height !== heightPx) canvas.height = heightPx
  const context = canvas.getContext('2d')
  if (!context) throw new Error('the browser could not give a 2D canvas to capture camera frames')
  context.drawImage(video, 0, 0, widthPx, heightPx)
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, FRAME_TYPE, FRAME_QUALITY),
  )
  if (!blob) throw new Error('the browser could not encode a camera frame')
  return { bytes: new Uint8Array(await blob.arrayBuffer()), widthPx, heightPx }
}
