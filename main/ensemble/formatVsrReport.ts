/** Plain-text tables of `spatial-lens eval vsr`: our voters and ensembles beside the published numbers. */

import { META_CATEGORIES, type MetaCategory } from '../engine/ensemble/vsrRelations'
import type { VsrEvalReport } from '../contract/vsrEvalSchema'

const SHORT: Record<MetaCategory, string> = {
  Adjacency: 'Adj',
  Directional: 'Dir',
  Orientation: 'Ori',
  Projective: 'Proj',
  Proximity: 'Prox',
  Topological: 'Topo',
  Unallocated: 'Unal',
}

const pct = (v: number | null | undefined): string =>
  v === undefined || v === null || Number.isNaN(v) ? '—' : (v * 100).toFixed(1)
const cell = (text: string, width = 6): string => text.padStart(width)

type Cell = { accuracy: number | null } | number

function row(
  name: string,
  score: {
    accuracy?: number | null
    f1?: number | null
    count?: number
    coverage?: number | null
    byMeta?: Partial<Record<MetaCategory, Cell>>
  },
): string {
  const meta = META_CATEGORIES.map((m) => {
    const v = score.byMeta?.[m]
    return cell(pct(typeof v === 'number' ? v : v?.accuracy))
  }).join('')
  const n = score.count === undefined ? '' : `  n=${score.count}`
  const coverage =
    score.coverage === undefined || score.coverage === 1 ? '' : `  answers ${pct(score.coverage)} %`
  return `${name.padEnd(37)}${cell(pct(score.accuracy))}${cell(pct(score.f1))}${meta}${n}${coverage}`
}

const HEADER = `${''.padEnd(37)}${cell('acc')}${cell('F1')}${META_CATEGORIES.map((m) => cell(SHORT[m])).join('')}`

export function formatVsrReport(report: VsrEvalReport): string {
  const lines: string[] = [
    `VSR ${report.split} split — accuracy and F1 in %, per meta-category accuracy`,
  ]
  for (const subset of report.subsets) {
    const c = subset.counts
    lines.push(
      '',
      `${subset.subset} (train ${c.train}, dev ${c.dev}, test ${c.test}; test lines with an image vote: ${c.testWithImages})`,
      HEADER,
    )
    for (const [id, score] of Object.entries(subset.voters)) lines.push(row(id, score))
    for (const e of subset.ensembles)
      lines.push(
        row(
          `SpatialEnsemble, ${e.method === 'static' ? 'static weights' : 'k-fold weights'}`,
          e.test,
        ),
      )
    lines.push(row('caption-flip baseline (leaks labels)', subset.captionFlip))
  }
  lines.push('', 'Published (test split of the paper; not the same images as ours)', HEADER)
  for (const p of report.paper) lines.push(row(p.name, p))
  lines.push(
    '',
    'Validation → test gap of the ensemble (accuracy points; validation = where its weights were measured)',
  )
  for (const subset of report.subsets) {
    for (const e of subset.ensembles) {
      lines.push(
        `  ${subset.subset}, ${e.method.padEnd(6)}: validation ${pct(e.validation.accuracy)} → test ${pct(e.test.accuracy)} (gap ${pct(e.gap)})`,
      )
    }
  }
  return lines.join('\n')
}
