/**
 * Open3D's baseline for the scene evaluation, run as a Python child process (bench/open3d_reference.py for
 * whole frames, bench/open3d_regions.py for region prompts). Its JSON reply is checked with zod.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { UserError } from '../../app/userError'
import type { MeasuredBox } from './metrics'

export const OPEN3D_INSTALL_HINT =
  'Open3D is not installed for any python3 here, so the Open3D columns are empty. Install it with\n' +
  '  sudo apt-get install python3-open3d   (Debian/Ubuntu; then it is /usr/bin/python3)\n' +
  '  or pip install open3d numpy, or point --python (or $PYTHON) at an interpreter that has it.'

/** A Python interpreter that imports open3d and numpy. */
export interface Open3dPython {
  python: string
  version: string
}

const finite = z.number().finite()
const boxSchema = z.object({
  centerInCamera: z.tuple([finite, finite, finite]),
  sizeM: z.object({ width: finite, depth: finite, height: finite }),
})
const frameReplySchema = z.object({ objects: z.array(boxSchema) })
const regionsReplySchema = z.object({
  objects: z.array(
    z.union([
      boxSchema.extend({ label: z.string() }),
      z.object({ label: z.string(), error: z.string() }),
    ]),
  ),
})

/**
 * The first interpreter (`explicit`, $PYTHON, python3, /usr/bin/python3, python) that imports open3d and numpy.
 * @returns null when none does (the caller prints {@link OPEN3D_INSTALL_HINT}).
 * @throws UserError when `explicit` is given and cannot import them (the user asked for that one).
 */
export function findOpen3dPython(
  explicit?: string,
  candidates: (string | undefined)[] = [
    process.env.PYTHON,
    'python3',
    '/usr/bin/python3',
    'python',
  ],
): Open3dPython | null {
  const tried = explicit ? [explicit] : candidates
  for (const python of [...new Set(tried.filter((c): c is string => Boolean(c)))]) {
    const probe = spawnSync(python, ['-c', 'import open3d, numpy; print(open3d.__version__)'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    if (probe.status === 0) return { python, version: probe.stdout.trim() }
  }
  if (explicit) throw new UserError(`--python ${explicit} cannot import open3d and numpy`)
  return null
}

function runScript(python: string, script: string, args: string[]): unknown {
  const run = spawnSync(python, [script, ...args], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.error) throw new Error(`${script}: ${run.error.message}`)
  if (run.status !== 0)
    throw new Error(run.stderr.trim().split('\n').pop() || `${script} exited with ${run.status}`)
  const line = run.stdout.trim().split('\n').pop() ?? ''
  try {
    return JSON.parse(line)
  } catch {
    throw new Error(`${script} printed no JSON line (got "${line.slice(0, 80)}")`)
  }
}

/** Pinhole intrinsics in pixels. */
export interface PixelIntrinsics {
  fx: number
  fy: number
  cx: number
  cy: number
}

/**
 * Open3D on a whole tabletop frame (open3d_reference.py: plane RANSAC, DBSCAN clusters, plane-aligned boxes),
 * one run, no timing repeats. Depth PNG in millimetres.
 */
export function open3dFrameBoxes(
  py: Open3dPython,
  benchDir: string,
  paths: { rgb: string; depth: string },
  k: PixelIntrinsics,
): MeasuredBox[] {
  const args = ['--rgb', paths.rgb, '--depth', paths.depth, '--repeat', '1', '--warmup', '0']
  args.push('--fx', String(k.fx), '--fy', String(k.fy), '--cx', String(k.cx), '--cy', String(k.cy))
  const reply = runScript(py.python, join(benchDir, 'open3d_reference.py'), args)
  return frameReplySchema.parse(reply).objects
}

/**
 * Open3D on region prompts (open3d_regions.py: floor plane, the box's pixels above it, the largest DBSCAN
 * cluster, a floor-aligned box).
 * @returns per region, its box or the reason Open3D found none.
 */
export function open3dRegionBoxes(
  py: Open3dPython,
  benchDir: string,
  paths: { depth: string; intrinsics: string },
  regions: { label: string; box: [number, number, number, number] }[],
): (MeasuredBox | { error: string })[] {
  const work = mkdtempSync(join(tmpdir(), 'spatial-lens-eval-'))
  try {
    const regionsPath = join(work, 'regions.json')
    writeFileSync(regionsPath, JSON.stringify(regions))
    const reply = runScript(py.python, join(benchDir, 'open3d_regions.py'), [
      '--depth',
      paths.depth,
      '--intrinsics',
      paths.intrinsics,
      '--regions',
      regionsPath,
    ])
    const objects = regionsReplySchema.parse(reply).objects
    if (objects.length !== regions.length)
      throw new Error(`open3d_regions.py answered ${objects.length} regions for ${regions.length}`)
    return objects
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
