/**
 * What a schema name carries, across ROS 2 (pkg/msg/Type), ROS 1 (pkg/Type) and Foxglove (foxglove.Type) naming.
 */
export type SchemaKind = 'image' | 'compressedImage' | 'cameraInfo' | 'pointCloud2' | 'tf' | 'other'

const KINDS: Record<string, SchemaKind> = {
  'sensor_msgs/Image': 'image',
  'foxglove.RawImage': 'image',
  'sensor_msgs/CompressedImage': 'compressedImage',
  'foxglove.CompressedImage': 'compressedImage',
  'sensor_msgs/CameraInfo': 'cameraInfo',
  'foxglove.CameraCalibration': 'cameraInfo',
  'sensor_msgs/PointCloud2': 'pointCloud2',
  'tf2_msgs/TFMessage': 'tf',
  'tf/tfMessage': 'tf',
}

/** The kind of a schema name ("sensor_msgs/msg/Image" → image). */
export function schemaKind(schemaName: string): SchemaKind {
  return KINDS[schemaName.replace('/msg/', '/')] ?? 'other'
}

/** Topics whose messages are static transforms (latched, valid at all times). */
export function isStaticTfTopic(topic: string): boolean {
  return topic === '/tf_static' || topic === 'tf_static'
}
