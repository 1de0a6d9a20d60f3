// Probe a file from disk: its bytes go into a volume, and the build's own ffprobe reads them.
//
//   npm run example:probe -- path/to/file.mp4
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { probe, Volume } from 'afmpeg';

const path = process.argv[2] ?? 'examples/media/music.mp3';
const vol = new Volume();
vol.writeFileSync(`/${basename(path)}`, readFileSync(path));

const info = await probe(vol, `/${basename(path)}`);
console.log(`${info.format.formatName}: ${info.format.duration} s, ${info.format.bitRate} bit/s`);
for (const s of info.streams) {
  const detail =
    s.codecType === 'video'
      ? `${s.width}x${s.height} at ${s.avgFrameRate?.value} fps`
      : `${s.sampleRate} Hz, ${s.channels} channels (${s.channelLayout})`;
  console.log(`  #${s.index} ${s.codecType} ${s.codecName}: ${detail}`);
}
