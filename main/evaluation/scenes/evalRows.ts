/**
 * Rows and summaries of the scene evaluation: each ground-truth object with what each method measured, and
 * the error statistics per method. Pure: boxes in, plain numbers out (metres, camera frame).
 */
import type {
  MeasuredBoxResult,
  MethodSummary,
  SceneEvalDataset,
  SceneEvalObject,
} from '../../contract/sceneEvalSchema'
import { compareBox, errorStats, footprintOf, type MeasuredBox, type TruthBox } from './metrics'

/** Our object as the evaluation reads it: the visible box, and the amodal one when the engine made it. */
export interface OurBox extends MeasuredBox {
  amodal?: MeasuredBox & { method: string }
}

/** A measured box with its errors against the truth. */
export function boxResult(measured: MeasuredBox, truth: TruthBox): MeasuredBoxResult {
  return {
    centerInCamera: [...measured.centerInCamera],
    footprintM: footprintOf(measured.sizeM),
    heightM: measured.sizeM.height,
    ...compareBox(measured, truth),
  }
}

/** One ground-truth object's row; an absent box means that method lost the object. */
export function objectRow(
  frame: string,
  name: string,
  truth: TruthBox,
  ours: OurBox | undefined,
  open3d: MeasuredBox | undefined,
): SceneEvalObject {
  return {
    frame,
    name,
    truth: {
      centerInCamera: [...truth.centerInCamera],
      footprintM: [...truth.footprintM],
      heightM: truth.heightM,
    },
    ours: ours ? boxResult(ours, truth) : null,
    oursAmodal: ours?.amodal ? boxResult(ours.amodal, truth) : null,
    amodalMethod: ours?.amodal?.method ?? null,
    open3d: open3d ? boxResult(open3d, truth) : null,
  }
}

/** Error statistics of one method over the rows; `pick` gives its result per row (null = lost). */
export function summarizeMethod(
  rows: SceneEvalObject[],
  pick: (row: SceneEvalObject) => MeasuredBoxResult | null,
): MethodSummary {
  const results = rows.map(pick).filter((r): r is MeasuredBoxResult => r !== null)
  return {
    found: results.length,
    total: rows.length,
    centreErrorM: errorStats(results.map((r) => r.centreErrorM)),
    sizeErrorM: errorStats(results.map((r) => r.sizeErrorM)),
    heightErrorM: errorStats(results.map((r) => Math.abs(r.heightErrorM))),
    heightErrorRel: errorStats(results.map((r) => r.heightErrorRel)),
  }
}

/**
 * The dataset summary: ours (visible), ours with the amodal box where there is one (null when no object has
 * one, so "with amodal" is never a copy of "visible" in disguise), and Open3D (null when it was not run).
 */
export function summarizeDataset(
  rows: SceneEvalObject[],
  hasOpen3d: boolean,
): SceneEvalDataset['summary'] {
  const amodalCount = rows.filter((r) => r.oursAmodal !== null).length
  return {
    ours: summarizeMethod(rows, (r) => r.ours),
    oursWithAmodal: amodalCount > 0 ? summarizeMethod(rows, (r) => r.oursAmodal ?? r.ours) : null,
    amodalCount,
    open3d: hasOpen3d ? summarizeMethod(rows, (r) => r.open3d) : null,
  }
}
