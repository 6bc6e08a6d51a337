// The hostile-input corpus: script payloads, each numbered. Every payload that could run calls
// `security_canary` with its number (the shell logs the call; the app's own UI never makes
// it), and every payload that is markup carries a `data-xss` attribute, so a page where one
// rendered as HTML shows the attribute in its DOM. The corpus is vectors (the ways markup and
// URLs run script) crossed with breakouts (what escapes the context a field lands in), so each
// vector is tried after every breakout.

/** The script an injected payload would run: call the canary with the payload's number. */
const run = (n) => `__TAURI_INTERNALS__.invoke('security_canary',{n:${n}})`;

/** Ways markup and URLs run script. Each takes the payload's number. */
const VECTORS = [
  (n) => `<script data-xss=${n}>${run(n)}</script>`,
  (n) => `<img data-xss=${n} src=x onerror="${run(n)}">`,
  (n) => `<IMG data-xss=${n} SRC=x ONERROR="${run(n)}">`,
  (n) => `<svg data-xss=${n} onload="${run(n)}">`,
  (n) => `<svg><script data-xss=${n}>${run(n)}</script></svg>`,
  (n) => `<iframe data-xss=${n} srcdoc="<script>parent.${run(n)}</script>">`,
  (n) => `<body data-xss=${n} onload="${run(n)}">`,
  (n) => `<input data-xss=${n} autofocus onfocus="${run(n)}">`,
  (n) => `<details data-xss=${n} open ontoggle="${run(n)}">`,
  (n) => `<video data-xss=${n}><source onerror="${run(n)}"></video>`,
  (n) => `<audio data-xss=${n} src=x onerror="${run(n)}">`,
  (n) => `<a data-xss=${n} href="javascript:${run(n)}">open</a>`,
  (n) => `<math data-xss=${n}><mtext><table><mglyph><style><img src=x onerror="${run(n)}">`,
  (n) => `<object data-xss=${n} data="javascript:${run(n)}">`,
  (n) => `<embed data-xss=${n} src="javascript:${run(n)}">`,
  (n) => `<form data-xss=${n}><button formaction="javascript:${run(n)}">go</button></form>`,
  (n) => `<marquee data-xss=${n} onstart="${run(n)}">`,
  (n) => `<style data-xss=${n}>@import 'javascript:${run(n)}';</style>`,
  (n) => `<link data-xss=${n} rel=stylesheet href="javascript:${run(n)}">`,
  (n) => `<meta data-xss=${n} http-equiv=refresh content="0;url=javascript:${run(n)}">`,
  (n) => `<base data-xss=${n} href="javascript:${run(n)}//">`,
  (n) => `<div data-xss=${n} style="background:url(javascript:${run(n)})">`,
  (n) => `<template data-xss=${n}><img src=x onerror="${run(n)}"></template>`,
  (n) => `<noscript><p data-xss=${n} title="</noscript><img src=x onerror=${run(n)}>">`,
  (n) => `<select data-xss=${n} autofocus onfocus="${run(n)}">`,
  (n) => `<textarea data-xss=${n} autofocus onfocus="${run(n)}">`,
  (n) => `<svg><animate data-xss=${n} onbegin="${run(n)}" attributeName=x dur=1s>`,
  (n) => `<svg><a data-xss=${n} href="javascript:${run(n)}"><text x=9 y=9>go</text></a></svg>`,
  (n) => `<img data-xss=${n} src=x onerror=&#x5f;&#x5f;TAURI_INTERNALS__.invoke('security_canary',{n:${n}})>`,
  (n) => `<x data-xss=${n} contenteditable onfocusin="${run(n)}" autofocus>`,
  (n) => `javascript:${run(n)}`,
  (n) => `{{constructor.constructor("${run(n)}")()}}`,
  (n) => `\${${run(n)}}`,
  (n) => `{@html '<img data-xss=${n} src=x onerror="${run(n)}">'}`,
  (n) => `[open](javascript:${run(n)})`,
  (n) => `data:text/html,<script data-xss=${n}>${run(n)}</script>`,
];

/** What escapes the context a value lands in: attributes, elements that hold raw text,
 * comments, CDATA, template literals, option lists. */
const BREAKOUTS = [
  '',
  '">',
  "'>",
  '</title>',
  '</textarea>',
  '</script>',
  '</style>',
  '</noscript>',
  '-->',
  '--!>',
  ']]>',
  '`',
  '*/',
  '"></option></select>',
  '\u0000',
];

/** Every payload, numbered from 1: `{ n, text }`. */
export const PAYLOADS = BREAKOUTS.flatMap((breakout, b) =>
  VECTORS.map((vector, v) => {
    const n = b * VECTORS.length + v + 1;
    return { n, text: breakout + vector(n) };
  }),
);

/** Whether a payload is markup, so `data-xss` would show in the DOM if it rendered. */
export const isMarkup = (text) => /data-xss=/.test(text) && /<[a-z]/i.test(text);
