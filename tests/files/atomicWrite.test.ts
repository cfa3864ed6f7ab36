import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  nodeAtomicFileSystem,
  writeFileAtomic,
  type AtomicWriteFileSystem,
} from '../../main/files/atomicWrite'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'spatial-lens-atomic-'))
})
afterEach(() => rm(directory, { recursive: true, force: true }))

describe('writeFileAtomic', () => {
  it('creates and replaces text and bytes, leaving no temporary file', async () => {
    const path = join(directory, 'out.bin')
    await writeFileAtomic(path, 'first')
    expect(await readFile(path, 'utf8')).toBe('first')
    await writeFileAtomic(path, new Uint8Array([0, 1, 2, 255]))
    expect([...(await readFile(path))]).toEqual([0, 1, 2, 255])
    expect(await readdir(directory)).toEqual(['out.bin'])
  })

  it('a failure before the rename (a crash) leaves the old file intact and removes the temporary file', async () => {
    const path = join(directory, 'log.jsonl')
    await writeFile(path, 'precious\n')
    const crashing: AtomicWriteFileSystem = {
      ...nodeAtomicFileSystem,
      rename: async () => {
        throw Object.assign(new Error('EIO: simulated crash before rename'), { code: 'EIO' })
      },
    }
    await expect(writeFileAtomic(path, 'replacement', crashing)).rejects.toThrow(/simulated crash/)
    expect(await readFile(path, 'utf8')).toBe('precious\n')
    expect(await readdir(directory)).toEqual(['log.jsonl'])
  })

  it('concurrent writes to one path each land whole (the last one wins)', async () => {
    const path = join(directory, 'race.txt')
    const texts = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(10_000))
    await Promise.all(texts.map((text) => writeFileAtomic(path, text)))
    expect(texts).toContain(await readFile(path, 'utf8'))
    expect(await readdir(directory)).toEqual(['race.txt'])
  })

  it('fails with the reason when the folder is missing', async () => {
    await expect(writeFileAtomic(join(directory, 'nope', 'x'), 'x')).rejects.toThrow(/ENOENT/)
  })
})
