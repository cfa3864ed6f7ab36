/** Wraps a box yaw into (−π/2, π/2]: a box turned by π is the same box. */
export function wrapYaw(yawRad: number): number {
  let yaw = yawRad % Math.PI
  if (yaw > Math.PI / 2) yaw -= Math.PI
  if (yaw <= -Math.PI / 2) yaw += Math.PI
  return yaw
}
