import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_ENSEMBLE_PATH, loadEnsembleFile } from '../../main/ensemble/ensembleFile'

describe('the saved SpatialEnsemble', () => {
  it('ships with the app: a version-1 file with the language prior and k-fold weights for both voters', () => {
    const file = loadEnsembleFile(DEFAULT_ENSEMBLE_PATH())
    expect(file.weights.method).toBe('kfold')
    expect(Object.keys(file.weights.byMeta).sort()).toEqual(['geometry', 'language-prior'])
    // Fitted on the zero-shot split's train + dev captions (3,489 + 340, its PROVENANCE.md).
    expect(file.languagePrior.overall.total).toBe(3829)
    expect(file.createdBy).toMatch(/^(npx )?spatial-lens eval vsr --split zeroshot/)
  })

  it('refuses a missing, corrupt or foreign file with the command that makes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ensemble-'))
    try {
      expect(() => loadEnsembleFile(join(dir, 'none.json'))).toThrow(
        /weights are missing .* eval vsr/,
      )
      writeFileSync(join(dir, 'bad.json'), '{"format":')
      expect(() => loadEnsembleFile(join(dir, 'bad.json'))).toThrow(/is not JSON/)
      writeFileSync(
        join(dir, 'v2.json'),
        JSON.stringify({ format: 'spatial-lens-ensemble', version: 2 }),
      )
      expect(() => loadEnsembleFile(join(dir, 'v2.json'))).toThrow(
        /not a version-1 ensemble \(version/,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
