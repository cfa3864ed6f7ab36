/** A rectangle in client pixels (a DOMRect's fields). */
export interface ClientRect {
  left: number
  top: number
  width: number
  height: number
}

/** Normalised device coordinates (x right, y up, both -1…1 across the rect) of a client pixel. */
export function ndcFromClient(
  rect: ClientRect,
  clientX: number,
  clientY: number,
): [number, number] {
  return [
    ((clientX - rect.left) / rect.width) * 2 - 1,
    -((clientY - rect.top) / rect.height) * 2 + 1,
  ]
}

/** The client pixel at normalised device coordinates (the inverse of `ndcFromClient`). */
export function clientFromNdc(
  rect: ClientRect,
  ndcX: number,
  ndcY: number,
): { x: number; y: number } {
  return {
    x: rect.left + ((ndcX + 1) / 2) * rect.width,
    y: rect.top + ((1 - ndcY) / 2) * rect.height,
  }
}
