import { describe, expect, it } from 'vitest'
import { sceneEvalReportSchema, type SceneEvalReport } from '../../../main/contract/sceneEvalSchema'
import { objectRow, summarizeDataset } from '../../../main/evaluation/scenes/evalRows'
import { formatSceneEval, NO_AMODAL } from '../../../main/evaluation/scenes/formatSceneEval'
import type { TruthBox } from '../../../main/evaluation/scenes/metrics'

const truth: TruthBox = { centerInCamera: [0, 0, 2], footprintM: [0.5, 0.4], heightM: 1 }
const visible = {
  centerInCamera: [0, 0, 2.1] as [number, number, number],
  sizeM: { width: 0.5, depth: 0.2, height: 0.9 },
}

function report(withAmodal: boolean): SceneEvalReport {
  const amodal = withAmodal
    ? {
        centerInCamera: [0, 0, 2] as [number, number, number],
        sizeM: { width: 0.5, depth: 0.4, height: 1 },
        method: 'box faces',
      }
    : undefined
  const rows = [objectRow('000001', 'bed', truth, { ...visible, amodal }, visible)]
  return sceneEvalReportSchema.parse({
    evaluation: 'scenes',
    open3d: {
      isAvailable: true,
      version: '0.16.1',
      python: '/usr/bin/python3',
      note: null,
      method: 'plane + DBSCAN',
    },
    datasets: [
      {
        id: 'sunrgbd',
        title: 'SUN',
        groundTruth: 'boxes',
        isReal: true,
        frames: ['000001'],
        objects: rows,
        summary: summarizeDataset(rows, true),
        warnings: [],
      },
    ],
  })
}

/** Every Markdown table row of the text has the same number of cells as its header. */
function expectWellFormedTables(text: string): void {
  const tables = text
    .split(/\n(?!\|)/)
    .map((block) => block.split('\n').filter((l) => l.startsWith('|')))
  for (const rows of tables.filter((t) => t.length > 0)) {
    const cells = rows.map((r) => r.split('|').length)
    expect(new Set(cells).size, rows.join('\n')).toBe(1)
  }
}

describe('formatSceneEval', () => {
  it('says "n/a (no amodal estimate)" when no object has an amodal box', () => {
    const text = formatSceneEval(report(false))
    expect(text).toContain(`| ours, amodal box | ${NO_AMODAL} |`)
    // 10 cm centre error, sides 0.5/0.2 vs 0.5/0.4 and height 0.9 vs 1: mean abs. size error (0 + 20 + 10) / 3 cm.
    expect(text).toContain(
      '| ours, visible box | 1/1 | 10.0 / 10.0 / 10.0 cm | 10.0 cm | 10.0 cm (10.0 %) |',
    )
    expectWellFormedTables(text)
  })

  it('prints the amodal numbers when there are some', () => {
    const text = formatSceneEval(report(true))
    expect(text).toContain(
      '| ours, amodal box (1 of 1; visible box for the rest) | 1/1 | 0.0 / 0.0 / 0.0 cm | 0.0 cm | 0.0 cm (0.0 %) |',
    )
    expect(text).toContain('| 50.0 × 40.0 × 100.0 (centre 0.0) |')
    expectWellFormedTables(text)
  })
})
