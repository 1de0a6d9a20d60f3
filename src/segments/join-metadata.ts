import type { Command } from '../builder/index.js';
import { MATROSKA_FORMATS } from './scratch-containers.js';
import { outputFormat } from './structure.js';

/**
 * Where the join reads the global metadata (title, creation_time, a phone's make, brands) that
 * one run of the command writes:
 * - `scratch`: the first segment's outputs, which copied the first input's as one run does (the
 *   audio file, else the first segment itself);
 * - `input`: the command's input `index`, opened by the join for its metadata alone;
 * - `none`: nothing (`-map_metadata -1` in the join);
 * - `own`: the command's own `-map_metadata`, passed through (it drops the metadata, or names
 *   streams or chapters).
 */
export type MetadataSource =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'own' };

/**
 * The source of the split output's global metadata. One run copies it from the first input, or
 * from the input a `-map_metadata N` names. The scratch files carry only the first input's, and
 * only the tags QuickTime holds: into Matroska, which writes every tag, they lost a tag of the
 * source's own and gave an MP4 source's brands as `qt` (checked 2026-12-02), and a
 * `-map_metadata 1` over an FFmpeg metadata file lost its title, the join's input 1 being the
 * audio file. So the join reads the command's input itself, except the first into a container
 * that keeps only what QuickTime does.
 */
export function metadataSource(cmd: Command<string>): MetadataSource {
  const own = cmd.outputs[0]?.options.map_metadata;
  const named = /^(\d+)(?::g)?$/.exec(own === undefined ? '0' : String(own));
  if (!named) return { kind: 'own' };
  const index = Number(named[1]);
  const input = cmd.inputs[index];
  if (!input) return { kind: 'own' };
  const intoMatroska = MATROSKA_FORMATS.has(outputFormat(cmd) ?? '');
  if (index === 0 && !intoMatroska) return { kind: 'scratch' };
  // A filter source has no metadata; a concat list's is its first file's (such inputs run whole).
  if (input.options.f === 'lavfi') return index === 0 ? { kind: 'scratch' } : { kind: 'none' };
  if (input.options.f === 'concat') return index === 0 ? { kind: 'scratch' } : { kind: 'own' };
  return { kind: 'input', index };
}

/**
 * The input a command's `-map_chapters N` takes the chapters from, when it names one. The join's
 * own input N is another file (checked 2026-12-02: `-map_chapters 1` over a source with chapters
 * of its own gave the split the source's, cut at the first segment's end), so the first segment's
 * audio output, which has the command's inputs and its -ss/-t/-to, maps them as one run does,
 * and the join takes them from it.
 */
export function chaptersInput(cmd: Command<string>): number | undefined {
  const own = cmd.outputs[0]?.options.map_chapters;
  return own !== undefined && /^\d+$/.test(String(own)) ? Number(own) : undefined;
}
