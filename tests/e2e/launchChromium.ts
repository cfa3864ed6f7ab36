import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Flags that keep headless Debian Chromium quiet and offline; WebGL runs on SwiftShader. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface FakeCameraOptions {
  /** A Y4M or MJPEG file the camera films (looped); default: Chromium's generated test pattern. */
  videoFile?: string
  /** How many cameras the browser lists (test patterns; default 1). */
  cameraCount?: number
}

/** Chromium's fake camera, with its permission prompt accepted automatically. */
export function fakeCameraArgs(options: FakeCameraOptions = {}): string[] {
  const device = options.cameraCount ? `=device-count=${options.cameraCount}` : ''
  return [
    '--use-fake-ui-for-media-stream',
    `--use-fake-device-for-media-stream${device}`,
    ...(options.videoFile ? [`--use-file-for-fake-video-capture=${options.videoFile}`] : []),
  ]
}

export interface LaunchOptions {
  /** Flags added to the defaults (e.g. {@link fakeCameraArgs}). */
  extraArgs?: string[]
}

/** Launches the system Chromium headless (playwright gives it a fresh temporary profile). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: the end-to-end tests drive the real UI in Chromium. Install it with \`apt-get install chromium\`.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  })
}
