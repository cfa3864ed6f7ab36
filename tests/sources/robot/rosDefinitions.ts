/** ROS message definitions (ros2msg / ros1msg schema text, with dependencies) for writing test MCAP files. */
const SEP =
  '\n================================================================================\nMSG: '

const HEADER2 =
  'std_msgs/Header\nbuiltin_interfaces/Time stamp\nstring frame_id' +
  SEP +
  'builtin_interfaces/Time\nint32 sec\nuint32 nanosec'
const HEADER1 = 'std_msgs/Header\nuint32 seq\ntime stamp\nstring frame_id'

const IMAGE_BODY =
  'uint32 height\nuint32 width\nstring encoding\nuint8 is_bigendian\nuint32 step\nuint8[] data'
const INFO_BODY =
  'uint32 height\nuint32 width\nstring distortion_model\nfloat64[] D\nfloat64[9] K\nfloat64[9] R\nfloat64[12] P\nuint32 binning_x\nuint32 binning_y\nsensor_msgs/RegionOfInterest roi' +
  SEP +
  'sensor_msgs/RegionOfInterest\nuint32 x_offset\nuint32 y_offset\nuint32 height\nuint32 width\nbool do_rectify'

export const ROS2 = {
  image: 'std_msgs/Header header\n' + IMAGE_BODY + SEP + HEADER2,
  compressedImage: 'std_msgs/Header header\nstring format\nuint8[] data' + SEP + HEADER2,
  cameraInfo:
    ('std_msgs/Header header\n' + INFO_BODY).replace(
      'float64[] D\nfloat64[9] K\nfloat64[9] R\nfloat64[12] P',
      'float64[] d\nfloat64[9] k\nfloat64[9] r\nfloat64[12] p',
    ) +
    SEP +
    HEADER2,
  pointCloud2:
    'std_msgs/Header header\nuint32 height\nuint32 width\nsensor_msgs/PointField[] fields\nbool is_bigendian\nuint32 point_step\nuint32 row_step\nuint8[] data\nbool is_dense' +
    SEP +
    'sensor_msgs/PointField\nuint8 INT8=1\nuint8 UINT8=2\nuint8 INT16=3\nuint8 UINT16=4\nuint8 INT32=5\nuint8 UINT32=6\nuint8 FLOAT32=7\nuint8 FLOAT64=8\nstring name\nuint32 offset\nuint8 datatype\nuint32 count' +
    SEP +
    HEADER2,
  tfMessage:
    'geometry_msgs/TransformStamped[] transforms' +
    SEP +
    'geometry_msgs/TransformStamped\nstd_msgs/Header header\nstring child_frame_id\ngeometry_msgs/Transform transform' +
    SEP +
    'geometry_msgs/Transform\ngeometry_msgs/Vector3 translation\ngeometry_msgs/Quaternion rotation' +
    SEP +
    'geometry_msgs/Vector3\nfloat64 x\nfloat64 y\nfloat64 z' +
    SEP +
    'geometry_msgs/Quaternion\nfloat64 x\nfloat64 y\nfloat64 z\nfloat64 w' +
    SEP +
    HEADER2,
}

export const ROS1 = {
  image: 'Header header\n' + IMAGE_BODY + SEP + HEADER1,
  cameraInfo: 'Header header\n' + INFO_BODY + SEP + HEADER1,
}
