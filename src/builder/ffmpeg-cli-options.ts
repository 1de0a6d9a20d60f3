/**
 * What FFmpeg 5.1's command line (fftools/ffmpeg_opt.c and cmdutils) knows about an option name:
 * whether it takes a value and whether it is global. Every option not listed takes a value and
 * belongs to the next input or output: that is how FFmpeg treats codec, format and filter
 * AVOptions (`-crf 23`, `-movflags +faststart`, `-hls_time 4`).
 */

/** Options that take no value (OPT_BOOL or plain flags). A bool also has a `-noNAME` form. */
const BOOLEAN = new Set([
  'y',
  'n',
  'ignore_unknown',
  'copy_unknown',
  'hide_banner',
  'report',
  'accurate_seek',
  'copyts',
  'start_at_zero',
  'shortest',
  'bitexact',
  'xerror',
  'copyinkf',
  'auto_conversion_filters',
  'stats',
  'debug_ts',
  'find_stream_info',
  'psnr',
  'vn',
  'an',
  'sn',
  'dn',
  'qphist',
  'force_fps',
  'autorotate',
  'autoscale',
  'fix_sub_duration',
  're',
  'benchmark',
  'benchmark_all',
  'dump',
  'hex',
  'stdin',
  'intra',
  'sameq',
  'same_quant',
  'deinterlace',
]);

/** Flags that take no value and are not bools (no `-no` form). */
const FLAGS = new Set([
  'vstats',
  'hwaccels',
  'version',
  'buildconf',
  'formats',
  'muxers',
  'demuxers',
  'devices',
  'codecs',
  'decoders',
  'encoders',
  'bsfs',
  'protocols',
  'filters',
  'pix_fmts',
  'layouts',
  'sample_fmts',
  'dispositions',
  'colors',
  'L',
]);

/** Global options: they apply to the whole run wherever they appear. */
const GLOBAL = new Set([
  'y',
  'n',
  'ignore_unknown',
  'copy_unknown',
  'loglevel',
  'v',
  'report',
  'max_alloc',
  'cpuflags',
  'cpucount',
  'hide_banner',
  'vsync',
  'async',
  'adrift_threshold',
  'copyts',
  'start_at_zero',
  'copytb',
  'dts_delta_threshold',
  'dts_error_threshold',
  'xerror',
  'abort_on',
  'filter_threads',
  'filter_complex',
  'filter_complex_threads',
  'lavfi',
  'filter_complex_script',
  'auto_conversion_filters',
  'stats',
  'stats_period',
  'progress',
  'debug_ts',
  'max_error_rate',
  'benchmark',
  'benchmark_all',
  'timelimit',
  'dump',
  'hex',
  'stdin',
  'sdp_file',
  'init_hw_device',
  'filter_hw_device',
  'vstats',
  'vstats_file',
  'vstats_version',
  'qphist',
  'psnr',
  'h',
  'help',
  '?',
  ...FLAGS,
]);

/** The option name of a `-name[:stream_spec]` token, or `undefined` when it is not an option. */
export function optionName(token: string): string | undefined {
  if (!token.startsWith('-') || token.length < 2) return undefined;
  const body = token.startsWith('--') ? token.slice(2) : token.slice(1);
  return body.split(':')[0];
}

/** Whether option `name` (without `-`, stream specifier dropped) takes a value. */
export function takesValue(name: string): boolean {
  if (BOOLEAN.has(name) || FLAGS.has(name)) return false;
  if (name.startsWith('no') && BOOLEAN.has(name.slice(2))) return false;
  return true;
}

/** Whether option `name` is global rather than per file. */
export function isGlobalOption(name: string): boolean {
  if (GLOBAL.has(name)) return true;
  return name.startsWith('no') && BOOLEAN.has(name.slice(2)) && GLOBAL.has(name.slice(2));
}
