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

/** Chromium's fake camera (no permission prompt, a generated test pattern or `videoFile`). */
export function fakeCameraArgs(videoFile?: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(videoFile ? [`--use-file-for-fake-video-capture=${videoFile}`] : []),
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
