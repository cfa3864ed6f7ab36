/** Reads the VSR fixture splits (tests/fixtures/vsr, Apache-2.0, see its PROVENANCE.md). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const VSR_DIR = join(import.meta.dirname, '../../fixtures/vsr')

export interface VsrLine {
  image: string
  caption: string
  label: 0 | 1
  relation: string
  subj?: string
  obj?: string
}

export function readVsrSplit(
  split: 'random' | 'zeroshot',
  part: 'train' | 'dev' | 'test',
): VsrLine[] {
  return readFileSync(join(VSR_DIR, 'splits', split, `${part}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as VsrLine)
}
