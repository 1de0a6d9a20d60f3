/**
 * Real FFmpeg command lines of every everyday kind, as tutorials, scripts and Q&A answers write
 * them (shell-quoted), for the `Command.parse` round trips.
 */
export const LINES: readonly { readonly kind: string; readonly line: string }[] = [
  // transcode
  {
    kind: 'transcode',
    line: 'ffmpeg -i input.mov -c:v libx264 -preset slow -crf 22 -c:a aac -b:a 128k output.mp4',
  },
  {
    kind: 'transcode',
    line: 'ffmpeg -y -hide_banner -i in.mkv -c:v libx264 -pix_fmt yuv420p -profile:v high -level 4.0 -movflags +faststart out.mp4',
  },
  {
    kind: 'transcode',
    line: "ffmpeg -i in.mp4 -c:v libx264 -x264-params 'keyint=48:min-keyint=48:scenecut=0' -b:v 2M -maxrate 2M -bufsize 4M out.mp4",
  },
  { kind: 'transcode', line: 'ffmpeg -i input.avi -vcodec libx264 -acodec aac output.mp4' },
  { kind: 'transcode', line: 'ffmpeg -i input.mp4 -c:v libvpx-vp9 -crf 30 -b:v 0 -c:a libopus output.webm' },
  { kind: 'transcode', line: 'ffmpeg -i in.mp4 -c:v mpeg4 -q:v 5 -c:a libmp3lame -q:a 4 out.avi' },
  { kind: 'transcode', line: 'ffmpeg -i in.mp4 -r 30 -s 1280x720 -aspect 16:9 -g 60 out.mp4' },
  {
    kind: 'transcode',
    line: 'ffmpeg -loglevel error -nostdin -i in.mp4 -threads 1 -c:v libx264 -tune film out.mkv',
  },
  // remux
  { kind: 'remux', line: 'ffmpeg -i input.mkv -c copy output.mp4' },
  { kind: 'remux', line: 'ffmpeg -i in.mp4 -map 0 -c copy -map_metadata -1 out.mkv' },
  { kind: 'remux', line: 'ffmpeg -i in.ts -c copy -bsf:a aac_adtstoasc out.mp4' },
  { kind: 'remux', line: 'ffmpeg -i video.mp4 -i audio.m4a -map 0:v:0 -map 1:a:0 -c copy -shortest out.mp4' },
  { kind: 'remux', line: 'ffmpeg -i in.mkv -map 0 -map -0:s -c copy out.mkv' },
  {
    kind: 'remux',
    line: "ffmpeg -i in.mp4 -c copy -metadata title='My Movie' -metadata:s:a:0 language=eng out.mp4",
  },
  // cut
  { kind: 'cut', line: 'ffmpeg -ss 00:01:00 -i input.mp4 -t 30 -c copy cut.mp4' },
  { kind: 'cut', line: 'ffmpeg -i input.mp4 -ss 00:00:05 -to 00:00:15 -c:v libx264 -c:a aac cut.mp4' },
  { kind: 'cut', line: 'ffmpeg -sseof -10 -i input.mp4 -c copy last10.mp4' },
  { kind: 'cut', line: 'ffmpeg -ss 30 -t 10 -i in.mp4 -avoid_negative_ts make_zero -c copy out.mp4' },
  // thumbnails
  { kind: 'thumbnails', line: 'ffmpeg -ss 00:00:10 -i input.mp4 -frames:v 1 -q:v 2 thumb.jpg' },
  { kind: 'thumbnails', line: 'ffmpeg -i input.mp4 -vf fps=1/10 thumbs/img%03d.png' },
  { kind: 'thumbnails', line: "ffmpeg -i in.mp4 -vf 'thumbnail,scale=640:-1' -frames:v 1 thumb.png" },
  {
    kind: 'thumbnails',
    line: 'ffmpeg -i in.mp4 -vf "select=\'eq(pict_type,I)\'" -vsync vfr keyframe-%04d.png',
  },
  {
    kind: 'thumbnails',
    line: "ffmpeg -i in.mp4 -vf 'select=not(mod(n\\,100)),scale=160:90,tile=4x3' -frames:v 1 -update 1 sheet.png",
  },
  // letterbox / scale / crop
  {
    kind: 'letterbox',
    line: "ffmpeg -i in.mp4 -vf 'scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2' -c:a copy out.mp4",
  },
  { kind: 'letterbox', line: "ffmpeg -i in.mp4 -vf 'scale=-2:720,setsar=1' out.mp4" },
  { kind: 'crop', line: "ffmpeg -i in.mp4 -vf 'crop=in_w/2:in_h/2:in_w/4:in_h/4' out.mp4" },
  { kind: 'crop', line: "ffmpeg -i in.mp4 -filter:v 'crop=640:480:100:50' -c:a copy out.mp4" },
  // watermark
  {
    kind: 'watermark',
    line: "ffmpeg -i video.mp4 -i logo.png -filter_complex 'overlay=main_w-overlay_w-10:main_h-overlay_h-10' -codec:a copy out.mp4",
  },
  {
    kind: 'watermark',
    line: "ffmpeg -i in.mp4 -i logo.png -filter_complex '[1:v]scale=100:-1,format=rgba,colorchannelmixer=aa=0.5[logo];[0:v][logo]overlay=W-w-10:10' -c:a copy out.mp4",
  },
  {
    kind: 'watermark',
    line: "ffmpeg -i in.mp4 -i logo.png -filter_complex '[0:v][1:v]overlay=10:10:enable=between(t\\,2\\,5)[v]' -map '[v]' -map 0:a? -c:a copy out.mp4",
  },
  // GIF palette
  {
    kind: 'gif',
    line: "ffmpeg -ss 2 -t 3 -i in.mp4 -vf 'fps=10,scale=320:-1:flags=lanczos,palettegen' palette.png",
  },
  {
    kind: 'gif',
    line: "ffmpeg -ss 2 -t 3 -i in.mp4 -i palette.png -filter_complex 'fps=10,scale=320:-1:flags=lanczos[x];[x][1:v]paletteuse' out.gif",
  },
  {
    kind: 'gif',
    line: "ffmpeg -i in.mp4 -vf 'fps=10,scale=320:-1:flags=lanczos,split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=bayer:bayer_scale=5' -loop 0 out.gif",
  },
  // speed change
  {
    kind: 'speed',
    line: "ffmpeg -i in.mp4 -filter_complex '[0:v]setpts=0.5*PTS[v];[0:a]atempo=2.0[a]' -map '[v]' -map '[a]' fast.mp4",
  },
  { kind: 'speed', line: "ffmpeg -i in.mp4 -vf 'setpts=2.0*PTS' -an slow.mp4" },
  { kind: 'speed', line: "ffmpeg -i in.mp3 -af 'atempo=0.8' slow.mp3" },
  // rotate / flip
  { kind: 'rotate', line: "ffmpeg -i in.mp4 -vf 'transpose=1' -c:a copy rotated.mp4" },
  { kind: 'rotate', line: "ffmpeg -i in.mp4 -vf 'transpose=2,transpose=2' out.mp4" },
  { kind: 'rotate', line: "ffmpeg -i in.mp4 -vf 'rotate=PI/6:ow=rotw(PI/6):oh=roth(PI/6)' out.mp4" },
  { kind: 'rotate', line: 'ffmpeg -i in.mp4 -vf hflip,vflip out.mp4' },
  // slideshow
  {
    kind: 'slideshow',
    line: "ffmpeg -framerate 1/3 -i 'img%03d.png' -c:v libx264 -r 30 -pix_fmt yuv420p slideshow.mp4",
  },
  {
    kind: 'slideshow',
    line: "ffmpeg -framerate 1 -pattern_type glob -i '*.jpg' -c:v libx264 -pix_fmt yuv420p out.mp4",
  },
  {
    kind: 'slideshow',
    line: 'ffmpeg -loop 1 -i cover.jpg -i song.mp3 -c:v libx264 -tune stillimage -c:a aac -b:a 192k -pix_fmt yuv420p -shortest out.mp4',
  },
  {
    kind: 'slideshow',
    line: "ffmpeg -loop 1 -t 3 -i a.png -loop 1 -t 3 -i b.png -filter_complex '[0:v][1:v]xfade=transition=fade:duration=1:offset=2,format=yuv420p[v]' -map '[v]' out.mp4",
  },
  // audio
  { kind: 'audio extract', line: 'ffmpeg -i video.mp4 -vn -acodec copy audio.aac' },
  { kind: 'audio extract', line: 'ffmpeg -i video.mp4 -vn -ar 44100 -ac 2 -b:a 192k audio.mp3' },
  { kind: 'audio extract', line: 'ffmpeg -i in.mp4 -map 0:a:0 -c:a pcm_s16le -ar 16000 -ac 1 out.wav' },
  { kind: 'audio convert', line: 'ffmpeg -i in.wav -codec:a libmp3lame -qscale:a 2 out.mp3' },
  { kind: 'audio convert', line: 'ffmpeg -i in.flac -c:a aac -b:a 256k -ar 48000 out.m4a' },
  {
    kind: 'audio mix',
    line: "ffmpeg -i a.mp3 -i b.mp3 -filter_complex 'amix=inputs=2:duration=longest:dropout_transition=2' out.mp3",
  },
  {
    kind: 'audio mix',
    line: "ffmpeg -i voice.wav -i music.mp3 -filter_complex '[1:a]volume=0.3[bg];[0:a][bg]amix=inputs=2:duration=first[a]' -map '[a]' -c:a aac mixed.m4a",
  },
  {
    kind: 'audio mix',
    line: "ffmpeg -i left.wav -i right.wav -filter_complex '[0:a][1:a]amerge=inputs=2[a]' -map '[a]' -ac 2 stereo.wav",
  },
  { kind: 'audio normalize', line: "ffmpeg -i in.wav -af 'loudnorm=I=-16:TP=-1.5:LRA=11' -ar 48000 out.wav" },
  {
    kind: 'audio normalize',
    line: "ffmpeg -i in.mp3 -af 'volume=1.5,highpass=f=200,lowpass=f=3000' out.mp3",
  },
  { kind: 'audio normalize', line: 'ffmpeg -i in.wav -af volumedetect -vn -sn -dn -f null /dev/null' },
  // waveform picture / visualisation
  {
    kind: 'waveform',
    line: "ffmpeg -i in.mp3 -filter_complex 'showwavespic=s=640x120:colors=#3366cc' -frames:v 1 waveform.png",
  },
  {
    kind: 'waveform',
    line: "ffmpeg -i in.mp3 -filter_complex '[0:a]showwaves=s=1280x720:mode=line,format=yuv420p[v]' -map '[v]' -map 0:a -c:a copy wave.mp4",
  },
  {
    kind: 'waveform',
    line: "ffmpeg -i in.mp3 -lavfi 'showspectrumpic=s=800x400:mode=separate' spectrogram.png",
  },
  // concat both ways
  { kind: 'concat demuxer', line: 'ffmpeg -f concat -safe 0 -i list.txt -c copy joined.mp4' },
  {
    kind: 'concat filter',
    line: "ffmpeg -i a.mp4 -i b.mp4 -filter_complex '[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]' -map '[v]' -map '[a]' joined.mp4",
  },
  {
    kind: 'concat filter',
    line: "ffmpeg -i a.mp4 -i b.mp4 -i c.mp4 -filter_complex 'concat=n=3:v=1:a=0' -an joined.mp4",
  },
  // HLS packaging
  {
    kind: 'hls',
    line: "ffmpeg -i in.mp4 -c:v libx264 -c:a aac -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_filename 'seg_%03d.ts' index.m3u8",
  },
  {
    kind: 'hls',
    line: "ffmpeg -i in.mp4 -map 0:v -map 0:a -map 0:v -map 0:a -c:v libx264 -c:a aac -b:v:0 3000k -s:v:0 1280x720 -b:v:1 800k -s:v:1 640x360 -var_stream_map 'v:0,a:0 v:1,a:1' -master_pl_name master.m3u8 -f hls -hls_time 6 'out_%v.m3u8'",
  },
  {
    kind: 'dash/segment',
    line: 'ffmpeg -i in.mp4 -c copy -f segment -segment_time 10 -reset_timestamps 1 part%03d.mp4',
  },
  // drawtext with escaped text
  {
    kind: 'drawtext',
    line: "ffmpeg -i in.mp4 -vf \"drawtext=text='It\\\\'s 10\\\\:30':x=10:y=10:fontsize=24:fontcolor=white\" out.mp4",
  },
  {
    kind: 'drawtext',
    line: "ffmpeg -i in.mp4 -vf 'drawtext=fontfile=/fonts/DejaVuSans.ttf:text=%{pts\\:hms}:x=(w-tw)/2:y=h-th-10:box=1:boxcolor=black@0.5' out.mp4",
  },
  { kind: 'drawtext', line: 'ffmpeg -i in.mp4 -vf "drawtext=text=\'Hello, World; [1]\':x=5:y=5" out.mp4' },
  // filter_complex with labels and ;
  {
    kind: 'filter_complex',
    line: "ffmpeg -i in.mp4 -filter_complex '[0:v]split=2[a][b];[a]scale=iw/2:-1[small];[b][small]overlay=10:10[out]' -map '[out]' -map 0:a? pip.mp4",
  },
  {
    kind: 'filter_complex',
    line: "ffmpeg -i a.mp4 -i b.mp4 -filter_complex '[0:v]scale=640:360[l];[1:v]scale=640:360[r];[l][r]hstack=inputs=2[v]' -map '[v]' side.mp4",
  },
  {
    kind: 'filter_complex',
    line: "ffmpeg -i in.mp4 -filter_complex '[0:v]split=3[v1][v2][v3];[v1]scale=1280:720[o1];[v2]scale=640:360[o2];[v3]scale=320:180[o3]' -map '[o1]' o1.mp4 -map '[o2]' o2.mp4 -map '[o3]' o3.mp4",
  },
  {
    kind: 'filter_complex',
    line: "ffmpeg -i in.mp4 -filter_complex '[0:v] trim=start=1:end=3, setpts=PTS-STARTPTS [v]; [0:a] atrim=start=1:end=3, asetpts=PTS-STARTPTS [a]' -map '[v]' -map '[a]' clip.mp4",
  },
  {
    kind: 'lavfi input',
    line: "ffmpeg -f lavfi -i 'testsrc2=size=320x240:rate=25:duration=5' -f lavfi -i 'sine=frequency=440:duration=5' -c:v libx264 -c:a aac -shortest test.mp4",
  },
  {
    kind: 'lavfi input',
    line: "ffmpeg -f lavfi -i 'anullsrc=channel_layout=stereo:sample_rate=44100' -i video.mp4 -c:v copy -c:a aac -shortest out.mp4",
  },
  // pipes and misc globals
  { kind: 'pipe', line: 'ffmpeg -i pipe:0 -f wav -c:a pcm_s16le pipe:1' },
  {
    kind: 'pipe',
    line: 'ffmpeg -f rawvideo -pix_fmt rgba -s 640x480 -framerate 30 -i - -c:v libx264 out.mp4',
  },
  { kind: 'globals', line: 'ffmpeg -hide_banner -nostats -progress pipe:1 -i in.mp4 -f null -' },
  { kind: 'globals', line: 'ffmpeg -y -i in.mp4 -copyts -start_at_zero -vsync 0 -c:v libx264 out.mp4' },
  {
    kind: 'multi-output',
    line: 'ffmpeg -i in.mp4 -vf scale=1280:720 -c:v libx264 out720.mp4 -vf scale=640:360 -c:v libx264 out360.mp4',
  },
  { kind: 'no program name', line: '-i in.mp4 -c:v libx264 -crf 28 out.mp4' },
];
