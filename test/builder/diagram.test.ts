import { Command } from 'afmpeg';
import { describe, expect, it } from 'vitest';

// The graph drawn (Mermaid) and outlined (logs): each command and the exact text it gives.
const cases: readonly { name: string; cmd: () => Command<string>; outline: string; mermaid: string }[] = [
  {
    name: 'a default chain over one input (-vf and -af)',
    cmd: () =>
      new Command({ y: true })
        .input('in.mp4', { ss: 5 })
        .filter('scale', { w: 320, h: -2 })
        .filter('volume', { volume: 0.5 })
        .output('out.mp4', { 'c:v': 'libx264', crf: 23 }),
    outline: [
      'inputs:',
      '  #0 in.mp4 (ss=5)',
      'output #0 vf:',
      '  scale#1 <- [in] : w=320 h=-2 -> [output #0]',
      'output #0 af:',
      '  volume#1 <- [in] : volume=0.5 -> [output #0]',
      'outputs:',
      '  #0 out.mp4 (c:v=libx264 crf=23)',
    ].join('\n'),
    mermaid: [
      'flowchart LR',
      '  in0[/"#0 in.mp4"/]',
      '  subgraph g0["output #0 vf"]',
      '    g0n0["scale<br/>w=320 h=-2"]',
      '  end',
      '  in0 --> g0n0',
      '  g0n0 --> out0',
      '  subgraph g1["output #0 af"]',
      '    g1n0["volume<br/>volume=0.5"]',
      '  end',
      '  in0 --> g1n0',
      '  g1n0 --> out0',
      '  out0[\\"#0 out.mp4"\\]',
    ].join('\n'),
  },
  {
    name: 'an explicit graph: a scaled logo over a video, generated label v1',
    cmd: () =>
      new Command()
        .input('main.mp4')
        .input('logo.png')
        .graph((g) => {
          const logo = g.input(1).video.filter('scale', { w: 64, h: -1 });
          return { v: g.filter('overlay', [g.input(0).video, logo], { x: 'W-w-10', y: 10 }) };
        })
        .output('out.mp4', { map: ['v', '0:a?'] }),
    outline: [
      'inputs:',
      '  #0 main.mp4',
      '  #1 logo.png',
      'filter_complex:',
      '  scale#1 <- [1:v] : w=64 h=-1 -> [v1]',
      '  overlay#2 <- [0:v] [v1] : x=W-w-10 y=10 -> [v]',
      'outputs:',
      '  #0 out.mp4 <- [v] 0:a?',
    ].join('\n'),
    mermaid: [
      'flowchart LR',
      '  in0[/"#0 main.mp4"/]',
      '  in1[/"#1 logo.png"/]',
      '  subgraph g0["filter_complex"]',
      '    g0n0["scale<br/>w=64 h=-1"]',
      '    g0n1["overlay<br/>x=W-w-10 y=10"]',
      '  end',
      '  in1 -->|"1:v"| g0n0',
      '  in0 -->|"0:v"| g0n1',
      '  g0n0 -->|"v1"| g0n1',
      '  g0n1 -->|"v"| out0',
      '  out0[\\"#0 out.mp4"\\]',
      '  in0 -->|"0:a?"| out0',
    ].join('\n'),
  },
  {
    name: 'a parsed graph: an unlabelled output goes to the first output; quotes escaped for Mermaid',
    cmd: () =>
      Command.parse(
        `ffmpeg -i a.mp3 -i b.mp3 -filter_complex '[0:a]volume=0.3[bg];[bg][1:a]amix=inputs=2:duration=first' -ac 2 "mix \\"1\\".m4a"`,
      ),
    outline: [
      'inputs:',
      '  #0 a.mp3',
      '  #1 b.mp3',
      'filter_complex:',
      '  volume#1 <- [0:a] : 0.3 -> [bg]',
      '  amix#2 <- [bg] [1:a] : inputs=2 duration=first -> [output #0]',
      'outputs:',
      '  #0 mix "1".m4a (ac=2)',
    ].join('\n'),
    mermaid: [
      'flowchart LR',
      '  in0[/"#0 a.mp3"/]',
      '  in1[/"#1 b.mp3"/]',
      '  subgraph g0["filter_complex"]',
      '    g0n0["volume<br/>0.3"]',
      '    g0n1["amix<br/>inputs=2 duration=first"]',
      '  end',
      '  in0 -->|"0:a"| g0n0',
      '  g0n0 -->|"bg"| g0n1',
      '  in1 -->|"1:a"| g0n1',
      '  g0n1 --> out0',
      '  out0[\\"#0 mix #quot;1#quot;.m4a"\\]',
    ].join('\n'),
  },
  {
    name: 'one -vf per output',
    cmd: () =>
      Command.parse(
        'ffmpeg -i in.mp4 -vf scale=1280:720 -c:v libx264 out720.mp4 -vf scale=640:360 -c:v libx264 out360.mp4',
      ),
    outline: [
      'inputs:',
      '  #0 in.mp4',
      'output #0 vf:',
      '  scale#1 <- [in] : w=1280 h=720 -> [output #0]',
      'output #1 vf:',
      '  scale#1 <- [in] : w=640 h=360 -> [output #1]',
      'outputs:',
      '  #0 out720.mp4 (c:v=libx264)',
      '  #1 out360.mp4 (c:v=libx264)',
    ].join('\n'),
    mermaid: [
      'flowchart LR',
      '  in0[/"#0 in.mp4"/]',
      '  subgraph g0["output #0 vf"]',
      '    g0n0["scale<br/>w=1280 h=720"]',
      '  end',
      '  in0 --> g0n0',
      '  g0n0 --> out0',
      '  subgraph g1["output #1 vf"]',
      '    g1n0["scale<br/>w=640 h=360"]',
      '  end',
      '  in0 --> g1n0',
      '  g1n0 --> out1',
      '  out0[\\"#0 out720.mp4"\\]',
      '  out1[\\"#1 out360.mp4"\\]',
    ].join('\n'),
  },
  {
    name: 'no graph: the inputs go straight to the output',
    cmd: () => new Command().input('in.mkv').output('out.mp4', { c: 'copy' }),
    outline: ['inputs:', '  #0 in.mkv', 'outputs:', '  #0 out.mp4 (c=copy)'].join('\n'),
    mermaid: ['flowchart LR', '  in0[/"#0 in.mkv"/]', '  out0[\\"#0 out.mp4"\\]', '  in0 --> out0'].join(
      '\n',
    ),
  },
];

describe('R-AF-20 toOutline and toMermaid', () => {
  for (const c of cases) {
    it(`outline: ${c.name}`, () => {
      expect(c.cmd().toOutline()).toBe(c.outline);
    });
    it(`mermaid: ${c.name}`, () => {
      expect(c.cmd().toMermaid()).toBe(c.mermaid);
    });
  }
});
