import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode } from 'fast-png'
import { ROOT, runCli } from '../helpers/runCli'
import { mapsManifestSchema } from '../../main/contract/mapsSchema'

const TUM = join(ROOT, 'tests/fixtures/tum-open3d')

describe('spatial-lens maps', () => {
  it('writes depth (mm), world coordinates (.npy), edges, labels, masks and maps.json for a TUM RGB-D frame', () => {
    const out = mkdtempSync(join(tmpdir(), 'maps-'))
    try {
      const run = runCli([
        'maps',
        '--rgb',
        join(TUM, 'TUM_color.png'),
        '--depth',
        join(TUM, 'TUM_depth.png'),
        '--intrinsics',
        join(TUM, 'intrinsics.json'),
        '--out',
        out,
        '--json',
      ])
      expect(run.status, run.stderr).toBe(0)
      // maps.json and --json are the contract's manifest, and the same.
      const manifest = mapsManifestSchema.parse(
        JSON.parse(readFileSync(join(out, 'maps.json'), 'utf8')),
      )
      expect(mapsManifestSchema.parse(JSON.parse(run.stdout))).toEqual(manifest)
      expect(manifest.files.map((f) => f.kind).slice(0, 4)).toEqual([
        'depth',
        'coordinates',
        'edges',
        'labels',
      ])
      for (const f of manifest.files) expect(existsSync(join(out, f.path)), f.path).toBe(true)

      // Depth: the TUM PNG holds metres × 5000, ours millimetres: ours = round(raw / 5) wherever raw > 0.
      const raw = decode(readFileSync(join(TUM, 'TUM_depth.png')))
      const mm = decode(readFileSync(join(out, 'depth_mm.png')))
      expect([mm.width, mm.height, mm.depth, mm.channels]).toEqual([640, 480, 16, 1])
      let checked = 0
      for (let i = 0; i < raw.data.length; i += 997) {
        expect(mm.data[i]).toBe(raw.data[i] > 0 ? Math.round(raw.data[i] / 5) : 0)
        checked += raw.data[i] > 0 ? 1 : 0
      }
      expect(checked).toBeGreaterThan(100)

      // Coordinates: a rigid transform of the pinhole back-projection, so distances between pixels' points
      // equal the camera-frame distances computed here by hand (fx = fy = 525, cx 319.5, cy 239.5).
      const cam = (u: number, v: number) => {
        const z = raw.data[v * 640 + u] / 5000
        return [((u - 319.5) / 525) * z, ((v - 239.5) / 525) * z, z]
      }
      const [a, b] = [
        [200, 300],
        [450, 120],
      ] as const
      const expected = Math.hypot(...cam(...a).map((x, i) => x - cam(...b)[i]))
      const py = spawnSync(
        'python3',
        [
          '-c',
          `import sys, numpy as np; c = np.load(sys.argv[1]); print(c.shape, float(np.linalg.norm(c[${a[1]}, ${a[0]}] - c[${b[1]}, ${b[0]}])))`,
          join(out, 'coordinates_world.npy'),
        ],
        { encoding: 'utf8' },
      )
      expect(py.stderr).toBe('')
      const [shape, distance] = py.stdout.trim().split(') ')
      expect(shape).toBe('(480, 640, 3')
      expect(Number(distance)).toBeCloseTo(expected, 4)

      const edges = decode(readFileSync(join(out, 'edges.png')))
      expect([edges.width, edges.height, edges.depth]).toEqual([640, 480, 8])
      const edgeShare = Array.from(edges.data).filter((v) => v === 255).length / (640 * 480)
      expect(edgeShare).toBeGreaterThan(0.005) // a real room photo has edges …
      expect(edgeShare).toBeLessThan(0.3) // … but thin ones
      expect(Array.from(edges.data).every((v) => v === 0 || v === 255)).toBe(true)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('needs --out', () => {
    const run = runCli([
      'maps',
      '--rgb',
      join(TUM, 'TUM_color.png'),
      '--intrinsics',
      join(TUM, 'intrinsics.json'),
    ])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/maps needs --out DIR/)
  })
})
