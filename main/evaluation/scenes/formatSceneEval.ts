/** The scene evaluation as text: README-style Markdown tables (summary, per object, heights). Pure. */
import type {
  MeasuredBoxResult,
  MethodSummary,
  SceneEvalDataset,
  SceneEvalReport,
} from '../../contract/sceneEvalSchema'

export const NO_AMODAL = 'n/a (no amodal estimate)'

const cm = (metres: number) => `${(metres * 100).toFixed(1)}`
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`

/** "12.3 / 10.1 / 40.0 cm" or "–" when nothing was measured. */
function statsCm(stats: MethodSummary['centreErrorM']): string {
  return stats ? `${cm(stats.mean)} / ${cm(stats.median)} / ${cm(stats.max)} cm` : '–'
}

function summaryCells(summary: MethodSummary | null, missing: string): string[] {
  if (!summary) return [missing, '', '', '']
  return [
    `${summary.found}/${summary.total}`,
    statsCm(summary.centreErrorM),
    summary.sizeErrorM ? `${cm(summary.sizeErrorM.mean)} cm` : '–',
    summary.heightErrorM && summary.heightErrorRel
      ? `${cm(summary.heightErrorM.mean)} cm (${percent(summary.heightErrorRel.mean)})`
      : '–',
  ]
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`

function summaryTable(report: SceneEvalReport): string[] {
  const open3dMissing = report.open3d.isAvailable
    ? 'n/a (Open3D failed, see warnings)'
    : 'n/a (Open3D not run)'
  const lines = [
    row([
      'data',
      'method',
      'found',
      'centre error mean / median / max',
      'size error (mean abs. error of long, short, height)',
      'height error (mean, mean %)',
    ]),
    row(['---', '---', '---', '---', '---', '---']),
  ]
  for (const dataset of report.datasets) {
    const { summary } = dataset
    const amodalLabel = summary.oursWithAmodal
      ? `ours, amodal box (${summary.amodalCount} of ${summary.ours.found}; visible box for the rest)`
      : 'ours, amodal box'
    lines.push(row([dataset.title, 'ours, visible box', ...summaryCells(summary.ours, '')]))
    lines.push(row(['', amodalLabel, ...summaryCells(summary.oursWithAmodal, NO_AMODAL)]))
    lines.push(row(['', 'Open3D baseline', ...summaryCells(summary.open3d, open3dMissing)]))
  }
  return lines
}

/** "41 × 76 × 68 (Δ 12.0)": footprint long × short × height in cm, and the centre error in cm. */
function boxCell(result: MeasuredBoxResult | null, missing: string): string {
  if (!result) return missing
  return `${cm(result.footprintM[0])} × ${cm(result.footprintM[1])} × ${cm(result.heightM)} (centre ${cm(result.centreErrorM)})`
}

function objectTable(dataset: SceneEvalDataset, hasOpen3d: boolean): string[] {
  const lines = [
    row([
      'frame',
      'object',
      'truth long × short × height',
      'ours, visible',
      'ours, amodal',
      'Open3D',
    ]),
    row(['---', '---', '---', '---', '---', '---']),
  ]
  for (const object of dataset.objects) {
    const { truth } = object
    lines.push(
      row([
        object.frame,
        object.name,
        `${cm(truth.footprintM[0])} × ${cm(truth.footprintM[1])} × ${cm(truth.heightM)}`,
        boxCell(object.ours, 'lost'),
        object.ours ? boxCell(object.oursAmodal, NO_AMODAL) : 'lost',
        hasOpen3d ? boxCell(object.open3d, 'lost') : 'not run',
      ]),
    )
  }
  return lines
}

function heightsTable(report: SceneEvalReport): string[] {
  const lines = [
    row(['objects', 'count', 'ours, visible', 'ours, amodal where made', 'Open3D']),
    row(['---', '---', '---', '---', '---']),
  ]
  const groups: [string, SceneEvalDataset[]][] = [
    ['real (SUN RGB-D)', report.datasets.filter((d) => d.isReal)],
    ['synthetic (all resolutions)', report.datasets.filter((d) => !d.isReal)],
  ]
  for (const [name, datasets] of groups) {
    const objects = datasets.flatMap((d) => d.objects)
    if (objects.length === 0) continue
    const meanRel = (pick: (o: (typeof objects)[number]) => MeasuredBoxResult | null) => {
      const found = objects.map(pick).filter((r): r is MeasuredBoxResult => r !== null)
      if (found.length === 0) return null
      const signed =
        found.reduce((s, r) => s + r.heightErrorM / (r.heightM - r.heightErrorM), 0) / found.length
      const absolute = found.reduce((s, r) => s + r.heightErrorRel, 0) / found.length
      return `${percent(absolute)} mean abs. error, ${signed >= 0 ? '+' : ''}${percent(signed)} mean bias (${found.length} found)`
    }
    const hasAmodal = objects.some((o) => o.oursAmodal)
    const hasOpen3d = datasets.every((d) => d.summary.open3d !== null)
    lines.push(
      row([
        name,
        String(objects.length),
        meanRel((o) => o.ours) ?? '–',
        hasAmodal ? (meanRel((o) => o.oursAmodal ?? o.ours) ?? '–') : NO_AMODAL,
        hasOpen3d ? (meanRel((o) => o.open3d) ?? '–') : 'n/a (Open3D not run)',
      ]),
    )
  }
  return lines
}

/** The whole report as text for the terminal (Markdown tables, so it pastes into README). */
export function formatSceneEval(report: SceneEvalReport): string {
  const { open3d } = report
  const lines = [
    `Scene evaluation: ours vs Open3D ${open3d.isAvailable ? `${open3d.version} (${open3d.python})` : '(not run)'} on the same frames`,
    ...(open3d.note ? ['', open3d.note] : []),
    '',
    'Errors in cm. Centres: distance between box centres. Size: footprint sides compared longest to longest.',
    '',
    ...summaryTable(report),
    '',
    "Heights (true height vs each box's vertical extent):",
    '',
    ...heightsTable(report),
  ]
  for (const dataset of report.datasets) {
    lines.push(
      '',
      `${dataset.title}: ground truth ${dataset.groundTruth}. Sizes in cm, centre error in cm.`,
      '',
    )
    lines.push(...objectTable(dataset, dataset.summary.open3d !== null))
    for (const warning of dataset.warnings) lines.push(`warning: ${warning}`)
  }
  lines.push('', `Open3D baseline: ${open3d.method}.`)
  return lines.join('\n')
}
