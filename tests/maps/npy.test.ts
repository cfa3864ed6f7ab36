import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { float32Npy } from '../../main/maps/npy'

describe('float32Npy', () => {
  it('writes a file NumPy reads back with the same shape and values (NaN kept)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npy-'))
    try {
      const path = join(dir, 'a.npy')
      writeFileSync(
        path,
        float32Npy(Float32Array.from([1.5, -2, Number.NaN, 0.25, 3, 4]), [1, 2, 3]),
      )
      const py = spawnSync(
        'python3',
        [
          '-c',
          'import sys, numpy as np; a = np.load(sys.argv[1]); print(a.dtype, a.shape, [None if x != x else float(x) for x in a.ravel()])',
          path,
        ],
        { encoding: 'utf8' },
      )
      expect(py.stderr).toBe('')
      expect(py.stdout.trim()).toBe('float32 (1, 2, 3) [1.5, -2.0, None, 0.25, 3.0, 4.0]')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('pads the header to 64 bytes and refuses a wrong shape', () => {
    const bytes = float32Npy(new Float32Array(2), [2])
    expect((10 + (bytes[8] | (bytes[9] << 8))) % 64).toBe(0)
    expect(() => float32Npy(new Float32Array(5), [2, 3])).toThrow(/holds 6 values, got 5/)
  })
})
