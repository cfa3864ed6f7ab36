import type { SceneObject } from '../../engine/types'
import type { OurBox } from './evalRows'

/** A scene object as the evaluation reads it: its visible box and, when the engine made one, its amodal box. */
export function ourBox(object: SceneObject): OurBox {
  const { amodal } = object
  return {
    centerInCamera: object.centerInCamera,
    sizeM: object.sizeM,
    amodal: amodal
      ? { centerInCamera: amodal.centerInCamera, sizeM: amodal.sizeM, method: amodal.method }
      : undefined,
  }
}
