import { captureFrame, type CapturedFrame } from './captureFrame'

/** A camera the browser lists (labels appear once the user allowed the camera). */
export interface CameraDevice {
  deviceId: string
  label: string
}

/** The camera that opened: its id and label (for the picker and the frames' camera id). */
export interface OpenedCamera extends CameraDevice {
  widthPx: number
  heightPx: number
}

/** Analyses one frame; the session waits for it before it captures the next. Must not throw. */
export type FrameHandler = (frame: CapturedFrame) => Promise<void>

/** start() was overtaken by stop() (or another start) while the browser was opening the camera. */
export class CameraStoppedError extends Error {
  constructor() {
    super('the webcam was stopped before it opened')
    this.name = 'CameraStoppedError'
  }
}

/** Longest wait for a new video frame before capturing anyway (a paused or hidden video). */
const FRAME_WAIT_MS = 250

/**
 * The webcam, outside React: the MediaStream, a <video> element the view mounts, a canvas to encode
 * frames, and the capture loop. One frame is analysed at a time: frames that arrive meanwhile are
 * dropped, never queued, so answers follow the camera and the service is never flooded.
 */
export class LiveSession {
  readonly video: HTMLVideoElement
  private readonly canvas = document.createElement('canvas')
  private stream: MediaStream | null = null
  /** Bumped by stop(): a loop of an older generation ends at its next step. */
  private generation = 0

  constructor() {
    this.video = document.createElement('video')
    this.video.className = 'live-video'
    this.video.muted = true
    this.video.playsInline = true
    this.video.autoplay = true
  }

  /**
   * Opens a camera (the given one, else the browser's default) and starts capturing frames into
   * `onFrame`. Rejects with the browser's DOMException (see cameraErrors.ts) when it cannot.
   */
  async start(deviceId: string | null, onFrame: FrameHandler): Promise<OpenedCamera> {
    this.stop()
    const generation = this.generation
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: deviceId
        ? { deviceId: { exact: deviceId } }
        : { width: { ideal: 640 }, height: { ideal: 480 } },
    })
    if (generation !== this.generation) {
      // Stopped while the permission prompt was open.
      stopTracks(stream)
      throw new CameraStoppedError()
    }
    this.stream = stream
    this.video.srcObject = stream
    await this.video.play().catch(() => undefined) // autoplay of a muted video is allowed
    void this.loop(generation, onFrame)
    const track = stream.getVideoTracks()[0]
    const settings = track?.getSettings() ?? {}
    return {
      deviceId: settings.deviceId ?? deviceId ?? '',
      label: track?.label || 'Webcam',
      widthPx: settings.width ?? this.video.videoWidth,
      heightPx: settings.height ?? this.video.videoHeight,
    }
  }

  /** Releases the camera (its light goes off) and ends the capture loop. Safe to call twice. */
  stop(): void {
    this.generation++
    if (this.stream) stopTracks(this.stream)
    this.stream = null
    this.video.srcObject = null
  }

  get isRunning(): boolean {
    return this.stream !== null
  }

  private async loop(generation: number, onFrame: FrameHandler): Promise<void> {
    while (generation === this.generation) {
      await this.nextVideoFrame()
      if (generation !== this.generation) return
      let frame: CapturedFrame | null = null
      try {
        frame = await captureFrame(this.video, this.canvas)
      } catch {
        frame = null // the video went away between frames (stopped, device unplugged)
      }
      if (generation !== this.generation) return
      if (frame) await onFrame(frame)
    }
  }

  /** Resolves on the video's next frame, or after FRAME_WAIT_MS when none comes. */
  private nextVideoFrame(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, FRAME_WAIT_MS)
      if ('requestVideoFrameCallback' in this.video)
        this.video.requestVideoFrameCallback(() => {
          clearTimeout(timer)
          resolve()
        })
    })
  }
}

/** The cameras the browser lists (video inputs only). */
export async function listCameras(): Promise<CameraDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return []
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices
    .filter((device) => device.kind === 'videoinput')
    .map((device, index) => ({
      deviceId: device.deviceId,
      label: device.label || `Camera ${index + 1}`,
    }))
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop()
}
