import { Command, parseDuration, type StreamCounts } from '../builder/index.js';
import type { Engine, RunOptions, VolumeLike } from '../engine/index.js';
import { mixesVideoFileAudio } from './audio-apart.js';
import { audioFilterApart } from './audio-filter.js';
import {
  durationMicros,
  type FrameRate,
  frameAtCut,
  onFrame,
  parseFrameRate,
  segmentStarts,
} from './boundaries.js';
import { stillPictures } from './filter-locality.js';
import { graphFilters } from './filter-names.js';
import { type FixedKeyframes, fixedKeyframes, startsOnKeyframes } from './forced-keyframes.js';
import {
  cutShift,
  type FrameGrid,
  fillsFrameTimes,
  frameGrid,
  frameRanges,
  gridFrom,
  outputFrameRanges,
  shiftedFrames,
  startsLate,
} from './frame-grid.js';
import { frameSync } from './frame-sync.js';
import { type AudioPlan, audioPlan, type SegmentJobs, segmentJobs } from './jobs.js';
import { chaptersInput } from './join-metadata.js';
import { videoAndAudioOf } from './join-stream-tags.js';
import { lavfiStreams } from './lavfi-streams.js';
import { FpsFrames, refilledRanges } from './refilled-ranges.js';
import { scratchContainers, soundCopiedByJoin } from './scratch-containers.js';
import { seekMaps } from './seek-maps.js';
import {
  type InputFacts,
  inputFacts,
  picturesReadable,
  type SourceFacts,
  type StreamDispositions,
  sourceFacts,
} from './source-facts.js';
import {
  ATTACHMENTS,
  audioInputs,
  inputHazard,
  MANY_VIDEOS,
  takesManyVideos,
  UNEVEN,
  UNREAD,
} from './split-hazards.js';
import {
  hasComplexGraph,
  outputFormat,
  type SegmentMode,
  type SegmentStructure,
  videoGraphs,
} from './structure.js';
import { subtitlePlan } from './subtitle-choice.js';
import {
  keptTimeCuts,
  keptTimeCutsCarried,
  rateCutsCarried,
  type UnevenSource,
  unevenCuts,
} from './uneven-cuts.js';

/** A segment shorter than this costs more in start-up and keyframes than it saves. */
const MIN_SEGMENT_SECONDS = 0.5;

/**
 * The cost model cuts are balanced with (see `placeCuts`), as shares of decoding and encoding a
 * frame. An input-seek segment decodes from the keyframe before its start and throws those
 * frames away: decoding alone is about a seventh of decoding and encoding (measured 2026-12-01 on
 * a warm engine: a 10 s 720p H.264 decode 0.80 s against the same decode plus libx264 veryfast
 * 5.63 s). Where FFmpeg skips the pre-roll's non-reference frames (H.264 with B-frames from
 * MP4/QuickTime, build/patches/ffmpeg/0003) a thrown-away frame costs about half a decoded one:
 * about a twelfth (measured 2026-12-03 on W1's source: `-ss 8.3` before the input, 249 frames of
 * pre-roll, 1.13 s against a full decode's 1.92 s and decode plus libx264 veryfast 11.6 s, under a
 * build's load). An output-seek segment runs every input's decoding and the whole graph before its
 * range, which costs what the inputs and graph cost:
 * - over still images looped into video, about half (the README's reel, 1080x1920 PNG cards and
 *   crossfades, re-measured 2026-12-01 in place: 6.84-12 s took 7.3-7.6 s and 0-6.84 s plus the
 *   audio 6.5-6.7 s; each frame decodes its PNG again);
 * - over video, about a sixth (a 1 s fade-in over W1's 720p H.264, 2 segments alternated for 4
 *   rounds: 5.28 s at a half, 4.95 s at a quarter, 4.65 s at 0.15, 4.9-5.1 s at 0.2 and 0.1,
 *   against 6.6 s whole).
 * The audio encode that rides with the first segment: in input-seek 7 % of the video's (AAC 128k
 * of the same 10 s: 0.41 s with its own start-up); in output-seek, where a frame costs more, 5 %
 * (the reel's audio graph and AAC: 0.48-0.62 s). Estimates: a wrong one costs balance, never
 * correctness.
 */
const PRE_ROLL_COST = {
  'input-seek': 1 / 7,
  'input-seek-skipping': 1 / 12,
  stills: 1 / 2,
  video: 1 / 6,
} as const;
const AUDIO_SHARE = { 'input-seek': 0.07, 'output-seek': 0.05 } as const;

/** How a command is split, worked out from it and its inputs before any segment runs. */
export interface SplitPlan {
  readonly mode: SegmentMode;
  /** Where segments 2, 3, ... start, in µs of the output. */
  readonly starts: readonly number[];
  readonly audio: AudioPlan;
  readonly jobs: SegmentJobs;
  /** The output's length, and its video's (which the cuts divide), in seconds. */
  readonly duration: number;
  readonly span: number;
}

/**
 * The split of `cmd` (whose structure allows one) into `count` segments, or why it must run
 * whole: the inputs' facts (probes, an MP4 index), then the checks in order, the cuts balanced
 * over the output's video and moved where its frames need, and the segments' and join's argv.
 */
export async function planSplit(
  vol: VolumeLike,
  cmd: Command<string>,
  args: readonly string[],
  structure: SegmentStructure,
  count: number,
  engine: Engine,
  options: RunOptions,
  countedFromSeek?: { readonly facts: SourceFacts; readonly sound: InputFacts | undefined },
): Promise<SplitPlan | { reason: string }> {
  const refuse = (reason: string) => ({ reason });
  // The probes read the input without its demuxer's own options (`-pattern_type glob`,
  // `-start_number`): one that fails leaves the command to run whole, where FFmpeg reads it as
  // written (before, a glob of PNGs threw ffprobe's MissingInputError), or says what is wrong.
  // Planned again with the count carried from an input -ss, the facts are those read already.
  const pictures = structure.mode === 'input-seek' ? stillPictures(cmd) : new Map();
  // The sound of another file beside input 0's video, read as an output-seek split reads inputs.
  const soundAt = structure.audioInput;
  const soundEntry = soundAt === undefined ? undefined : cmd.inputs[soundAt];
  const soundFacts = async () =>
    soundEntry &&
    (
      await quietly(
        inputFacts(vol, new Command().input(soundEntry.path, soundEntry.options), engine, options),
        options.signal,
        [],
      )
    )[0];
  const [facts, readable, sound] = countedFromSeek
    ? [countedFromSeek.facts, true, countedFromSeek.sound]
    : await Promise.all([
        quietly(sourceFacts(vol, cmd, engine, options, structure.mode), options.signal, undefined),
        quietly(picturesReadable(vol, cmd, pictures, engine, options), options.signal, false),
        soundFacts(),
      ]);
  if (!facts || !readable || (soundEntry && !sound)) return refuse(UNREAD);
  // A song into an MP4 (the split names its video encoder, FFmpeg's pick, but there is no video).
  if (structure.mode === 'input-seek' && cmd.inputs.length === 1 && facts.videoStreams === 0)
    return refuse('the output has no video: its one input has none');
  // A source that cannot seek exactly (MPEG-TS, ...) is decoded from its start by every segment,
  // and so is one whose video a `map` of `0:v` may take more than one stream of.
  const map = cmd.outputs[0]?.options.map;
  const maps = map === undefined ? undefined : seekMaps(map);
  const manyVideo =
    (maps?.needsOneVideoStream === true || structure.oneVideoStream === true) && facts.videoStreams !== 1;
  const fpsRate = structure.rate ? fpsFilterRate(args) : undefined;
  // An output -r other than the rate the encoder gets anyway (the source's as FFmpeg guesses it,
  // or the fps filter's) is FFmpeg's own rate conversion, with a running count that a segment
  // carries only if given it (`rateCutsCarried`, `keptTimeCutsCarried`): with the source's
  // frames from an index or a scan, FFmpeg's guess of its rate and its time base, no output -ss
  // and no input -t/-to, into any output but AVI (whose own time base the join takes
  // from its input). Otherwise planned after the graph, where it runs whole (see `inputHazard`).
  // The same rate changes nothing a segment does (`-r 30` over a 30 fps phone video, to fill its
  // gaps).
  const outRate = parseFrameRate(cmd.outputs[0]?.options.r);
  const given = fpsRate ?? (facts.rateIsFfmpegs === false ? undefined : facts.frameRate);
  const rateChange =
    structure.mode === 'input-seek' && cmd.outputs[0]?.options.r !== undefined
      ? !outRate || !given || outRate.num * given.den !== given.num * outRate.den
      : false;
  const carried =
    countedFromSeek !== undefined ||
    (rateChange &&
      outRate !== undefined &&
      fpsRate === undefined &&
      facts.rateIsFfmpegs !== false &&
      facts.timeBase !== undefined &&
      !boundsGiven(cmd) &&
      outputFormat(cmd) !== 'avi');
  if (rateChange && !carried)
    return planSplit(vol, cmd, args, { mode: 'output-seek' }, count, engine, options);
  // A graph reading the frames' times needs the video's time base to give them back exactly.
  const clock =
    (structure.clock || carried) && facts.timeBase
      ? { timeBase: facts.timeBase, startSeconds: facts.startSeconds ?? 0 }
      : undefined;
  const mode: SegmentMode =
    structure.mode === 'input-seek' &&
    (facts.seeksExactly === false || manyVideo || (structure.clock && !clock))
      ? 'output-seek'
      : structure.mode;
  if ((carried || structure.audioInput !== undefined) && mode !== 'input-seek')
    return planSplit(vol, cmd, args, { mode: 'output-seek' }, count, engine, options);
  // An `fps` filter's frame times are worked out from each frame's exact time, from 0 to the end.
  // Where they cannot be, the split is planned after the graph, as any graph that cannot seek:
  // the cuts for frames passed to the encoder as they are (a late first frame, uneven times)
  // would be wrong for the filter's own (a Matroska source 21 ms late, into 24 fps, came out a
  // frame longer).
  // The command's own input -ss: where the output's 0 lies in the source.
  const inputSs = cmd.inputs[0]?.options.ss;
  const fpsFrames =
    fpsRate && facts.frameTicks && facts.timeBase?.num === 1 && (facts.startSeconds ?? 0) === 0
      ? new FpsFrames(
          facts.frameTicks,
          facts.timeBase.den,
          fpsRate,
          inputSs === undefined ? 0 : durationMicros(inputSs),
        )
      : undefined;
  // The whole run's first frame at the output's 0 (a Matroska video 21 ms late, at 24 fps, is
  // rounded to the second frame time, which MP4 fills from the first).
  const refillable =
    fpsFrames !== undefined &&
    fpsFrames.first < fpsFrames.ticks.length &&
    fpsFrames.rounded(fpsFrames.first) === 0 &&
    !boundsGiven(cmd);
  if (structure.rate && (mode !== 'input-seek' || !refillable))
    return planSplit(vol, cmd, args, { mode: 'output-seek' }, count, engine, options);
  // A cut inside a gap, or off a late first frame's grid, would start or end a segment where the
  // whole run fills frame times (a constant-rate output) or keeps a gap the join would close.
  // An MPEG-TS input's video counts from its own start where the whole run reads no audio.
  const fills = fillsFrameTimes(cmd);
  const rate = facts.frameRate ?? { num: 1, den: 1 };
  const origin = facts.videoOnlyOrigin ?? 0;
  const oneInputAudio =
    structure.mode === 'input-seek' ? audioPlan(cmd, args, mode, (sound ?? facts).hasAudio) : undefined;
  // Through an `fps` filter the encoder meets the filter's frames, whatever the source's grid.
  const grid = fpsFrames
    ? undefined
    : carried
      ? timedGrid(facts)
      : facts.grid && origin > 0 && oneInputAudio?.where === 'none'
        ? gridFrom(facts.grid, origin, rate)
        : facts.grid;
  const shift = grid ? cutShift(grid, fills, rate) : 0;
  // Unevenly spaced frames (a phone's variable rate) into a constant-rate output: the cuts go
  // where FFmpeg's filling of frame times comes out the same in a segment (`unevenCuts`).
  // Into an output that keeps frame times, they go where a segment gives its frames the same
  // times (`keptTimeCuts`), and the segments keep them.
  // Passed through, an early frame keeps its own time where FFmpeg's vfr gives it the next free
  // one (`vfrTimes`): that, and dropping, are not modelled.
  const sync = frameSync(cmd);
  const uneven =
    (shift === undefined || carried) &&
    mode === 'input-seek' &&
    (facts.rateIsFfmpegs === true || carried) &&
    sync !== 'passthrough' &&
    sync !== 'drop'
      ? grid
      : undefined;
  if (shift === undefined && !uneven) return refuse(UNEVEN);
  const keepsFrameTimes = !fills && grid !== undefined && (uneven !== undefined || startsLate(grid, rate));
  const cutsOnFrames = (shift ?? 0) > 0 || keepsFrameTimes || uneven !== undefined;
  // A one-input command sent after the graph because its input cannot seek exactly (MPEG-TS,
  // whose video starts after its audio) cuts a late first frame at each segment's first frame
  // (`outputFrameRanges`), where the output is filled to a constant rate.
  const lateAfterGraph =
    cutsOnFrames && mode === 'output-seek' && structure.mode === 'input-seek' && !keepsFrameTimes;
  if (cutsOnFrames && mode !== 'input-seek' && !lateAfterGraph) return refuse(UNEVEN);
  // Where the output starts in the source: an -ss moves every segment's range (see
  // `segmentJobs`), and cuts that follow a source's own frame times count from its start, not
  // from there. An input -ss counts where the command seeks its one input (also where an
  // MPEG-TS input sends the split after the graph).
  const seek =
    outputSeek(cmd) +
    (structure.mode === 'input-seek' && inputSs !== undefined ? (parseDuration(inputSs) ?? 0) : 0);
  // (A carried count starts at the first frame an input -ss keeps, see `rateCutsCarried`.) An
  // input -ss over frames off the rate's grid (a Matroska file's millisecond times, a late first
  // frame) counts FFmpeg's frame times from there as a rate change does: planned so again.
  if (seek > 0 && cutsOnFrames && !carried)
    return inputSs !== undefined &&
      outputSeek(cmd) === 0 &&
      facts.timeBase !== undefined &&
      facts.rateIsFfmpegs !== false &&
      !boundsGiven(cmd) &&
      outputFormat(cmd) !== 'avi'
      ? planSplit(vol, cmd, args, structure, count, engine, options, { facts, sound })
      : refuse(UNEVEN);
  // An output-seek split reads its inputs' facts (from an MP4 index where it can) for what the
  // command leaves open: its length, subtitles the output could carry, whether FFmpeg's own
  // choice will find audio (no `map`), and whether the video's frames are evenly spaced.
  const inputs =
    structure.mode === 'output-seek'
      ? await quietly(inputFacts(vol, cmd, engine, options), options.signal, [])
      : [];
  // A frame grid unread is a gap unseen (a concat list's second file started 11 ms late, and the
  // frame at the cut came out wrong); lavfi's sources make their frames one frame time apart.
  if (
    structure.mode === 'output-seek' &&
    cmd.inputs.some((input, i) => input.options.f !== 'lavfi' && !inputs[i])
  )
    return refuse(UNREAD);
  const hazard = inputHazard(cmd, facts, inputs, sound);
  if (hazard) return refuse(hazard);
  // The subtitles one run would carry come from the input itself, through the join.
  const seeking = structure.mode === 'input-seek';
  const subtitles = subtitlePlan(
    cmd,
    seeking
      ? cmd.inputs.map((_, i) => (i === 0 ? facts.subtitleCodecs : []))
      : inputs.map((f) => f?.subtitleCodecs),
    seeking ? [facts.startSeconds] : inputs.map((f) => f?.startSeconds),
    seeking,
  );
  if ('reason' in subtitles) return refuse(subtitles.reason);
  const videoStreams = (n: number) =>
    seeking
      ? n === 0
        ? facts.videoStreams
        : 1
      : (inputs[n]?.streams.video ??
        (cmd.inputs[n]?.options.f === 'lavfi' ? lavfiStreams(cmd.inputs[n].path, 'video') : undefined));
  if (takesManyVideos(map, videoStreams)) return refuse(MANY_VIDEOS);
  // Attachments reach a split through the join alone: seeking the input, into Matroska (WebM and
  // the others refuse them, as one run then says).
  if (maps?.attachments && (mode !== 'input-seek' || !ATTACHING_FORMATS.has(outputFormat(cmd) ?? '')))
    return refuse(ATTACHMENTS);
  if (structure.mode === 'output-seek' && mixesVideoFileAudio(cmd, args))
    return refuse(
      "the graph mixes audio of a file whose video is encoded too: FFmpeg reads that file at the video's pace, and where the mix ends depends on it (a clip's own sound mixed with a 3 s MP3 came out 3 s long beside the video, 4 s in a split)",
    );
  // One run fails on it; run whole, so the error names the command's own map.
  if (mode === 'input-seek' && !facts.hasAudio && maps?.audio.some((entry) => !entry.endsWith('?')))
    return refuse('the map names audio the input does not have');
  // The length the command gives its output (`-ss`, `-sseof`, `-t`, the graph) over the inputs'.
  const seekedInputs = sound ? [facts, sound] : [facts];
  const lengths =
    structure.mode === 'input-seek'
      ? seekedInputs.map((f) => f.durationSeconds)
      : inputs.map((f) => f?.durationSeconds);
  const streams = structure.mode === 'input-seek' ? [] : inputs.map((f) => f?.streams);
  const duration = options.durationSeconds ?? cmd.expectedDuration(lengths, streams) ?? facts.durationSeconds;
  if (shortestDecides(cmd, lengths, streams))
    return refuse(
      "-shortest ends the output before its -t or -to does, where FFmpeg's buffering lets it (an encoder's lookahead runs past the shortest stream), which a split cannot reproduce: give the output a -t within its shortest stream",
    );
  const audio = oneInputAudio ?? audioPlan(cmd, args, mode, anyAudio(inputs));
  // The PCM a segment carries ends at its -to counted from its first sample (FFmpeg's atrim), so
  // audio starting after the file does ran on into the next segment's (checked 2026-12-02: audio
  // 0.48 s late under an overlay, 1024 samples more than one run, decoded otherwise).
  if (audio.where === 'join' && cmd.outputs[0]?.options['c:a'] === 'copy')
    return refuse(
      'audio stream copy (-c:a copy) where the split carries the audio in its segments, decoded (-shortest, a complex graph without -map): it could not copy it',
    );
  if (audio.where === 'join' && inputs.some((f) => (f?.audioStartSeconds ?? 0) > 1e-6))
    return refuse(
      "an input's audio starts after the file does, and the split carries the audio in its segments (a complex graph without -map, -shortest): each would run past its cut",
    );
  if (chaptersInput(cmd) !== undefined && audio.where !== 'first-segment')
    return refuse(
      'the command maps chapters from an input (-map_chapters), which reach a split only through the audio file its first segment writes, and this output has none',
    );
  if (duration === undefined || !(duration > 0))
    return refuse("the output's duration is unknown (give durationSeconds)");
  // Only the video is cut: audio running on past it would leave the last segments no frames.
  const span = Math.min(
    duration,
    videoSpan(cmd, args, structure.mode === 'input-seek' ? seekedInputs : inputs, soundAt) ?? duration,
  );
  // The encoder's rate, which the cuts fall on: the output's, else the video inputs' where they
  // agree. Without one they fall on whole seconds, which lie on every whole rate's frame times
  // but on no 30000/1001 one (a graph over such a video, cut at 2 s, put a frame 2 ms early and
  // the next picture a frame off, 22 dB).
  const encoderRate = outputFrameRate(cmd, args) ?? facts.frameRate ?? sharedRate(inputs);
  if (!encoderRate && inputs.some((f) => f?.frameRate && f.frameRate.num % f.frameRate.den !== 0))
    return refuse(
      "the video inputs' frame rates differ and one is not a whole number, so no cut is known to fall on the output's frame times: give the output -r",
    );
  if (seek > 0 && !carried && !(encoderRate && onFrame(seek, encoderRate)))
    return refuse(
      "the output starts (an input's or the output's -ss) between two of its frames, so its frames fall off the output's frame times: a cut could duplicate or move a frame",
    );
  // Keyframes the command fixes (-force_key_frames, a fixed x264 GOP) take the cuts.
  const keyframes = fixedKeyframes(
    cmd,
    encoderRate,
    encoderRate ? (span * encoderRate.num) / encoderRate.den : 0,
  );
  if (keyframes && 'reason' in keyframes) return refuse(keyframes.reason);
  if (keyframes && cutsOnFrames)
    return refuse(
      "the command fixes its keyframes, and the source's frames need cuts of their own (a late first frame, uneven frame times)",
    );
  const free = segmentStarts({
    durationSeconds: span,
    count,
    rate: encoderRate,
    minSeconds: MIN_SEGMENT_SECONDS,
    keyframeSeconds:
      mode === 'input-seek' ? facts.keyframeSeconds.map((k) => k - seek).filter((k) => k > 0) : [0],
    preRollCost: preRollCost(cmd, mode, facts),
    extra:
      audio.where === 'first-segment'
        ? { segment: 'first', share: (AUDIO_SHARE[mode] * duration) / span }
        : undefined,
  });
  const balanced = keyframes && encoderRate ? startsOnKeyframes(free, keyframes, encoderRate) : free;
  if (keyframes && balanced.length === 0)
    return refuse('no keyframe the command fixes falls inside the video, where a cut could go');
  if (balanced.length === 0) return refuse(`${span} s is too short to split`);
  const unfiltered = videoGraphs(args).length === 0;
  const cutsFor = carried
    ? fills
      ? rateCutsCarried
      : keptTimeCutsCarried
    : fills
      ? unevenCuts
      : keptTimeCuts;
  const source = (graph: boolean): UnevenSource | undefined =>
    uneven && {
      grid: uneven,
      rate: carried && outRate ? outRate : rate,
      graphRate: rate,
      timeBase: facts.timeBase,
      startSeconds: facts.startSeconds,
      singleStream: facts.streamCount === 1,
      unfiltered: !graph,
      endSeconds: outputLength(cmd),
      originMicros: carried && inputSs !== undefined ? durationMicros(inputSs) : undefined,
    };
  const unevenSource = source(!unfiltered);
  const frames = unevenSource
    ? cutsFor(balanced, unevenSource)
    : cutsOnFrames
      ? { starts: balanced, ...shiftedFrames(balanced, rate, shift ?? 0, outputLength(cmd)) }
      : undefined;
  if (carried && !frames) {
    // Without a filter FFmpeg takes a frame to last its packet's length, rounded; the filter a
    // segment needs gives it the graph's frame time. Where the counts then part, say whether a
    // filter of the command's own would let it split.
    const filtered = unfiltered && cutsFor(balanced, source(true) as UnevenSource) !== undefined;
    return refuse(
      `the output's -r changes the frame rate, and no cut near a balanced one gives a segment FFmpeg's running count of frame times as one run has it there${
        filtered
          ? ": without a filter FFmpeg takes each frame to last its packet's length rounded, where the filter a segment needs gives it the graph's frame time (with a -vf, even -vf null, this command would split)"
          : ''
      }`,
    );
  }
  // Through an `fps` filter, each segment starts at a source frame, and so on its frame times.
  // An output -t keeps the frames it starts before, counted from the first (FFmpeg's `trim`
  // rounds it to the filter's frame times: 2.53 s at 24 fps keeps 61, 2.52 s 60).
  const length = outputLength(cmd);
  const refilled =
    fpsFrames &&
    refilledRanges(balanced, fpsFrames, {
      exact: keyframes !== undefined,
      total:
        length === undefined ? undefined : Math.round((length * fpsFrames.output.num) / fpsFrames.output.den),
    });
  if (fpsFrames && !refilled)
    return refuse(
      "no source frame starts a segment where the fps filter's frame times meet the keyframes the command fixes",
    );
  const starts = refilled?.starts ?? frames?.starts ?? balanced;
  const cutAt = frames && grid && facts.frameRate ? { grid, ...frames } : undefined;
  const cutRanges =
    cutAt && !lateAfterGraph ? frameRanges(cutAt.grid, rate, cutAt.firsts, cutAt.end) : undefined;
  // A carried first segment seeks as the command does (its -t counts from the first frame kept).
  const inputRanges =
    refilled?.inputRanges ??
    (carried && inputSs !== undefined && cutRanges
      ? cutRanges.map((range, k) => (k === 0 ? { ...range, ss: durationMicros(inputSs) } : range))
      : cutRanges);
  const outputRanges =
    cutAt && lateAfterGraph
      ? outputFrameRanges(
          cutAt.grid,
          rate,
          cutAt.firsts,
          cutAt.end,
          cutAt.starts,
          audio.where === 'first-segment' ? origin : 0,
        )
      : undefined;
  if (cutsOnFrames && inputRanges === undefined && outputRanges === undefined) return refuse(UNEVEN);
  // Audio copied after the graph comes from the one input `inputHazard` let it.
  // (Seeking, from input 0, or the other input whose sound the map takes.)
  const copiedFrom =
    inputs.length > 0 ? audioInputs(map, (n) => inputs[n]?.hasAudio, cmd.inputs.length)?.[0] : (soundAt ?? 0);
  const copiedFacts = inputs.length > 0 ? inputs[copiedFrom ?? 0] : (sound ?? facts);
  const containers = scratchContainers(cmd, audio.where, {
    matroska: copiedFacts?.matroska,
    startSeconds: copiedFacts?.startSeconds,
    path: cmd.inputs[copiedFrom ?? 0]?.path,
  });
  if ('reason' in containers) return refuse(containers.reason);
  // The sound of a file whose packets a scratch file would place unlike one run, copied: by the
  // join from the file itself (`inputHazard` lets it through only where nothing trims it).
  const scratch =
    cmd.outputs[0]?.options['c:a'] === 'copy' && sound && soundAt !== undefined && !sound.quickTime
      ? soundCopiedByJoin(containers, soundAt, sound.startSeconds ?? 0)
      : containers;
  const filtered = audioFilterApart(args);
  // The join encodes PCM the segments converted to the output's rate and layout already: a
  // filter there would run after that conversion, not before it as in one run.
  if (filtered && audio.where === 'join')
    return refuse(
      'an audio filter (-af) on audio the split encodes in the join (a complex graph without -map), after converting its rate and layout: one run filters before that',
    );
  // AVI takes its time base from the join's input (see `timescale`): the segments' must be the
  // encoder's, one frame time, which a QuickTime timescale can be only for a whole rate.
  const avi = outputFormat(cmd) === 'avi';
  if (avi && !(encoderRate && encoderRate.den === 1 && encoderRate.num < 500))
    return refuse(
      "an AVI output's time base is one frame time, which the segments keep only for a whole number of frames per second",
    );
  // After a `-vf` over one input (no complex graph, a map by kind or none) one run's streams come
  // from that input's as seeking ones do: the join gives them its streams' tags and dispositions.
  // So it does after a complex graph whose video label the map names first, then input 0's
  // audio: the audio from the input, the video from none (see `SingleStreams.videoFromGraph`).
  // So it does for a map of input 0's video or the graph's and the audio of one input, in any
  // order (`-map 0:a:1 -map 0:v`; `-map 0:v -map 1:a`, the sound replaced, whose audio streams'
  // tags and dispositions are then input 1's).
  const complex = hasComplexGraph(args);
  // (Seeking, such a map is the sound of another file's, `soundAt`.)
  const videoAndAudio =
    (!seeking || soundAt !== undefined) && map !== undefined && maps === undefined
      ? videoAndAudioOf(map)
      : undefined;
  const audioFrom = videoAndAudio?.audioFrom || undefined;
  const videoFrom = videoAndAudio?.videoFrom || undefined;
  const videoEntry = maps?.video ?? videoAndAudio?.video;
  const videoFromGraph = complex && videoEntry !== undefined && !/^\d/.test(videoEntry);
  const plainInput =
    !seeking &&
    (complex
      ? videoFromGraph
      : (cmd.inputs.length === 1 || videoAndAudio !== undefined) &&
        (map === undefined || videoEntry !== undefined))
      ? inputs[0]
      : undefined;
  const videoInput = videoFrom === undefined ? plainInput : inputs[videoFrom];
  const audioInput = audioFrom === undefined ? plainInput : inputs[audioFrom];
  const plainDispositions = dispositionsFrom(
    plainInput?.dispositions,
    videoInput?.dispositions,
    audioInput?.dispositions,
  );
  const jobs = segmentJobs(filtered?.video ?? cmd, mode, starts, audio, {
    audioFilter: filtered?.audioFilter,
    containers: scratch,
    inputRanges,
    outputRanges,
    forcedKeyframes:
      keyframes?.option && encoderRate
        ? forSegments(keyframes.option, [0, ...starts], encoderRate)
        : undefined,
    keepsFrameTimes,
    timescale: avi
      ? encoderRate?.num
      : keepsFrameTimes
        ? rateTimescale(carried && outRate ? outRate : rate)
        : undefined,
    clock:
      mode === 'input-seek' && clock
        ? {
            ...clock,
            after: refilled?.firstFrames ?? frames?.after,
            afterTimeBase:
              frames?.afterTimeBase && frames.afterTimeBase.den !== clock.timeBase.den
                ? frames.afterTimeBase
                : undefined,
          }
        : undefined,
    frameCounts: refilled?.frameCounts ?? frames?.frameCounts,
    subtitles: subtitles.carried,
    dispositions: seeking
      ? sound
        ? dispositionsFrom(facts.dispositions, facts.dispositions, sound.dispositions)
        : facts.dispositions
      : plainDispositions,
    seeksOnVideo: seeking && facts.matroska === true && !sound,
    audioInput: seeking ? soundAt : undefined,
    attachments: maps?.attachments ? (facts.attachmentStreams ?? 0) : 0,
    singleStreams: seeking
      ? {
          video: facts.videoStreams === 1 || videoFromGraph,
          audioStreams: (sound ? sound.streams.audio : facts.audioStreams) ?? 0,
          videoFromGraph,
          ...(soundAt === undefined ? {} : { audioFrom: soundAt }),
        }
      : plainInput && {
          video: videoInput?.streams.video === 1 || videoFromGraph,
          audioStreams: audioInput?.streams.audio ?? 0,
          videoFromGraph,
          ...(videoFrom === undefined ? {} : { videoFrom }),
          ...(audioFrom === undefined ? {} : { audioFrom }),
        },
  });
  return { mode, starts, audio, jobs, duration, span };
}

/**
 * `base`'s dispositions (its subtitles') with the video's and the audio's from the inputs those
 * come from (the sound of another file: `-map 0:v -map 1:a`).
 */
function dispositionsFrom(
  base: StreamDispositions | undefined,
  video: StreamDispositions | undefined,
  audio: StreamDispositions | undefined,
): StreamDispositions | undefined {
  return base && { ...base, video: video?.video, audio: audio?.audio ?? [], chosenAudio: audio?.chosenAudio };
}

/**
 * Whether the output's `-shortest` rather than its `-t`/`-to` ends it: its shortest stream ends no
 * later than they do, or where it ends is unknown. (Checked 2026-12-03: 10 s of video under a 16 s
 * song, `-shortest -t 12`: one run's audio ran on 32 ms past the video, the split's 5 ms.)
 */
function shortestDecides(
  cmd: Command<string>,
  lengths: readonly (number | undefined)[],
  streams: readonly (StreamCounts | undefined)[],
): boolean {
  if (!cmd.outputs[0]?.options.shortest) return false;
  const untimed = cmd.mapOutputs((o) => ({ ...o, options: { ...o.options, t: undefined, to: undefined } }));
  const streamsEnd = untimed.expectedDuration(lengths, streams);
  const timed = cmd.expectedDuration(lengths, streams);
  return streamsEnd === undefined || timed === undefined || streamsEnd <= timed;
}

/**
 * How long the output's video lasts, where the inputs say where their video ends: the command's
 * length (`-ss`, `-t`, the graph) over each input's video, or its whole length where it has no
 * video or could not tell. Audio chains fed by inputs longer than their video may still reach
 * past it; the output's length then bounds the span, as before.
 */
function videoSpan(
  cmd: Command<string>,
  args: readonly string[],
  inputs: readonly (
    | (Pick<SourceFacts, 'durationSeconds' | 'videoSeconds'> & { readonly streams?: StreamCounts })
    | undefined
  )[],
  soundAt?: number,
): number | undefined {
  if (inputs.every((f) => f?.videoSeconds === undefined)) return undefined;
  // Without a complex graph (where a visualiser could draw video from it) an input without video
  // gives the video nothing: its audio, taken by `-map 1:a` or FFmpeg's pick, neither makes the
  // video longer nor, under -shortest, shorter (the output's length bounds that). Counted at its
  // whole length, a 16 s song under 10 s of video put the cut of two segments at 8.3 s. So it
  // gives nothing where it is the sound beside a graph that reads input 0 alone (`soundAt`).
  const audioOnly = (f: (typeof inputs)[number], i: number) =>
    (!hasComplexGraph(args) || i === soundAt) && f?.streams?.video === 0;
  const neutral = cmd.outputs[0]?.options.shortest ? Number.POSITIVE_INFINITY : 0;
  return cmd.expectedDuration(
    inputs.map((f, i) => (audioOnly(f, i) ? neutral : (f?.videoSeconds ?? f?.durationSeconds))),
  );
}

/**
 * The source's frames with their times: as scanned, or from an MP4 index's presentation times,
 * each lasting its one sample length (a frame time of the rate it gives).
 */
function timedGrid(facts: SourceFacts): FrameGrid | undefined {
  if (facts.grid?.seconds) return facts.grid;
  const { frameTicks, timeBase, frameRate } = facts;
  if (!frameTicks || !timeBase || !frameRate) return undefined;
  const times = frameTicks.map((tick) => (tick * timeBase.num) / timeBase.den);
  return frameGrid(
    times,
    0,
    frameRate,
    times.map(() => frameRate.den / frameRate.num),
  );
}

/** A timescale that counts frames at `rate` exactly: its numerator, doubled up to 10000 as MOV does. */
function rateTimescale(rate: FrameRate): number {
  let timescale = rate.num;
  while (timescale < 10000) timescale *= 2;
  return timescale;
}

/**
 * The frame rate the video inputs share, moving pictures first (a still image's rate is its
 * demuxer's default, which an overlay over a video does not take), or `undefined`.
 */
function sharedRate(inputs: readonly (InputFacts | undefined)[]): FrameRate | undefined {
  const video = inputs.filter((f) => f?.frameRate && f.grid);
  const moving = video.filter((f) => !f?.still);
  const rates = (moving.length ? moving : video).map((f) => f?.frameRate as FrameRate);
  const first = rates[0];
  return first && rates.every((r) => r.num * first.den === first.num * r.den) ? first : undefined;
}

/** Whether the command cuts its output after the graph (an output -ss) or bounds its input (-t, -to). */
function boundsGiven(cmd: Command<string>): boolean {
  const out = cmd.outputs[0]?.options;
  const input = cmd.inputs[0]?.options;
  return [out?.ss, input?.t, input?.to].some((v) => v !== undefined);
}

/** The output's `-ss`, in seconds (0 without one). */
function outputSeek(cmd: Command<string>): number {
  const ss = cmd.outputs[0]?.options.ss;
  return ss === undefined ? 0 : (parseDuration(ss) ?? 0);
}

/** The output's `-t` (or `-to`, from 0 without an output `-ss`), in seconds. */
function outputLength(cmd: Command<string>): number | undefined {
  const { t, to } = cmd.outputs[0]?.options ?? {};
  const length = t ?? to;
  return length === undefined ? undefined : parseDuration(length);
}

/** Inputs that are a still image, decoded again for every frame of the video they make. */
const STILL = /\.(png|jpe?g|webp|bmp|tiff?|gif)$/i;

/** The output formats whose muxer (Matroska's) holds attachments. */
const ATTACHING_FORMATS: ReadonlySet<string> = new Set(['mkv', 'mka', 'matroska']);

/** What a thrown-away frame costs before a segment's range (see {@link PRE_ROLL_COST}). */
function preRollCost(cmd: Command<string>, mode: SegmentMode, facts: SourceFacts): number {
  if (mode === 'input-seek')
    return facts.preRollSkipsNonReference
      ? PRE_ROLL_COST['input-seek-skipping']
      : PRE_ROLL_COST['input-seek'];
  const stills = cmd.inputs.some((i) => i.options.loop !== undefined || STILL.test(i.path));
  return stills ? PRE_ROLL_COST.stills : PRE_ROLL_COST.video;
}

/** Whether an input has audio: `undefined` when one that could not be read might. */
function anyAudio(inputs: readonly (InputFacts | undefined)[]): boolean | undefined {
  if (inputs.some((f) => f?.hasAudio)) return true;
  return inputs.length > 0 && inputs.every((f) => f !== undefined) ? false : undefined;
}

/**
 * Probes that fail leave what they would have told unknown (the command then runs whole and FFmpeg
 * reports what is wrong); an abort still ends the job.
 */
async function quietly<T, F>(
  probes: Promise<T>,
  signal: AbortSignal | undefined,
  unknown: F,
): Promise<T | F> {
  try {
    return await probes;
  } catch (err) {
    if (signal?.aborted) throw err;
    return unknown;
  }
}

/** The output's frame rate when the command states it: `-r`, an `fps` filter, an input's rate. */
function outputFrameRate(cmd: Command<string>, args: readonly string[]): FrameRate | undefined {
  const out = cmd.outputs[0]?.options;
  const inputRate = cmd.inputs.map((i) => i.options.framerate ?? i.options.r).find((r) => r !== undefined);
  return parseFrameRate(out?.r) ?? fpsFilterRate(args) ?? parseFrameRate(inputRate);
}

/**
 * The rate the graphs' last `fps` filter gives (`fps=50,fps=24` is 24 fps: cut on the first's
 * frame times, a split had come out 4 ms short with its average rate off).
 */
function fpsFilterRate(args: readonly string[]): FrameRate | undefined {
  const fpsFilter = videoGraphs(args)
    .flatMap((graph) => graphFilters(graph) ?? [])
    .findLast((filter) => filter.name === 'fps');
  return parseFrameRate(fpsFilter?.options.fps ?? fpsFilter?.positional[0]);
}

/** Each segment's value of the option that forces keyframes, from where it starts (µs). */
function forSegments(
  option: NonNullable<FixedKeyframes['option']>,
  starts: readonly number[],
  rate: FrameRate,
): { key: string; values: (string | undefined)[] } {
  return {
    key: option.key,
    values: starts.map((us) => option.forSegment(frameAtCut(us, rate))),
  };
}
