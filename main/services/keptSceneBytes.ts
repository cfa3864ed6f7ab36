/**
 * Bytes an object holds in typed arrays (depth, images, object point lists and masks), found by
 * walking it: what a kept scene costs in memory. Plain numbers and strings are ignored (small next
 * to the buffers); a buffer reached twice counts once.
 */
export function typedArrayBytes(root: unknown): number {
  const seen = new Set<unknown>()
  const buffers = new Set<ArrayBufferLike>()
  let total = 0
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object' || seen.has(value)) continue
    seen.add(value)
    if (ArrayBuffer.isView(value)) {
      // A view's whole buffer stays alive while the view does.
      if (!buffers.has(value.buffer)) {
        buffers.add(value.buffer)
        total += value.buffer.byteLength
      }
      continue
    }
    if (value instanceof Map || value instanceof Set) {
      for (const entry of value.values()) stack.push(entry)
      continue
    }
    for (const entry of Object.values(value)) stack.push(entry)
  }
  return total
}
