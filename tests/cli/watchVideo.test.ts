/**
 * `spatial-lens watch --video`: a video made here by ffmpeg from the pcl-kinect colour frames. Colour-only frames
 * need a depth model; with none installed each frame fails with the install command and the run exits 1.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runWatchCommand } from '../../main/cli/watchCommand'

const RGBD = 'tests/fixtures/pcl-kinect/rgbd/'
const dir = mkdtempSync(join(tmpdir(), 'sl-watch-video-'))
const video = join(dir, 'three.mkv')
const saved = process.env.SPATIAL_LENS_MODELS

beforeAll(() => {
  readdirSync(RGBD)
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
    .forEach((n, i) => copyFileSync(join(RGBD, n), join(dir, `f${i}.png`)))
  const run = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-y', '-framerate', '10', '-i', join(dir, 'f%d.png')].concat([
      '-c:v',
      'ffv1',
      video,
    ]),
  )
  expect(run.status, String(run.stderr)).toBe(0)
  process.env.SPATIAL_LENS_MODELS = join(dir, 'models') // empty: no depth model
  mkdirSync(process.env.SPATIAL_LENS_MODELS)
})
afterAll(() => {
  if (saved === undefined) delete process.env.SPATIAL_LENS_MODELS
  else process.env.SPATIAL_LENS_MODELS = saved
  rmSync(dir, { recursive: true, force: true })
})

describe('spatial-lens watch --video', () => {
  it('reads every frame and, with no depth model, names the model to install and exits 1', async () => {
    const lines: string[] = []
    const stderr: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk))
      return true
    })
    const code = await runWatchCommand(
      [
        '--video',
        video,
        '--fov-deg',
        '60',
        '--detector',
        'none',
        'distance between the mug and the laptop',
      ],
      (l) => lines.push(l),
    )
    spy.mockRestore()
    expect(code, lines.join('\n')).toBe(1)
    const errors = stderr
      .join('')
      .split('\n')
      .filter((l) => /^error: frame \d/.test(l))
    expect(errors, lines.join('\n')).toHaveLength(3)
    expect(errors[0]).toMatch(
      /no metric depth model is installed: run `npx spatial-lens models download/,
    )
    expect(lines.at(-1)).toMatch(/^0 frames .* failed 3, no latency/)
  })

  it('wants exactly one way to get intrinsics, and a readable video', async () => {
    const print = () => {}
    await expect(
      runWatchCommand(['--video', video, 'distance between a and b'], print),
    ).rejects.toThrow(/exactly one of --intrinsics K\.json or --fov-deg/)
    await expect(
      runWatchCommand(
        ['--video', join(dir, 'f0.png.none'), '--fov-deg', '60', 'distance between a and b'],
        print,
      ),
    ).rejects.toThrow(/not a video ffprobe can read/)
  })
})
